using GanNotes.Nn;

namespace GanNotes.Gan;

/// <summary>The output layer of a generator.</summary>
public enum GeneratorOutput
{
    /// <summary>Sigmoid: pixel intensities in (0, 1), as for the course's images.</summary>
    Sigmoid,
    /// <summary>Tanh: values in (-1, 1).</summary>
    Tanh,
    /// <summary>No squashing: samples on the whole real line, as for 1-D and 2-D toy data.</summary>
    Identity,
}

/// <summary>
/// The multilayer-perceptron generator and discriminator of the course, the same networks as
/// the PyTorch reference in the benchmarks.
/// </summary>
/// <remarks>
/// The lecture notes (seed 004) give the blocks: G has four of Linear, BatchNorm, ReLU, then
/// Linear and Sigmoid; D three of Linear, LeakyReLU, then Linear; z has 64 dimensions. The
/// widths (h, 2h, 4h, 8h with h = 128 in G; 4h, 2h, h in D) and the leaky slope of 0.2 are the
/// course's choices, those of the public reproductions of this recipe.
/// </remarks>
public static class MlpGan
{
    /// <summary>Noise dimension of the notes' final setting (seed 004).</summary>
    public const int DefaultZDim = 64;

    /// <summary>Hidden size h: the course's choice (the notes give no widths).</summary>
    public const int DefaultHidden = 128;

    /// <summary>Leaky ReLU slope of the discriminator: the course's choice (the notes name LeakyReLU without a slope).</summary>
    public const float LeakySlope = 0.2f;

    /// <summary>
    /// G: z [m, zDim] -> x [m, outputDim]: four blocks Linear, BatchNorm1d, ReLU of widths
    /// h, 2h, 4h, 8h, then Linear to the output and its activation.
    /// </summary>
    /// <param name="zDim">Noise dimension (64 in the notes).</param>
    /// <param name="hidden">h (128, the course's choice).</param>
    /// <param name="outputDim">Sample size (784 = 28 x 28 for images, 1 or 2 for toy data).</param>
    /// <param name="output">Output activation.</param>
    /// <param name="rng">Initialises the weights (default: <see cref="Tensors.Rng.Default"/>).</param>
    public static Sequential BuildGenerator(int zDim = DefaultZDim, int hidden = DefaultHidden, int outputDim = 784,
        GeneratorOutput output = GeneratorOutput.Sigmoid, Tensors.Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputDim);
        int[] widths = [zDim, hidden, 2 * hidden, 4 * hidden, 8 * hidden];
        var g = new Sequential();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            g.Append(new Sequential(new Linear(widths[i], widths[i + 1], rng: rng), new BatchNorm1d(widths[i + 1]), new Relu()));
        }
        g.Append(new Linear(8 * hidden, outputDim, rng: rng));
        switch (output)
        {
            case GeneratorOutput.Sigmoid: g.Append(new Sigmoid()); break;
            case GeneratorOutput.Tanh: g.Append(new Tanh()); break;
            case GeneratorOutput.Identity: break;
            default: throw new ArgumentOutOfRangeException(nameof(output), output, $"Unknown generator output: {output}.");
        }
        return g;
    }

    /// <summary>
    /// D: x [m, inputDim] -> logit [m, 1]: three blocks Linear, LeakyReLU(0.2) of widths
    /// 4h, 2h, h, then Linear to one logit. D(x) = sigmoid(logit) is the probability that x is real;
    /// the losses take the logit for numerical stability.
    /// </summary>
    public static Sequential BuildDiscriminator(int inputDim = 784, int hidden = DefaultHidden, Tensors.Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        int[] widths = [inputDim, 4 * hidden, 2 * hidden, hidden];
        var d = new Sequential();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            d.Append(new Sequential(new Linear(widths[i], widths[i + 1], rng: rng), new LeakyRelu(LeakySlope)));
        }
        d.Append(new Linear(hidden, 1, rng: rng));
        return d;
    }
}
