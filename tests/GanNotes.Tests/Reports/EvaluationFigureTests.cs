using GanNotes.Evaluation;
using GanNotes.Reports;

namespace GanNotes.Tests.Reports;

public sealed class EvaluationFigureTests
{
    [Fact]
    public void Of_ImageRows_FrechetDistanceAgainstEpoch()
    {
        EvaluationScores[] rows = [new(1, 468, 100, FrechetDistance: 150.5), new(2, 936, 100, FrechetDistance: 73.25)];

        var figure = EvaluationFigure.Of(rows);

        var trace = Assert.IsType<GanNotes.Plots.ScatterTrace>(Assert.Single(figure.Traces));
        Assert.Equal([1.0, 2.0], trace.X);
        Assert.Equal([150.5, 73.25], trace.Y);
        Assert.Contains("Fréchet distance", figure.Layout.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_RingRows_ModesHitAgainstEpoch()
    {
        EvaluationScores[] rows = [new(5, 10, 100, ModesHit: 3, HighQualityShare: 0.5), new(10, 20, 100, ModesHit: 8, HighQualityShare: 0.9)];

        var trace = Assert.IsType<GanNotes.Plots.ScatterTrace>(Assert.Single(EvaluationFigure.Of(rows).Traces));

        Assert.Equal([3.0, 8.0], trace.Y);
    }

    [Fact]
    public void Of_RowsOutOfOrder_DrawnByEpoch()
    {
        EvaluationScores[] rows = [new(3, 3, 2, FrechetDistance: 30), new(1, 1, 2, FrechetDistance: 10), new(2, 2, 2, FrechetDistance: 20)];

        var trace = Assert.IsType<GanNotes.Plots.ScatterTrace>(Assert.Single(EvaluationFigure.Of(rows).Traces));

        Assert.Equal([1.0, 2.0, 3.0], trace.X);
        Assert.Equal([10.0, 20.0, 30.0], trace.Y);
    }

    [Fact]
    public void Of_NoRowsOrMixedRows_Refused()
    {
        Assert.Throws<ArgumentException>(() => EvaluationFigure.Of([]));
        Assert.Throws<ArgumentException>(() => EvaluationFigure.Of([new(1, 1, 2, FrechetDistance: 1), new(2, 2, 2, ModesHit: 1)]));
    }
}
