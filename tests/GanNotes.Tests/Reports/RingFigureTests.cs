using GanNotes.Data;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tensors;

namespace GanNotes.Tests.Reports;

public class RingFigureTests
{
    private static readonly GaussianRing2D Ring = new();

    private static Tensor Points(params (float X, float Y)[] points) =>
        Tensor.FromArray([.. points.SelectMany(p => new[] { p.X, p.Y })], points.Length, 2);

    [Fact]
    public void Panels_TwoPanels_DrawDataCentresAndSamplesInEach_WithOneLegend()
    {
        var data = Ring.Sample(20, new Rng(1));
        var figure = RingFigure.Panels(Ring, data,
            [("step 10", Points((0.5f, 0.5f))), ("step 20", Points((2f, 0f), (-2f, 0f)))], "Samples");

        Assert.Equal(6, figure.Traces.Count);
        Assert.Equal(["p_data (samples)", "the modes' centres", "samples of G"], figure.Traces.Take(3).Select(t => t.Name));
        Assert.All(figure.Traces.Take(3), t => Assert.True(t.ShowLegend));
        Assert.All(figure.Traces.Skip(3), t => Assert.False(t.ShowLegend));
        Assert.All(figure.Traces.Cast<ScatterTrace>(), t => Assert.Equal(ScatterMode.Markers, t.Mode));
        Assert.Equal(20, ((ScatterTrace)figure.Traces[0]).X.Length);
        Assert.Equal(8, ((ScatterTrace)figure.Traces[1]).X.Length);
        Assert.Equal(["step 10", "step 20"], figure.Layout.Annotations.Select(a => a.Text));
        Assert.Equal("Samples", figure.Layout.Title);
    }

    [Fact]
    public void Panels_LaterPanels_AreShiftedRightByOneFrameAndAGap()
    {
        var figure = RingFigure.Panels(Ring, Points(),
            [("a", Points((1f, -1f))), ("b", Points((1f, -1f)))], "t");

        var first = (ScatterTrace)figure.Traces[2];
        var second = (ScatterTrace)figure.Traces[5];
        double side = 2 * (Ring.Radius + RingFigure.Margin);
        Assert.Equal(1, first.X[0], 9);
        Assert.Equal(-1, first.Y[0], 9);
        Assert.True(second.X[0] - first.X[0] > side, $"shift {second.X[0] - first.X[0]}, frame side {side}");
        Assert.Equal(first.Y[0], second.Y[0], 9);
        // The second panel's centres are the first panel's, moved by the same shift.
        var centres1 = (ScatterTrace)figure.Traces[1];
        var centres2 = (ScatterTrace)figure.Traces[4];
        Assert.Equal(second.X[0] - first.X[0], centres2.X[0] - centres1.X[0], 9);
        Assert.Equal(Ring.Radius, centres1.X[0], 6);
    }

    [Fact]
    public void Panels_SamplesOutsideTheFrame_AreLeftOutAndCountedInTheLabel()
    {
        var figure = RingFigure.Panels(Ring, Points(),
            [("step 5", Points((0f, 0f), (10f, 0f), (0f, -3f), (float.NaN, 0f)))], "t");

        var samples = (ScatterTrace)figure.Traces[2];
        Assert.Equal([0.0], samples.X);
        Assert.Equal("step 5 (3 outside)", figure.Layout.Annotations.Single().Text);
    }

    [Fact]
    public void Panels_AxesHidden_FramesDrawnAndTheWholeStripInRange()
    {
        var figure = RingFigure.Panels(Ring, Points(), [("a", Points()), ("b", Points()), ("c", Points())], "t");

        Assert.False(figure.Layout.XAxis.Visible);
        Assert.False(figure.Layout.YAxis.Visible);
        Assert.Equal(12, figure.Layout.Segments.Count); // four sides per frame
        var (xMin, xMax) = figure.Layout.XAxis.Range!.Value;
        double half = Ring.Radius + RingFigure.Margin;
        Assert.Equal(-half, xMin, 9);
        Assert.Equal(figure.Layout.Segments.Max(s => Math.Max(s.X0, s.X1)), xMax, 9);
        Assert.True(figure.Layout.Width > figure.Layout.Height, "a strip of three panels is wider than tall");
    }

    [Fact]
    public void Panels_NoPanels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RingFigure.Panels(Ring, Points(), [], "t"));
        Assert.Contains("at least one panel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Panels_SamplesNotTwoDimensional_NamesTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            RingFigure.Panels(Ring, Points(), [("step 1", Tensor.Zeros(4, 3))], "t"));
        Assert.Contains("[n, 2], got [4, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("step 1", e.Message, StringComparison.Ordinal);
    }
}
