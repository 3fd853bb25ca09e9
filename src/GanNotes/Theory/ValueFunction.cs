using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// The value function of the two-player game (Goodfellow et al. 2014, Eq. 1),
/// V(D, G) = E_{x ~ p_data}[log D(x)] + E_{z ~ p_z}[log(1 - D(G(z)))], which D maximises and G minimises;
/// written over x with p_g the density of G(z) (the integral in the proof of Proposition 1, Eq. 3),
/// V(G, D) = integral of p_data(x) log D(x) + p_g(x) log(1 - D(x)) dx.
/// </summary>
/// <remarks>
/// log 0: D is clamped into [eps, 1 - eps] with eps = <see cref="Epsilon"/> = 1e-12 before the logarithms,
/// so a saturated discriminator costs at most log(1e-12) = -27.6 per sample instead of -infinity; in the
/// integral, a term whose density is exactly 0 is 0 whatever D is (0 log 0 = 0). A D outside [0, 1] or
/// NaN is a bug and throws.
/// </remarks>
public static class ValueFunction
{
    /// <summary>The clamp eps: D is used as min(max(D, eps), 1 - eps) inside the logarithms.</summary>
    public const double Epsilon = 1e-12;

    /// <summary>
    /// V(G, D) = integral over [a, b] of p_data(x) log D(x) + p_g(x) log(1 - D(x)) dx (Eq. 1 in the integral form
    /// of Eq. 3) by Simpson's rule on <paramref name="grid"/>; the error estimate is the quadrature's.
    /// </summary>
    /// <exception cref="ArgumentException">p_data or p_g does not integrate to 1 on the grid within 1e-3 (<see cref="DensityValidation"/>), or D is outside [0, 1].</exception>
    public static QuadratureResult Integrate(IDensity1D pData, IDensity1D pG, Func<double, double> D, QuadratureGrid grid)
    {
        ArgumentNullException.ThrowIfNull(D);
        DensityValidation.RequireNormalized(pData, grid, nameof(pData));
        DensityValidation.RequireNormalized(pG, grid, nameof(pG));
        return Quadrature.Simpson(x =>
        {
            double p = pData.Pdf(x);
            double q = pG.Pdf(x);
            double d = TheoryChecks.Discriminator(D(x), x, nameof(D));
            double real = p > 0 ? p * ClampedLog(d) : 0;
            double fake = q > 0 ? q * ClampedLog(1 - d) : 0;
            return real + fake;
        }, grid);
    }

    /// <summary>
    /// The Monte Carlo estimate of Eq. 1 from samples: (1/m_1) sum_i log D(x_i) + (1/m_2) sum_j log(1 - D(xG_j)),
    /// x_i ~ p_data and xG_j = G(z_j) drawn independently; the standard error is
    /// sqrt(s_1^2 / m_1 + s_2^2 / m_2) with s_1^2, s_2^2 the sample variances of the two sets of terms.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Either sample has fewer than 2 values (no variance).</exception>
    /// <exception cref="ArgumentException">A sample is not finite, or D is outside [0, 1].</exception>
    public static MonteCarloEstimate MonteCarlo(ReadOnlySpan<double> x, ReadOnlySpan<double> xG, Func<double, double> D)
    {
        ArgumentNullException.ThrowIfNull(D);
        TheoryChecks.Count(x.Length, 2, "x.Length");
        TheoryChecks.Count(xG.Length, 2, "xG.Length");
        var (realMean, realVariance) = MeanAndVariance(TheoryChecks.FiniteSample(x, nameof(x)), t => ClampedLog(TheoryChecks.Discriminator(D(t), t, nameof(D))));
        var (fakeMean, fakeVariance) = MeanAndVariance(TheoryChecks.FiniteSample(xG, nameof(xG)), t => ClampedLog(1 - TheoryChecks.Discriminator(D(t), t, nameof(D))));
        double standardError = Math.Sqrt(realVariance / x.Length + fakeVariance / xG.Length);
        return new MonteCarloEstimate(realMean + fakeMean, standardError, x.Length, xG.Length);
    }

    /// <summary>The Monte Carlo estimate of Eq. 1 with the generated samples G(z_j) made here from noise <paramref name="z"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Either sample has fewer than 2 values.</exception>
    /// <exception cref="ArgumentException">A sample or G(z) is not finite, or D is outside [0, 1].</exception>
    public static MonteCarloEstimate MonteCarlo(ReadOnlySpan<double> x, ReadOnlySpan<double> z, Func<double, double> G, Func<double, double> D)
    {
        ArgumentNullException.ThrowIfNull(G);
        var xG = new double[z.Length];
        for (int j = 0; j < z.Length; j++)
        {
            xG[j] = G(z[j]);
        }
        return MonteCarlo(x, xG, D);
    }

    /// <summary>
    /// The Monte Carlo estimate of Eq. 1 with fresh samples: m draws x ~ p_data, then m draws z ~ p_z pushed
    /// through G, all from <paramref name="rng"/> (one minibatch of Algorithm 1 when m is its size).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m &lt; 2.</exception>
    public static MonteCarloEstimate MonteCarlo(IDistribution1D pData, IDistribution1D pZ, Func<double, double> G, Func<double, double> D, int m, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pZ);
        ArgumentNullException.ThrowIfNull(rng);
        TheoryChecks.Count(m, 2, nameof(m));
        var x = pData.Sample(m, rng);
        var z = pZ.Sample(m, rng);
        return MonteCarlo(x, z, G, D);
    }

    /// <summary>log(min(max(d, eps), 1 - eps)).</summary>
    internal static double ClampedLog(double d) => Math.Log(Math.Clamp(d, Epsilon, 1 - Epsilon));

    private static (double Mean, double Variance) MeanAndVariance(double[] values, Func<double, double> term)
    {
        var t = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            t[i] = term(values[i]);
            sum += t[i];
        }
        double mean = sum / t.Length;
        double squares = 0;
        foreach (double ti in t)
        {
            squares += (ti - mean) * (ti - mean);
        }
        return (mean, squares / (t.Length - 1));
    }
}
