namespace GanNotes.Tests.Testing;

/// <summary>
/// A fact that needs ptxas: where ptxas is not on PATH it is reported as skipped, with the reason,
/// rather than passing without assembling anything. tests/test.sh does not install the toolkit;
/// .ci/run does, so CI always assembles.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PtxasFactAttribute : FactAttribute
{
    public PtxasFactAttribute()
    {
        if (Ptxas.Location is null)
        {
            Skip = Ptxas.MissingReason;
        }
    }
}

/// <summary>A theory that needs ptxas: skipped with the reason where ptxas is not on PATH (see <see cref="PtxasFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PtxasTheoryAttribute : TheoryAttribute
{
    public PtxasTheoryAttribute()
    {
        if (Ptxas.Location is null)
        {
            Skip = Ptxas.MissingReason;
        }
    }
}
