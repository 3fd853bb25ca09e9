namespace GanNotes.Theory;

/// <summary>
/// The virtual training criterion C(G) = max_D V(G, D) = V(G, D*_G) (Goodfellow et al. 2014, Eq. 4)
/// = E_{x ~ p_data}[log(p_data / (p_data + p_g))] + E_{x ~ p_g}[log(p_g / (p_data + p_g))]
/// = -log 4 + KL(p_data || m) + KL(p_g || m) (Eq. 5), m = (p_data + p_g) / 2,
/// = -log 4 + 2 JSD(p_data || p_g) (Eq. 6, Theorem 1), whose global minimum -log 4 is reached if and only if p_g = p_data.
/// </summary>
public static class TrainingCriterion
{
    /// <summary>The global minimum of C(G), -log 4 = -1.386..., reached at p_g = p_data (Theorem 1).</summary>
    public static double Minimum { get; } = -Math.Log(4);

    /// <summary>
    /// C(G) = integral of p_data log D* + p_g log(1 - D*) dx by Simpson's rule on <paramref name="grid"/> (Eq. 4), with
    /// log D* = -softplus(log p_g - log p_data) and log(1 - D*) = -softplus(log p_data - log p_g) computed
    /// from the log-densities (no clamp needed); a term whose density is 0 is 0.
    /// </summary>
    /// <exception cref="ArgumentException">p_data or p_g does not integrate to 1 on the grid within 1e-3.</exception>
    public static QuadratureResult Evaluate(IDensity1D pData, IDensity1D pG, QuadratureGrid grid)
    {
        DensityValidation.RequireNormalized(pData, grid, nameof(pData));
        DensityValidation.RequireNormalized(pG, grid, nameof(pG));
        return Quadrature.Simpson(x =>
        {
            double logP = pData.LogPdf(x);
            double logQ = pG.LogPdf(x);
            double real = double.IsNegativeInfinity(logP) ? 0 : -Math.Exp(logP) * SpecialFunctions.Softplus(logQ - logP);
            double fake = double.IsNegativeInfinity(logQ) ? 0 : -Math.Exp(logQ) * SpecialFunctions.Softplus(logP - logQ);
            return real + fake;
        }, grid);
    }

    /// <summary>Theorem 1 (Eq. 6): C(G) = -log 4 + 2 JSD(p_data || p_g).</summary>
    public static double FromJensenShannon(double jensenShannon) => Minimum + 2 * jensenShannon;
}
