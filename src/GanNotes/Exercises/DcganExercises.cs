using GanNotes.Gan;
using GanNotes.Nn;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 09 (DCGAN): counting the generator's weights when its
/// feature maps double and when its batch norm layers go. The right answers are computed from
/// the library's own <see cref="Dcgan"/> networks, and the usual wrong ones named.
/// </summary>
/// <example><code>
/// Console.WriteLine(DcganExercises.GeneratorWeightsAtHidden64(weightsAtH64));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class DcganExercises
{
    /// <summary>The h of exercise 1, twice the recipe's.</summary>
    public const int WiderHidden = 2 * Dcgan.DefaultHidden;

    // Counts are whole numbers: a count off by one weight is wrong (the default 1e-3 would pass one off by 700).
    private const double Exact = 1e-7;

    /// <summary>
    /// Exercise 1: the weights of G at h = 64, Σ in·out·k² over its transposed convolutions
    /// (100·128·7² + 128·64·4² + 64·1·4²) plus γ and β of each batch norm channel (2·(128 + 64)).
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult GeneratorWeightsAtHidden64(double answer)
    {
        var now = Dcgan.BuildGenerator();
        var wider = Dcgan.BuildGenerator(hidden: WiderHidden);
        long batchNorm = BatchNormWeights(wider);
        return ExerciseCheck.Number($"G's weights at h = {WiderHidden}", answer, wider.ParameterCount(), Exact,
            (4.0 * now.ParameterCount(), "Only the middle convolution, 2h maps to h, has four times the weights; the first (z to 2h maps) and the last (h maps to 1) have twice as many."),
            (2.0 * now.ParameterCount(), "The middle convolution maps 2h to h channels: doubling h multiplies its weights by 4, not 2."),
            (wider.ParameterCount() - batchNorm, "Each BatchNorm2d learns two weights per channel, γ and β: add them."),
            (wider.ParameterCount() + batchNorm, "A batch norm's running mean and variance are buffers, estimated rather than learned: they are not weights."));
    }

    /// <summary>
    /// Exercise 3: the weights of the recipe's G (h = 32) without its two BatchNorm2d layers:
    /// 347,072 less γ and β of 64 + 32 channels.
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult GeneratorWeightsWithoutBatchNorm(double answer)
    {
        var g = Dcgan.BuildGenerator();
        long batchNorm = BatchNormWeights(g);
        return ExerciseCheck.Number("G's weights without batch norm", answer, g.ParameterCount() - batchNorm, Exact,
            (g.ParameterCount(), "The two BatchNorm2d layers have weights of their own, a γ and a β per channel: they go with the layers."),
            (g.ParameterCount() - batchNorm / 2.0, "Batch norm learns two weights per channel, γ and β, not one."),
            (g.ParameterCount() - 2.0 * batchNorm, "A batch norm's running mean and variance are buffers, not weights: only γ and β go."));
    }

    private static long BatchNormWeights(Sequential g) =>
        g.NamedChildren().Select(c => c.Value).OfType<BatchNorm2d>().Sum(bn => (long)bn.ParameterCount());
}
