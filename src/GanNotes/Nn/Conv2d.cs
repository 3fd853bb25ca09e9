using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// A 2-D convolution (PyTorch's <c>nn.Conv2d</c>, square kernel, groups 1): each output channel
/// slides one KxK filter over all input channels, so a pattern is detected wherever it occurs
/// with the same few weights.
/// </summary>
/// <remarks>
/// Shapes: x [N, in, H, W] -> y [N, out, OH, OW] with OH = (H + 2 padding - K) / stride + 1;
/// W [out, in, K, K]; b [out]. Init (PyTorch's default): W and b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
/// with fan_in = in K K (Kaiming uniform with a = sqrt(5)).
/// </remarks>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer and initialises it from <paramref name="rng"/> (default: <see cref="Rng.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or padding is negative.</exception>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize, kernelSize));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outChannels)) : null;
        Init.ResetConvolution_(Weight, Bias, rng);
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels: filters.</summary>
    public int OutChannels { get; }

    /// <summary>K: the filters are K x K.</summary>
    public int KernelSize { get; }

    /// <summary>The step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on every side of the input.</summary>
    public int Padding { get; }

    /// <summary>W, shape [out, in, K, K].</summary>
    public Tensor Weight { get; }

    /// <summary>b, shape [out], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize}, {KernelSize}), stride=({Stride}, {Stride})"
        + (Padding == 0 ? "" : $", padding=({Padding}, {Padding})") + (Bias is null ? ", bias=False" : "");
}
