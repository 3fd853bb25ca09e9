using GanNotes.Evaluation;

namespace GanNotes.Tests.Evaluation;

/// <summary>Class histogram, coverage, entropy and the classifier ("Inception") score on cases with known answers.</summary>
public class ClassScoresTests
{
    [Fact]
    public void Of_UniformOneHotOverTenClasses_MaximalEntropyScoreTenAllCovered()
    {
        var rows = Enumerable.Range(0, 30).Select(i => OneHot(10, i % 10)).ToList();

        var scores = ClassScores.Of(rows);

        Assert.Equal(Enumerable.Repeat(3, 10), scores.PerClass);
        Assert.Equal(10, scores.ClassesCovered);
        Assert.Equal(Math.Log2(10), scores.EntropyBits, 12);
        // KL(onehot || uniform) = log 10 for every sample, so the score is exp(log 10).
        Assert.Equal(10, scores.ClassifierScore, 10);
    }

    [Fact]
    public void Of_AllOneClass_ZeroEntropyScoreOneOneCovered()
    {
        var rows = Enumerable.Range(0, 20).Select(_ => OneHot(10, 4)).ToList();

        var scores = ClassScores.Of(rows);

        Assert.Equal(20, scores.PerClass[4]);
        Assert.Equal(20, scores.PerClass.Sum());
        Assert.Equal(1, scores.ClassesCovered);
        Assert.Equal(0, scores.EntropyBits, 12);
        Assert.Equal(1, scores.ClassifierScore, 12);
    }

    [Fact]
    public void Of_SmallSoftCase_MatchesKlFormulaComputedIndependently()
    {
        float[][] p =
        [
            [0.7f, 0.2f, 0.1f],
            [0.1f, 0.8f, 0.1f],
            [0.3f, 0.3f, 0.4f],
            [0.6f, 0.3f, 0.1f],
        ];
        // p(y) = mean over samples; score = exp(mean_x sum_y p(y|x) log(p(y|x) / p(y))).
        double[] marginal = [.. Enumerable.Range(0, 3).Select(c => p.Average(row => (double)row[c]))];
        double meanKl = p.Average(row => Enumerable.Range(0, 3).Sum(c => row[c] * Math.Log(row[c] / marginal[c])));
        // Predicted classes 0, 1, 2, 0: histogram (2, 1, 1), entropy -(1/2 log2 1/2 + 2 * 1/4 log2 1/4) = 1.5 bits.
        var scores = ClassScores.Of(p);

        Assert.Equal(new[] { 2, 1, 1 }, scores.PerClass);
        Assert.Equal(1.5, scores.EntropyBits, 12);
        Assert.Equal(Math.Exp(meanKl), scores.ClassifierScore, 12);
        Assert.InRange(scores.ClassifierScore, 1, 3);
    }

    [Fact]
    public void Of_ClassAtHalfItsFairShare_CountsAsCoveredButNotBelow()
    {
        // 100 samples over 10 classes: half the fair share is 5. Class 0 gets 4, class 1 gets 5.
        int[] counts = [4, 5, 11, 11, 11, 11, 11, 12, 12, 12];
        var rows = counts.SelectMany((count, c) => Enumerable.Repeat(OneHot(10, c), count)).ToList();

        var scores = ClassScores.Of(rows);

        Assert.Equal(counts, scores.PerClass);
        Assert.Equal(9, scores.ClassesCovered);
    }

    [Fact]
    public void Of_NoRows_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassScores.Of([]));
        Assert.Equal("probabilities", ex.ParamName);
    }

    [Fact]
    public void Of_RowsOfDifferentLengths_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassScores.Of([OneHot(10, 1), OneHot(9, 1)]));
        Assert.Equal("probabilities", ex.ParamName);
    }

    private static float[] OneHot(int k, int c)
    {
        var row = new float[k];
        row[c] = 1;
        return row;
    }
}
