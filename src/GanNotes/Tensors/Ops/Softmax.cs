namespace GanNotes.Tensors;

/// <summary>Softmax and LogSoftmax along a dimension.</summary>
public sealed partial class Tensor
{
    /// <summary>softmax(x)_i = e^(x_i - max) / sum_j e^(x_j - max) along <paramref name="dim"/>.</summary>
    public Tensor Softmax(int dim)
    {
        int d = ShapeUtil.NormalizeDim(dim, Rank);
        var y = Uninitialized(shape, Device);
        Kernels.Softmax(this, d, log: false, y);
        // d(softmax)/dx: dx = y * (g - sum_j g_j y_j)
        return Autograd.Record(y, "SoftmaxBackward", [this], g => [y * (g - (g * y).Sum(d, keepDim: true))]);
    }

    /// <summary>log softmax(x) = x - max - log sum_j e^(x_j - max) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim)
    {
        int d = ShapeUtil.NormalizeDim(dim, Rank);
        var y = Uninitialized(shape, Device);
        Kernels.Softmax(this, d, log: true, y);
        // d(log softmax)/dx: dx = g - softmax(x) * sum_j g_j
        return Autograd.Record(y, "LogSoftmaxBackward", [this], g => [g - y.Exp() * g.Sum(d, keepDim: true)]);
    }
}
