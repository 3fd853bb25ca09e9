using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// A transposed 2-D convolution (PyTorch's <c>nn.ConvTranspose2d</c>, square kernel, groups 1):
/// every input pixel paints a KxK patch of each output channel, patches overlapping and adding up;
/// with stride 2 it doubles the image's size, the way a DCGAN generator grows 7x7 into 28x28.
/// </summary>
/// <remarks>
/// Shapes: x [N, in, H, W] -> y [N, out, OH, OW] with OH = (H - 1) stride - 2 padding + K + outputPadding;
/// W [in, out, K, K]; b [out]. Init (PyTorch's default): U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with
/// fan_in = out K K, PyTorch's fan of a [in, out, K, K] weight.
/// </remarks>
public sealed class ConvTranspose2d : Module
{
    /// <summary>Creates the layer and initialises it from <paramref name="rng"/> (default: <see cref="Rng.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, padding is negative, or outputPadding is not below the stride.</exception>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (outputPadding < 0 || (outputPadding > 0 && outputPadding >= stride))
        {
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding, $"output_padding must be smaller than the stride {stride}.");
        }
        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding);
        Weight = RegisterParameter("weight", Tensor.Zeros(inChannels, outChannels, kernelSize, kernelSize));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outChannels)) : null;
        Init.ResetConvolution_(Weight, Bias, rng);
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>K: the patches are K x K.</summary>
    public int KernelSize { get; }

    /// <summary>The step between the patches of neighbouring input pixels.</summary>
    public int Stride { get; }

    /// <summary>Rows and columns cropped from every side of the output.</summary>
    public int Padding { get; }

    /// <summary>Extra rows and columns on the bottom and right of the output.</summary>
    public int OutputPadding { get; }

    /// <summary>W, shape [in, out, K, K].</summary>
    public Tensor Weight { get; }

    /// <summary>b, shape [out], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.ConvTranspose2d(input, Weight, Bias, Stride, Padding, OutputPadding);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize}, {KernelSize}), stride=({Stride}, {Stride})"
        + (Padding == 0 ? "" : $", padding=({Padding}, {Padding})")
        + (OutputPadding == 0 ? "" : $", output_padding=({OutputPadding}, {OutputPadding})")
        + (Bias is null ? ", bias=False" : "");
}
