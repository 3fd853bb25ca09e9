namespace GanNotes.Theory;

/// <summary>
/// The check made wherever a probability density is required (V, D*, C(G), KL, JSD): p is finite and
/// non-negative at every node of the grid, and integrates to 1 over it within <see cref="Tolerance"/>.
/// </summary>
/// <remarks>
/// The tolerance, 1e-3, is far above what the grid's quadrature error and the dropped tails cost a true
/// density (below 1e-9 on the default grid, even for a kernel estimate), and far below what the usual
/// mistakes cost: a missing 1/(sigma sqrt(2 pi)), a histogram that counts instead of dividing by
/// n times the bin width, or a range that misses a mode. So a failed check means a wrong density, a grid
/// that is too short, or one too coarse for the narrowest bump; the message says which value.
/// </remarks>
public static class DensityValidation
{
    /// <summary>How far the mass over the grid may be from 1: 1e-3.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>Throws unless <paramref name="p"/> is a probability density on <paramref name="grid"/>; returns its mass there.</summary>
    /// <exception cref="ArgumentException">p is negative or not finite at a node, or its mass differs from 1 by more than 1e-3; the message names <paramref name="name"/> and the value.</exception>
    public static double RequireNormalized(IDensity1D p, QuadratureGrid grid, string name)
    {
        ArgumentNullException.ThrowIfNull(p, name);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(name);
        Func<double, double> checkedPdf = x =>
        {
            double value = p.Pdf(x);
            if (!(value >= 0 && double.IsFinite(value)))
            {
                throw new ArgumentException($"Invalid {name}: {name}({TheoryChecks.Format(x)}) = {TheoryChecks.Format(value)}; a density must be non-negative and finite.", name);
            }
            return value;
        };
        double mass = Quadrature.Simpson(checkedPdf, grid).Value;
        if (!(Math.Abs(mass - 1) <= Tolerance))
        {
            throw new ArgumentException(
                $"Invalid {name}: it integrates to {TheoryChecks.Short(mass)} over {grid}, not 1 (tolerance {TheoryChecks.Format(Tolerance)}); " +
                "pass a normalised density, or a grid that covers all of its mass with steps finer than its narrowest bump.", name);
        }
        return mass;
    }
}
