namespace GanNotes.Theory;

/// <summary>A numerical integral and an estimate of its error.</summary>
/// <param name="Value">The rule's value on the grid of <paramref name="Intervals"/> intervals.</param>
/// <param name="ErrorEstimate">
/// Richardson's estimate of |Value - exact integral| (see <see cref="Quadrature.Simpson(Func{double, double}, double, double, int)"/>); asymptotic,
/// so a good guide on smooth integrands, not a guaranteed bound (<see cref="Quadrature.SimpsonErrorBound"/> is one).
/// </param>
/// <param name="Intervals">The number of intervals n of the grid that gave <paramref name="Value"/>.</param>
public sealed record QuadratureResult(double Value, double ErrorEstimate, int Intervals)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TheoryChecks.Format(Value)} ± {TheoryChecks.Format(ErrorEstimate)} (n = {Intervals})";
}
