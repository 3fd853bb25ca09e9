using GanNotes.Plots;
using GanNotes.Reports;

namespace GanNotes.Tests.Reports;

public class SeedCurvesTests
{
    private static SeedCurves ThreeSeeds() => new("k = 5", every: 50,
    [
        [1.0, 0.5, 0.1, 0.1],
        [1.0, 0.3, 0.3, 0.1],
        [1.0, 0.9, 0.8, 0.7],
    ]);

    [Fact]
    public void MeanAndStandardDeviation_PerStep_OverTheRuns()
    {
        var curves = ThreeSeeds();
        Assert.Equal([50, 100, 150, 200], curves.Steps);
        Assert.Equal(0.4, curves.Mean[2], 12);
        // Sample sd of 0.1, 0.3, 0.8: mean 0.4, squares 0.09 + 0.01 + 0.16 = 0.26, / 2, sqrt.
        Assert.Equal(Math.Sqrt(0.13), curves.StandardDeviation[2], 12);
        Assert.Equal(0, curves.StandardDeviation[0], 12);
    }

    [Fact]
    public void Summary_CountsTheRunsThatFellBelow_AndTheirFirstStep()
    {
        var curves = ThreeSeeds();
        Assert.Equal([150.0, 200.0], curves.FirstStepsBelow(0.2));
        Assert.Equal([0.1, 0.2, 0.75], curves.SecondHalfMeans().Select(v => Math.Round(v, 12)));
        Assert.Equal("k = 5: below 0.2 in 2 of 3 seeds, first at step 175 ± 35; mean over the second half 0.350 ± 0.350",
            curves.Summary(0.2));
        Assert.Equal("k = 5: below 0.05 in 0 of 3 seeds; mean over the second half 0.350 ± 0.350", curves.Summary(0.05));
    }

    [Fact]
    public void AddTo_DrawsTheMeanWithErrorBars()
    {
        var trace = (ScatterTrace)ThreeSeeds().AddTo(new Figure(), "orange").Traces.Single();
        Assert.Equal("k = 5", trace.Name);
        Assert.Equal(4, trace.ErrorY!.Length);
    }

    [Fact]
    public void Constructor_RunsOfDifferentLengths_SaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => new SeedCurves("adam", 10, [[1.0, 2.0], [1.0]]));
        Assert.Contains("adam: the runs differ in length", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SeedCurves("adam", 10, []));
        Assert.Throws<ArgumentException>(() => SeedCurves.MeanAndSd([]));
    }
}
