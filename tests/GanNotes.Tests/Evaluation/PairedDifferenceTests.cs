using GanNotes.Evaluation;

namespace GanNotes.Tests.Evaluation;

public class PairedDifferenceTests
{
    [Fact]
    public void Of_HandExample_MeanAndStandardErrorOfTheDifferences()
    {
        // d = [1, 0, 2, 1]: mean 1, sample variance (0 + 1 + 1 + 0) / 3, standard error sqrt(2/3) / 2.
        var difference = PairedDifference.Of([1, 2, 3, 4], [0, 2, 1, 3]);

        Assert.Equal(1, difference.Mean, 12);
        Assert.Equal(Math.Sqrt(2.0 / 3) / 2, difference.StandardError, 12);
        Assert.Equal(4, difference.Count);
        Assert.Equal(1 / (Math.Sqrt(2.0 / 3) / 2), difference.StandardErrors, 12);
    }

    [Fact]
    public void Of_ScoresThatMoveTogether_FarSmallerErrorThanTheUnpairedOne()
    {
        // Each point's two scores share a large point effect; the differences scatter by 0.1 only.
        var rng = new Random(5);
        double[] pointEffect = [.. Enumerable.Range(0, 1000).Select(_ => 100 * rng.NextDouble())];
        double[] a = [.. pointEffect.Select(v => v + 2 + 0.1 * rng.NextDouble())];
        double[] b = [.. pointEffect.Select(v => v + 0.1 * rng.NextDouble())];

        var paired = PairedDifference.Of(a, b);
        double unpaired = Math.Sqrt(Math.Pow(StandardError(a), 2) + Math.Pow(StandardError(b), 2));

        Assert.Equal(a.Average() - b.Average(), paired.Mean, 9);
        Assert.True(paired.StandardError < unpaired / 100, $"paired {paired.StandardError}, unpaired {unpaired}");
        Assert.True(paired.StandardErrors > 100);
    }

    [Fact]
    public void Of_DifferentLengths_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, 2, 3], [1, 2]));
        Assert.Equal("b", ex.ParamName);
        Assert.Contains("3 and 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_OnePair_Throws()
    {
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1], [0]));
    }

    [Fact]
    public void Of_NotFinite_ThrowsNamingThePoint()
    {
        var ex = Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, double.NegativeInfinity], [0, 0]));
        Assert.Contains("Point 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SignedMeanErrorPairsAndStandardErrors()
    {
        Assert.Equal("+2.50 ± 0.25 (100 pairs, 10.0 standard errors)", new PairedDifference(2.5, 0.25, 100).ToString());
        Assert.Equal("-1.00 ± 0.50 (9 pairs, -2.0 standard errors)", new PairedDifference(-1, 0.5, 9).ToString());
    }

    private static double StandardError(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
    }
}
