using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>Stateless convolutions (PyTorch's <c>F.conv2d</c> and <c>F.conv_transpose2d</c>).</summary>
public static partial class Functional
{
    /// <summary>Shapes: x [N, C, H, W], W [OC, C, KH, KW], b [OC] -> y [N, OC, OH, OW]; see <see cref="Tensor.Conv2d"/>.</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0) =>
        Tensor.Conv2d(input, weight, bias, stride, padding);

    /// <summary>Shapes: x [N, C, H, W], W [C, OC, KH, KW], b [OC] -> y [N, OC, OH, OW]; see <see cref="Tensor.ConvTranspose2d"/>.</summary>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0) =>
        Tensor.ConvTranspose2d(input, weight, bias, stride, padding, outputPadding);
}
