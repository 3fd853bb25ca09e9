using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// The deep convolutional GAN (Radford, Metz &amp; Chintala 2016) sized for 28 x 28 images, in the
/// layout of PyTorch's DCGAN example: G grows z into 7 x 7, 14 x 14 and 28 x 28 feature maps with
/// transposed convolutions, D mirrors it with strided convolutions.
/// </summary>
/// <remarks>
/// <para>
/// Both take and give images as rows of 784 pixels, like <see cref="MlpGan"/>'s networks, so the
/// trainer, the samplers and the evaluation treat the two architectures alike: G ends in
/// <see cref="Flatten"/>, D starts with <see cref="Unflatten"/>.
/// </para>
/// <para>
/// The paper's guidelines, as built here: no pooling (D downsamples with stride 2, G upsamples with
/// transposed convolutions of stride 2); batch norm in both networks except G's output and D's
/// input layers; no fully connected hidden layers; ReLU in G with a squashing output
/// (Sigmoid here, for pixels in [0, 1]; the paper's Tanh needs data in [-1, 1]); LeakyReLU(0.2) in D;
/// weights from N(0, 0.02) (<see cref="InitWeights"/>). The convolutions have no bias, as in the
/// example: batch norm's beta takes its place.
/// </para>
/// </remarks>
public static class Dcgan
{
    /// <summary>Noise dimension of the DCGAN paper and PyTorch's example.</summary>
    public const int DefaultZDim = 100;

    /// <summary>h, the feature maps of G's last hidden layer and D's first: G has 2h then h channels, D h then 2h.</summary>
    public const int DefaultHidden = 32;

    /// <summary>Leaky ReLU slope of the discriminator.</summary>
    public const float LeakySlope = 0.2f;

    /// <summary>
    /// G: z [m, zDim] -> x [m, 784]: z as a 1 x 1 map, ConvTranspose 7x7 to 2h x 7 x 7, ConvTranspose
    /// 4x4 stride 2 to h x 14 x 14 (each followed by BatchNorm2d and ReLU), ConvTranspose 4x4 stride 2
    /// to 1 x 28 x 28, the output activation, and the pixels as a row.
    /// </summary>
    /// <param name="zDim">Noise dimension (100 in the paper).</param>
    /// <param name="hidden">h (32 by default: 64 and 32 feature maps).</param>
    /// <param name="output">Output activation (Sigmoid for the course's pixels in [0, 1]).</param>
    /// <param name="rng">Initialises the weights with <see cref="InitWeights"/> (default: <see cref="Rng.Default"/>).</param>
    public static Sequential BuildGenerator(int zDim = DefaultZDim, int hidden = DefaultHidden, GeneratorOutput output = GeneratorOutput.Sigmoid, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        var g = new Sequential(
            new Unflatten(1, zDim, 1, 1),
            new ConvTranspose2d(zDim, 2 * hidden, 7, 1, 0, bias: false, rng: rng),     // 1 -> 7
            new BatchNorm2d(2 * hidden),
            new Relu(),
            new ConvTranspose2d(2 * hidden, hidden, 4, 2, 1, bias: false, rng: rng),   // 7 -> 14
            new BatchNorm2d(hidden),
            new Relu(),
            new ConvTranspose2d(hidden, 1, 4, 2, 1, bias: false, rng: rng));           // 14 -> 28
        switch (output)
        {
            case GeneratorOutput.Sigmoid: g.Append(new Sigmoid()); break;
            case GeneratorOutput.Tanh: g.Append(new Tanh()); break;
            case GeneratorOutput.Identity: break;
            default: throw new ArgumentOutOfRangeException(nameof(output), output, $"Unknown generator output: {output}.");
        }
        g.Append(new Flatten());
        return InitWeights(g, rng);
    }

    /// <summary>
    /// D: x [m, 784] -> logit [m, 1]: the row as a 1 x 28 x 28 image, Conv 4x4 stride 2 to h x 14 x 14
    /// and LeakyReLU(0.2), Conv 4x4 stride 2 to 2h x 7 x 7, BatchNorm2d and LeakyReLU(0.2), then a 7x7
    /// convolution to one logit. D(x) = sigmoid(logit); the losses take the logit.
    /// </summary>
    public static Sequential BuildDiscriminator(int hidden = DefaultHidden, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        var d = new Sequential(
            new Unflatten(1, 1, 28, 28),
            new Conv2d(1, hidden, 4, 2, 1, bias: false, rng: rng),                 // 28 -> 14
            new LeakyRelu(LeakySlope),
            new Conv2d(hidden, 2 * hidden, 4, 2, 1, bias: false, rng: rng),        // 14 -> 7
            new BatchNorm2d(2 * hidden),
            new LeakyRelu(LeakySlope),
            new Conv2d(2 * hidden, 1, 7, 1, 0, bias: false, rng: rng),             // 7 -> 1
            new Flatten());
        return InitWeights(d, rng);
    }

    /// <summary>
    /// DCGAN's initialisation (the example's <c>weights_init</c>): every convolution's weight from
    /// N(0, 0.02), every batch norm's gamma from N(1, 0.02) and beta 0, in module order.
    /// </summary>
    public static T InitWeights<T>(T model, Rng? rng = null)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var module in Modules(model))
        {
            switch (module)
            {
                case Conv2d conv: Init.Normal_(conv.Weight, 0f, 0.02f, rng); break;
                case ConvTranspose2d deconv: Init.Normal_(deconv.Weight, 0f, 0.02f, rng); break;
                case BatchNormBase bn:
                    Init.Normal_(bn.Weight, 1f, 0.02f, rng);
                    Init.Constant_(bn.Bias, 0f);
                    break;
            }
        }
        return model;
    }

    /// <summary>The module and its descendants, depth first (PyTorch's <c>modules()</c>).</summary>
    private static IEnumerable<Module> Modules(Module module) =>
        [module, .. module.NamedChildren().SelectMany(child => Modules(child.Value))];
}
