using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>Exp, Log, Sqrt, Pow, Clamp.</summary>
public sealed partial class Tensor
{
    /// <summary>e^x elementwise.</summary>
    public Tensor Exp()
    {
        var y = Unary(UnaryOp.Exp);
        return Autograd.Record(y, "ExpBackward", [this], g => [g * y]); // d(e^x)/dx = e^x
    }

    /// <summary>Natural logarithm elementwise (-inf at 0, NaN below, as PyTorch).</summary>
    public Tensor Log()
    {
        var x = this;
        var y = Unary(UnaryOp.Log);
        return Autograd.Record(y, "LogBackward", [x], g => [g / x]); // d(log x)/dx = 1/x
    }

    /// <summary>Square root elementwise.</summary>
    public Tensor Sqrt()
    {
        var y = Unary(UnaryOp.Sqrt);
        return Autograd.Record(y, "SqrtBackward", [this], g => [g / y * 0.5f]); // d(sqrt x)/dx = 1/(2 sqrt x)
    }

    /// <summary>x^p elementwise for a scalar exponent.</summary>
    public Tensor Pow(float exponent)
    {
        var x = this;
        var y = Uninitialized(shape, Device);
        Kernels.Pow(x, exponent, y);
        return Autograd.Record(y, "PowBackward", [x], g =>
        {
            // d(x^p)/dx = p x^(p-1)
            var local = Uninitialized(x.shape, x.Device);
            x.Kernels.Pow(x, exponent - 1f, local);
            return [g * local * exponent];
        });
    }

    /// <summary>Limits each element to [min, max] (PyTorch's <c>clamp</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public Tensor Clamp(float min, float max)
    {
        if (min > max)
        {
            throw new ArgumentException($"Clamp: min {min} is greater than max {max}.", nameof(min));
        }
        var x = this;
        var y = Uninitialized(shape, Device);
        Kernels.Clamp(x, min, max, y);
        return Autograd.Record(y, "ClampBackward", [x], g =>
        {
            var dx = Uninitialized(x.shape, x.Device); // d(clamp x)/dx = 1 inside [min, max], 0 outside
            x.Kernels.ClampBackward(x, min, max, g, dx);
            return [dx];
        });
    }

    private Tensor Unary(UnaryOp op)
    {
        var y = Uninitialized(shape, Device);
        Kernels.Unary(op, this, y);
        return y;
    }
}
