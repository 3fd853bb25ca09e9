using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>Add, Sub, Mul, Div, Neg with NumPy broadcasting, and their operators.</summary>
public sealed partial class Tensor
{
    /// <summary>a + b, broadcast.</summary>
    public Tensor Add(Tensor other)
    {
        var (a, b) = (this, other);
        var y = Broadcasting(BinaryOp.Add, a, b, "Add");
        return Autograd.Record(y, "AddBackward", [a, b], g => [
            g.SumTo(a.shape),   // d(a+b)/da = 1
            g.SumTo(b.shape)]); // d(a+b)/db = 1
    }

    /// <summary>a - b, broadcast.</summary>
    public Tensor Sub(Tensor other)
    {
        var (a, b) = (this, other);
        var y = Broadcasting(BinaryOp.Sub, a, b, "Sub");
        return Autograd.Record(y, "SubBackward", [a, b], g => [
            g.SumTo(a.shape),          // d(a-b)/da = 1
            (-g).SumTo(b.shape)]);     // d(a-b)/db = -1
    }

    /// <summary>a * b elementwise, broadcast.</summary>
    public Tensor Mul(Tensor other)
    {
        var (a, b) = (this, other);
        var y = Broadcasting(BinaryOp.Mul, a, b, "Mul");
        return Autograd.Record(y, "MulBackward", [a, b], g => [
            Autograd.NeedsGrad(a) ? (g * b).SumTo(a.shape) : null,   // d(a*b)/da = b
            Autograd.NeedsGrad(b) ? (g * a).SumTo(b.shape) : null]); // d(a*b)/db = a
    }

    /// <summary>a / b elementwise, broadcast.</summary>
    public Tensor Div(Tensor other)
    {
        var (a, b) = (this, other);
        var y = Broadcasting(BinaryOp.Div, a, b, "Div");
        return Autograd.Record(y, "DivBackward", [a, b], g => [
            Autograd.NeedsGrad(a) ? (g / b).SumTo(a.shape) : null,            // d(a/b)/da = 1/b
            Autograd.NeedsGrad(b) ? (-g * y / b).SumTo(b.shape) : null]);     // d(a/b)/db = -a/b^2 = -y/b
    }

    /// <summary>-x.</summary>
    public Tensor Neg()
    {
        var y = Uninitialized(shape, Device);
        Kernels.Unary(UnaryOp.Neg, this, y);
        return Autograd.Record(y, "NegBackward", [this], g => [-g]); // d(-x)/dx = -1
    }

    /// <summary>x * scale + shift: a scalar affine map in one pass.</summary>
    public Tensor Affine(float scale, float shift)
    {
        var y = Uninitialized(shape, Device);
        Kernels.Affine(this, scale, shift, y);
        return Autograd.Record(y, "AffineBackward", [this], g => [g.Affine(scale, 0f)]); // d(sx+c)/dx = s
    }

    private static Tensor Broadcasting(BinaryOp op, Tensor a, Tensor b, string name)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSameDevice(a, b, name);
        var y = Uninitialized(ShapeUtil.Broadcast(a.shape, b.shape, name), a.Device);
        a.Kernels.Binary(op, a, b, y);
        return y;
    }

    internal static void RequireSameDevice(Tensor a, Tensor b, string op)
    {
        if (!a.Device.Equals(b.Device))
        {
            throw new ArgumentException($"{op}: tensors are on different devices ({a.Device} and {b.Device}); move one with .To(device) first.");
        }
    }

    /// <summary>Elementwise sum, broadcast.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, float b) => a.Affine(1f, b);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(float a, Tensor b) => b.Affine(1f, a);

    /// <summary>Elementwise difference, broadcast.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);

    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, float b) => a.Affine(1f, -b);

    /// <summary>A scalar minus each element.</summary>
    public static Tensor operator -(float a, Tensor b) => b.Affine(-1f, a);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.Neg();

    /// <summary>Elementwise product, broadcast.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, float b) => a.Affine(b, 0f);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(float a, Tensor b) => b.Affine(a, 0f);

    /// <summary>Elementwise quotient, broadcast.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);

    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, float b) => a.Affine(1f / b, 0f);

    /// <summary>A scalar divided by each element.</summary>
    public static Tensor operator /(float a, Tensor b) => Full([], a, b.Device).Div(b);
}
