namespace GanNotes.Theory;

/// <summary>The error function, stable log-sum-exp and a bisection inverse, for the densities of this namespace.</summary>
internal static class SpecialFunctions
{
    public static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>
    /// erfc(x) = (2 / sqrt(pi)) * integral from x to infinity of exp(-t^2) dt, to about 2e-15 relative:
    /// the series erf(x) = (2 / sqrt(pi)) exp(-x^2) sum_k 2^k x^(2k+1) / (2k+1)!! below 1 (all terms
    /// positive, so no cancellation; erfc &gt;= 0.157 there, so 1 - erf keeps its precision), the continued
    /// fraction of Abramowitz &amp; Stegun 7.1.14 from 1 on (under 200 terms; it keeps the tail's relative
    /// precision, which 1 - erf would lose).
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }
        return x < 1 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    private static double ErfSeries(double x)
    {
        double twoX2 = 2 * x * x;
        double term = x;
        double sum = x;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++)
        {
            term *= twoX2 / (2 * k + 1);
            sum += term;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    private static double ErfcContinuedFraction(double x)
    {
        // x + (1/2)/(x + 1/(x + (3/2)/(x + ...))): partial numerators k/2, denominators x; modified Lentz.
        const double Tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 1000; k++)
        {
            double a = 0.5 * k;
            d = x + a * d;
            d = d == 0 ? 1 / Tiny : 1 / d;
            c = x + a / c;
            if (c == 0)
            {
                c = Tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * f);
    }

    /// <summary>Phi(z) = P(Z &lt;= z) for Z ~ N(0, 1), = erfc(-z / sqrt 2) / 2.</summary>
    public static double StandardNormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>log N(x; mu, sigma^2) = -(x - mu)^2 / (2 sigma^2) - log sigma - log sqrt(2 pi).</summary>
    public static double NormalLogPdf(double x, double mean, double std)
    {
        double z = (x - mean) / std;
        return -0.5 * z * z - Math.Log(std) - LogSqrtTwoPi;
    }

    /// <summary>N(x; mu, sigma^2) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)).</summary>
    public static double NormalPdf(double x, double mean, double std)
    {
        double z = (x - mean) / std;
        return Math.Exp(-0.5 * z * z) / (std * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>log(exp(a) + exp(b)) without overflow or underflow; -infinity when both are.</summary>
    public static double LogAddExp(double a, double b)
    {
        double max = Math.Max(a, b);
        if (double.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    /// <summary>softplus(t) = log(1 + exp(t)), stable for large |t|; +infinity at +infinity, 0 at -infinity.</summary>
    public static double Softplus(double t) =>
        t > 0 ? t + Math.Log(1 + Math.Exp(-t)) : Math.Log(1 + Math.Exp(t));

    /// <summary>
    /// F^-1(u) by bisection on the monotone <paramref name="cdf"/>, starting from [low, high] and widening
    /// it until it brackets u; stops when the bracket is a few ulps wide.
    /// </summary>
    public static double InverseByBisection(Func<double, double> cdf, double u, double low, double high)
    {
        double width = high - low;
        while (cdf(low) > u)
        {
            low -= width;
            width *= 2;
        }
        width = high - low;
        while (cdf(high) < u)
        {
            high += width;
            width *= 2;
        }
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (low + high);
            if (mid <= low || mid >= high)
            {
                break;
            }
            if (cdf(mid) < u)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
