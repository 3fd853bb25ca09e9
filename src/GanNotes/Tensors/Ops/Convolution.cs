using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>
/// 2-D convolution and transposed convolution (PyTorch's <c>conv2d</c> and <c>conv_transpose2d</c>),
/// each one matrix product between the windows of the image and the weight.
/// </summary>
/// <remarks>
/// <para>
/// A convolution reads, for every output position, a C x KH x KW window of the input. Laying
/// those windows out as the rows of a matrix (<see cref="Im2Col"/>, [N * OH * OW, C * KH * KW])
/// turns the whole layer into windows x W^T with W flattened to [OC, C * KH * KW]: one GEMM.
/// The transposed convolution is the same map run backwards: the product x W spreads each
/// input pixel into a window's worth of outputs, and <see cref="Col2Im"/> adds the overlapping
/// windows up. Each of the two data movements is the other's adjoint, so each layer's input
/// gradient is the other layer's forward pass, and both weight gradients are the product of the
/// output gradient with the windows.
/// </para>
/// <para>
/// Each layer is one node of the graph with its own kernels (<see cref="IKernels.Conv2d"/> and
/// the rest): a device may build the window matrix for the whole batch, or, as the CPU does, a
/// few images' windows at a time in its caches.
/// </para>
/// </remarks>
public sealed partial class Tensor
{
    /// <summary>
    /// y = x * W + b, the cross-correlation of <paramref name="input"/> [N, C, H, W] with
    /// <paramref name="weight"/> [OC, C, KH, KW] (PyTorch's <c>F.conv2d</c>, groups 1, dilation 1):
    /// y [N, OC, OH, OW] with OH = (H + 2 padding - KH) / stride + 1.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit together, or the window is larger than the padded input (named).</exception>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        CheckConvArguments("Conv2d", input, weight, bias, stride, padding, outputPadding: 0, weightChannelsIn: 1);
        int n = input.shape[0], c = input.shape[1], oc = weight.shape[0];
        var geometry = new ConvGeometry(n, c, input.shape[2], input.shape[3], weight.shape[2], weight.shape[3], stride, stride, padding, padding);
        if (geometry.OH < 1 || geometry.OW < 1)
        {
            throw new ArgumentException($"Conv2d: the {weight.shape[2]}x{weight.shape[3]} kernel is larger than the padded input {ShapeUtil.Format(input.shape)} (padding {padding}).", nameof(weight));
        }
        return Convolve(input, weight, bias, geometry, [n, oc, geometry.OH, geometry.OW], transposed: false);
    }

    /// <summary>
    /// The transposed convolution of <paramref name="input"/> [N, C, H, W] with <paramref name="weight"/>
    /// [C, OC, KH, KW] (PyTorch's <c>F.conv_transpose2d</c>, groups 1, dilation 1): the gradient of
    /// <see cref="Conv2d"/> with respect to its input, used to upsample. y [N, OC, OH, OW] with
    /// OH = (H - 1) stride - 2 padding + KH + outputPadding.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit together, or outputPadding is not below the stride (named).</exception>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        CheckConvArguments("ConvTranspose2d", input, weight, bias, stride, padding, outputPadding, weightChannelsIn: 0);
        int n = input.shape[0], c = input.shape[1], h = input.shape[2], w = input.shape[3];
        int oc = weight.shape[1], kh = weight.shape[2], kw = weight.shape[3];
        int oh = ((h - 1) * stride) - (2 * padding) + kh + outputPadding;
        int ow = ((w - 1) * stride) - (2 * padding) + kw + outputPadding;
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"ConvTranspose2d: input {ShapeUtil.Format(input.shape)} with a {kh}x{kw} kernel, stride {stride} and padding {padding} gives an empty {oh}x{ow} output.", nameof(padding));
        }
        // The output's convolution geometry: its windows are exactly the input's pixels.
        var geometry = new ConvGeometry(n, oc, oh, ow, kh, kw, stride, stride, padding, padding);
        return Convolve(input, weight, bias, geometry, [n, oc, oh, ow], transposed: true);
    }

    /// <summary>
    /// Runs either layer's kernel into a new <paramref name="outputShape"/> tensor and records its
    /// node; the kernels keep what the weight's gradient needs when a backward pass may want it.
    /// The bias, [OC], is added per output channel.
    /// </summary>
    private static Tensor Convolve(Tensor input, Tensor weight, Tensor? bias, ConvGeometry geometry, int[] outputShape, bool transposed)
    {
        var y = Uninitialized(outputShape, input.Device);
        bool keep = Autograd.IsEnabled && weight.RequiresGrad;
        var kept = transposed
            ? input.Kernels.ConvTranspose2d(input, weight, geometry, y, keep)
            : input.Kernels.Conv2d(input, weight, geometry, y, keep);
        var output = Autograd.Record(y, "ConvolutionBackward", [input, weight], g =>
        {
            var dx = Autograd.NeedsGrad(input) ? Uninitialized(input.shape, g.Device) : null;
            var dWeight = Autograd.NeedsGrad(weight) ? Uninitialized(weight.shape, g.Device) : null;
            if (transposed)
            {
                g.Kernels.ConvTranspose2dBackward(input, weight, geometry, kept, g, dx, dWeight);
            }
            else
            {
                g.Kernels.Conv2dBackward(input, weight, geometry, kept, g, dx, dWeight);
            }
            return [dx, dWeight];
        },
        freshInputGrads: true);
        return bias is null ? output : output + bias.Reshape(1, outputShape[1], 1, 1);
    }

    /// <summary>The window matrix of <paramref name="geometry"/> (differentiable: its gradient is <see cref="Col2Im"/>).</summary>
    internal static Tensor Im2Col(Tensor input, ConvGeometry geometry)
    {
        var cols = Uninitialized([geometry.Rows, geometry.Columns], input.Device);
        input.Kernels.Im2Col(input, geometry, cols);
        return Autograd.Record(cols, "Im2ColBackward", [input], g =>
        {
            var dx = Uninitialized(input.shape, g.Device);
            g.Kernels.Col2Im(g, geometry, dx);
            return [dx];
        });
    }

    /// <summary>The windows of <paramref name="geometry"/> summed back onto an image batch (differentiable: its gradient is <see cref="Im2Col"/>).</summary>
    internal static Tensor Col2Im(Tensor windows, ConvGeometry geometry)
    {
        var image = Uninitialized([geometry.N, geometry.C, geometry.H, geometry.W], windows.Device);
        windows.Kernels.Col2Im(windows, geometry, image);
        return Autograd.Record(image, "Col2ImBackward", [windows], g =>
        {
            var dCols = Uninitialized([geometry.Rows, geometry.Columns], g.Device);
            g.Kernels.Im2Col(g, geometry, dCols);
            return [dCols];
        });
    }

    /// <summary>
    /// The checks shared by both convolutions: 4-D input and weight on one device, the weight's
    /// input channels (dimension <paramref name="weightChannelsIn"/>) matching the input's, a bias of
    /// the output channels, a positive stride, padding not negative, outputPadding below the stride.
    /// </summary>
    private static void CheckConvArguments(string op, Tensor input, Tensor weight, Tensor? bias, int stride, int padding, int outputPadding, int weightChannelsIn)
    {
        if (input.Rank != 4)
        {
            throw new ArgumentException($"{op}: expected input of shape [N, C, H, W], got {ShapeUtil.Format(input.shape)}.", nameof(input));
        }
        if (weight.Rank != 4)
        {
            throw new ArgumentException($"{op}: expected a 4-D weight, got {ShapeUtil.Format(weight.shape)}.", nameof(weight));
        }
        RequireSameDevice(input, weight, op);
        if (weight.shape[weightChannelsIn] != input.shape[1])
        {
            throw new ArgumentException($"{op}: weight {ShapeUtil.Format(weight.shape)} expects {weight.shape[weightChannelsIn]} input channels, got input {ShapeUtil.Format(input.shape)}.", nameof(weight));
        }
        int outChannels = weight.shape[1 - weightChannelsIn];
        if (bias is not null)
        {
            RequireSameDevice(input, bias, op);
            if (bias.Rank != 1 || bias.shape[0] != outChannels)
            {
                throw new ArgumentException($"{op}: bias must have shape [{outChannels}], got {ShapeUtil.Format(bias.shape)}.", nameof(bias));
            }
        }
        if (stride < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"{op}: stride must be positive, got {stride}.");
        }
        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"{op}: padding must not be negative, got {padding}.");
        }
        if (outputPadding < 0 || (outputPadding > 0 && outputPadding >= stride))
        {
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding, $"{op}: output_padding must be smaller than the stride {stride}, got {outputPadding}.");
        }
    }
}
