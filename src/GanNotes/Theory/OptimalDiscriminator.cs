namespace GanNotes.Theory;

/// <summary>
/// The optimal discriminator for a fixed G (Goodfellow et al. 2014, Proposition 1, Eq. 2):
/// D*_G(x) = p_data(x) / (p_data(x) + p_g(x)), the maximiser of a log y + b log(1 - y) at y = a / (a + b)
/// applied at every x. Where p_g = p_data it is 1/2, the paper's equilibrium (Fig. 1d).
/// </summary>
/// <remarks>
/// Where both densities are 0 the ratio is 0/0; D* is defined as 1/2 there (x outside the support of
/// both is never seen, so no value of D changes V; 1/2 is the "cannot tell" answer). It is computed as
/// 1 / (1 + exp(log p_g(x) - log p_data(x))), so Gaussian tails, where both densities underflow long
/// before their ratio does, still get the true ratio.
/// </remarks>
public sealed class OptimalDiscriminator
{
    /// <summary>D* for p_data and p_g, both checked to integrate to 1 on <paramref name="grid"/> (<see cref="DensityValidation"/>).</summary>
    /// <exception cref="ArgumentException">p_data or p_g is not a probability density on the grid.</exception>
    public OptimalDiscriminator(IDensity1D pData, IDensity1D pG, QuadratureGrid grid)
    {
        DensityValidation.RequireNormalized(pData, grid, nameof(pData));
        DensityValidation.RequireNormalized(pG, grid, nameof(pG));
        PData = pData;
        PG = pG;
        Grid = grid;
    }

    /// <summary>p_data.</summary>
    public IDensity1D PData { get; }

    /// <summary>p_g.</summary>
    public IDensity1D PG { get; }

    /// <summary>The grid the densities were checked on.</summary>
    public QuadratureGrid Grid { get; }

    /// <summary>D*(x) = p_data(x) / (p_data(x) + p_g(x)); 1/2 where both are 0.</summary>
    public double Evaluate(double x) => FromLogDensities(PData.LogPdf(x), PG.LogPdf(x));

    /// <summary>D* on every node of <see cref="Grid"/> (pairs with <see cref="QuadratureGrid.Points"/> for plotting).</summary>
    public double[] EvaluateOnGrid() => [.. Grid.Points().Select(Evaluate)];

    /// <summary>D* from the two density values at one x: a / (a + b), and 1/2 when a = b = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public static double FromDensities(double pDataAtX, double pGAtX)
    {
        if (!(pDataAtX >= 0 && double.IsFinite(pDataAtX)))
        {
            throw new ArgumentOutOfRangeException(nameof(pDataAtX), pDataAtX, $"Invalid pDataAtX: {TheoryChecks.Format(pDataAtX)}; a density value is non-negative and finite.");
        }
        if (!(pGAtX >= 0 && double.IsFinite(pGAtX)))
        {
            throw new ArgumentOutOfRangeException(nameof(pGAtX), pGAtX, $"Invalid pGAtX: {TheoryChecks.Format(pGAtX)}; a density value is non-negative and finite.");
        }
        double sum = pDataAtX + pGAtX;
        return sum == 0 ? 0.5 : pDataAtX / sum;
    }

    /// <summary>1 / (1 + exp(log q - log p)): 1/2 when both are -infinity, 0 or 1 when one is.</summary>
    internal static double FromLogDensities(double logP, double logQ)
    {
        if (double.IsNegativeInfinity(logP) && double.IsNegativeInfinity(logQ))
        {
            return 0.5;
        }
        if (double.IsNaN(logP) || double.IsNaN(logQ))
        {
            throw new ArgumentException($"Invalid density: log p_data = {TheoryChecks.Format(logP)}, log p_g = {TheoryChecks.Format(logQ)}; a density must not be NaN.");
        }
        return 1 / (1 + Math.Exp(logQ - logP));
    }
}
