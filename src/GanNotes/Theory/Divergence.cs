namespace GanNotes.Theory;

/// <summary>
/// The divergences of Goodfellow et al. 2014, Section 4.1, by Simpson's rule on a grid:
/// KL(p || q) = integral of p(x) log(p(x) / q(x)) dx, and
/// JSD(p || q) = KL(p || m) / 2 + KL(q || m) / 2 with m = (p + q) / 2, which lies in [0, log 2], is 0
/// if and only if p = q, and gives C(G) = -log 4 + 2 JSD(p_data || p_g) (Eq. 6, Theorem 1).
/// </summary>
/// <remarks>
/// 0 log 0 = 0: where p(x) = 0 a term contributes nothing. Where p(x) &gt; 0 but q(x) = 0, KL(p || q) is
/// +infinity (returned as such); JSD never is, as m &gt;= p/2. The logarithms come from
/// <see cref="IDensity1D.LogPdf"/>, so Gaussian tails, where the densities underflow, still count.
/// </remarks>
public static class Divergence
{
    /// <summary>KL(p || q) = integral of p log(p / q) dx on <paramref name="grid"/>; +infinity when q = 0 at a node where p &gt; 0.</summary>
    /// <exception cref="ArgumentException">p or q does not integrate to 1 on the grid within 1e-3.</exception>
    public static QuadratureResult KullbackLeibler(IDensity1D p, IDensity1D q, QuadratureGrid grid)
    {
        DensityValidation.RequireNormalized(p, grid, nameof(p));
        DensityValidation.RequireNormalized(q, grid, nameof(q));
        bool infinite = false;
        var result = Quadrature.Simpson(x =>
        {
            double logP = p.LogPdf(x);
            if (double.IsNegativeInfinity(logP))
            {
                return 0;
            }
            double logQ = q.LogPdf(x);
            if (double.IsNegativeInfinity(logQ))
            {
                infinite = true;
                return 0;
            }
            return Math.Exp(logP) * (logP - logQ);
        }, grid);
        return infinite ? result with { Value = double.PositiveInfinity, ErrorEstimate = 0 } : result;
    }

    /// <summary>
    /// JSD(p || q) = (1/2) integral of p log(p / m) + q log(q / m) dx, m = (p + q) / 2, on <paramref name="grid"/>;
    /// in [0, log 2] up to the quadrature error.
    /// </summary>
    /// <exception cref="ArgumentException">p or q does not integrate to 1 on the grid within 1e-3.</exception>
    public static QuadratureResult JensenShannon(IDensity1D p, IDensity1D q, QuadratureGrid grid)
    {
        DensityValidation.RequireNormalized(p, grid, nameof(p));
        DensityValidation.RequireNormalized(q, grid, nameof(q));
        double log2 = Math.Log(2);
        return Quadrature.Simpson(x =>
        {
            double logP = p.LogPdf(x);
            double logQ = q.LogPdf(x);
            // log(p / m) = log 2 - softplus(log q - log p); exactly 0 when p = q.
            double fromP = double.IsNegativeInfinity(logP) ? 0 : Math.Exp(logP) * (log2 - SpecialFunctions.Softplus(logQ - logP));
            double fromQ = double.IsNegativeInfinity(logQ) ? 0 : Math.Exp(logQ) * (log2 - SpecialFunctions.Softplus(logP - logQ));
            return 0.5 * (fromP + fromQ);
        }, grid);
    }
}
