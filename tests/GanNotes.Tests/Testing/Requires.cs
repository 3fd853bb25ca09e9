using GanNotes.Plots;

namespace GanNotes.Tests.Testing;

/// <summary>
/// What a test needs from the machine, checked up front: a test that finds it missing fails and
/// says what to install, rather than passing without checking what it is about.
/// </summary>
internal static class Requires
{
    /// <summary>Chromium (and the shipped plotly.js) for the static PNG of a chart.</summary>
    public static void Chromium() =>
        Assert.True(FigureExport.IsAvailable, "this test renders a chart to PNG and needs Chromium: sudo apt-get install chromium, or set GANNOTES_CHROMIUM (tests/test.sh installs it)");
}
