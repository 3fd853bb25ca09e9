namespace GanNotes.Theory;

/// <summary>
/// Numerical integration of f over [a, b] on n equal intervals of width h = (b - a) / n, with an
/// error estimate: the composite trapezoid and Simpson rules.
/// </summary>
/// <remarks>
/// Error estimate (Richardson): the rules' errors shrink as h^2 (trapezoid) and h^4 (Simpson), so
/// comparing the n-interval value with the value on a grid twice as coarse, with the same end points,
/// estimates the error of the fine one: |T(n) - T(n/2)| / 3 and |S(n) - S(n/2)| / 15. The coarse grid
/// reuses the fine grid's nodes, so the estimate costs no extra evaluations. Where that coarse grid does
/// not exist (n odd for the trapezoid, n/2 odd for Simpson) the grid is refined instead:
/// (4/3) |T(2n) - T(n)| and (16/15) |S(2n) - S(n)|, which costs n more evaluations of f.
/// The estimate assumes f smooth on [a, b]; the rigorous bounds need a bound on a derivative and are
/// given by <see cref="TrapezoidErrorBound"/> and <see cref="SimpsonErrorBound"/>.
/// </remarks>
public static class Quadrature
{
    /// <summary>
    /// The composite Simpson rule S(n) = (h/3) [f(x_0) + 4 f(x_1) + 2 f(x_2) + ... + 4 f(x_{n-1}) + f(x_n)],
    /// x_i = a + i h, exact for cubics; error -(b - a) h^4 f''''(xi) / 180 for some xi in [a, b].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">a &gt;= b, a or b not finite, n &lt; 2 or n odd.</exception>
    /// <exception cref="ArgumentException">f is NaN or infinite at a node.</exception>
    public static QuadratureResult Simpson(Func<double, double> f, double a, double b, int n)
    {
        ArgumentNullException.ThrowIfNull(f);
        TheoryChecks.Range(a, b);
        TheoryChecks.Intervals(n, even: true);
        double[] values = Evaluate(f, a, b, n);
        double h = (b - a) / n;
        double s = SimpsonSum(values, h, stride: 1);
        double error;
        if (n % 4 == 0)
        {
            error = Math.Abs(s - SimpsonSum(values, 2 * h, stride: 2)) / 15;
        }
        else
        {
            double fine = SimpsonSum(Refine(f, a, h, values), h / 2, stride: 1);
            error = 16.0 / 15.0 * Math.Abs(fine - s);
        }
        return new QuadratureResult(s, error, n);
    }

    /// <summary>
    /// The composite trapezoid rule T(n) = h [f(x_0)/2 + f(x_1) + ... + f(x_{n-1}) + f(x_n)/2], x_i = a + i h,
    /// exact for lines; error -(b - a) h^2 f''(xi) / 12 for some xi in [a, b].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">a &gt;= b, a or b not finite, or n &lt; 2.</exception>
    /// <exception cref="ArgumentException">f is NaN or infinite at a node.</exception>
    public static QuadratureResult Trapezoid(Func<double, double> f, double a, double b, int n)
    {
        ArgumentNullException.ThrowIfNull(f);
        TheoryChecks.Range(a, b);
        TheoryChecks.Intervals(n, even: false);
        double[] values = Evaluate(f, a, b, n);
        double h = (b - a) / n;
        double t = TrapezoidSum(values, h, stride: 1);
        double error;
        if (n % 2 == 0)
        {
            error = Math.Abs(t - TrapezoidSum(values, 2 * h, stride: 2)) / 3;
        }
        else
        {
            double fine = TrapezoidSum(Refine(f, a, h, values), h / 2, stride: 1);
            error = 4.0 / 3.0 * Math.Abs(fine - t);
        }
        return new QuadratureResult(t, error, n);
    }

    /// <summary>The rigorous bound (b - a) h^4 M4 / 180 on Simpson's error, M4 &gt;= max |f''''| on [a, b].</summary>
    public static double SimpsonErrorBound(double a, double b, int n, double maxAbsFourthDerivative)
    {
        TheoryChecks.Range(a, b);
        TheoryChecks.Intervals(n, even: true);
        double h = (b - a) / n;
        return (b - a) * Math.Pow(h, 4) * Math.Abs(maxAbsFourthDerivative) / 180;
    }

    /// <summary>The rigorous bound (b - a) h^2 M2 / 12 on the trapezoid rule's error, M2 &gt;= max |f''| on [a, b].</summary>
    public static double TrapezoidErrorBound(double a, double b, int n, double maxAbsSecondDerivative)
    {
        TheoryChecks.Range(a, b);
        TheoryChecks.Intervals(n, even: false);
        double h = (b - a) / n;
        return (b - a) * h * h * Math.Abs(maxAbsSecondDerivative) / 12;
    }

    /// <summary>Simpson's rule for f over <paramref name="grid"/>.</summary>
    public static QuadratureResult Simpson(Func<double, double> f, QuadratureGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Simpson(f, grid.A, grid.B, grid.Intervals);
    }

    /// <summary>
    /// The probability mass of p on [a, b] of <paramref name="grid"/> by Simpson's rule: 1 up to the
    /// quadrature error and the tails outside the range (see <see cref="TailMass"/>).
    /// </summary>
    public static QuadratureResult IntegrateDensity(IDensity1D p, QuadratureGrid grid)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Simpson(p.Pdf, grid);
    }

    /// <summary>The exact mass outside [a, b], F(a) + 1 - F(b): what a quadrature over the grid leaves out.</summary>
    public static double TailMass(IDistribution1D p, QuadratureGrid grid)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grid);
        return p.Cdf(grid.A) + (1 - p.Cdf(grid.B));
    }

    private static double[] Evaluate(Func<double, double> f, double a, double b, int n)
    {
        var values = new double[n + 1];
        double h = (b - a) / n;
        for (int i = 0; i <= n; i++)
        {
            double x = i == n ? b : a + i * h;
            values[i] = Checked(f, x);
        }
        return values;
    }

    /// <summary>The 2n + 1 values on the grid of half the step: the given nodes interleaved with the midpoints.</summary>
    private static double[] Refine(Func<double, double> f, double a, double h, double[] values)
    {
        int n = values.Length - 1;
        var fine = new double[2 * n + 1];
        for (int i = 0; i < n; i++)
        {
            fine[2 * i] = values[i];
            fine[2 * i + 1] = Checked(f, a + (i + 0.5) * h);
        }
        fine[2 * n] = values[n];
        return fine;
    }

    private static double Checked(Func<double, double> f, double x)
    {
        double y = f(x);
        if (!double.IsFinite(y))
        {
            throw new ArgumentException($"Invalid f({TheoryChecks.Format(x)}) = {TheoryChecks.Format(y)}; the integrand must be finite on the grid.", nameof(f));
        }
        return y;
    }

    /// <summary>Simpson's sum over every stride-th node with step h (the node count minus 1, over stride, is even).</summary>
    private static double SimpsonSum(double[] values, double h, int stride)
    {
        int n = (values.Length - 1) / stride;
        double sum = values[0] + values[n * stride];
        for (int i = 1; i < n; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * values[i * stride];
        }
        return sum * h / 3;
    }

    private static double TrapezoidSum(double[] values, double h, int stride)
    {
        int n = (values.Length - 1) / stride;
        double sum = 0.5 * (values[0] + values[n * stride]);
        for (int i = 1; i < n; i++)
        {
            sum += values[i * stride];
        }
        return sum * h;
    }
}
