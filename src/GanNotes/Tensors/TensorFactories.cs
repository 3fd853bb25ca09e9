namespace GanNotes.Tensors;

public sealed partial class Tensor
{
    /// <summary>An uninitialised-looking tensor (zero-filled on the CPU) of the given shape.</summary>
    public static Tensor Empty(int[] shape, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Allocate((int[])shape.Clone(), device ?? Device.Cpu, zeroed: true);
    }

    /// <summary>
    /// An op's output, whose kernel writes every element: its values start unspecified.
    /// <paramref name="shape"/> is taken over, not copied.
    /// </summary>
    internal static Tensor Uninitialized(int[] shape, Device device) => Allocate(shape, device, zeroed: false);

    /// <summary>The one place storage is created: from the pool, and owned by it, inside a <see cref="TensorScope"/>.</summary>
    private static Tensor Allocate(int[] shape, Device device, bool zeroed)
    {
        var scope = TensorScope.Current;
        var storage = device.Kernels.Allocate(ShapeUtil.NumElements(shape), zeroed, pooled: scope is not null);
        scope?.Add(storage);
        return new Tensor(storage, shape);
    }

    /// <summary>A tensor of zeros (PyTorch's <c>torch.zeros</c>).</summary>
    public static Tensor Zeros(params int[] shape) => Empty(shape);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(shape, 1f);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(int[] shape, float value, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Uninitialized((int[])shape.Clone(), device ?? Device.Cpu).Fill_(value); // one fill, not a zeroing first
    }

    /// <summary>Zeros with the shape and device of <paramref name="x"/>.</summary>
    public static Tensor ZerosLike(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Empty(x.shape, x.Device);
    }

    /// <summary>Ones with the shape and device of <paramref name="x"/>.</summary>
    public static Tensor OnesLike(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Full(x.shape, 1f, x.Device);
    }

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(float value) => Full([], value);

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape.</summary>
    /// <exception cref="ArgumentException">The data length differs from the shape's element count.</exception>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        int count = ShapeUtil.NumElements(shape);
        if (count != data.Length)
        {
            throw new ArgumentException($"{data.Length} values do not fit shape {ShapeUtil.Format(shape)} ({count} elements).", nameof(data));
        }
        var y = Uninitialized((int[])shape.Clone(), Device.Cpu);
        y.Kernels.CopyFromHost(data, y);
        return y;
    }

    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromArray(float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromArray(data, data.Length);
    }

    /// <summary>A 2-D tensor holding a copy of a [rows, columns] array.</summary>
    public static Tensor FromArray(float[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new float[data.Length];
        Buffer.BlockCopy(data, 0, flat, 0, flat.Length * sizeof(float));
        return FromArray(flat, data.GetLength(0), data.GetLength(1));
    }

    /// <summary>Samples from N(0, 1) (PyTorch's <c>torch.randn</c>).</summary>
    public static Tensor Randn(int[] shape, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var y = Uninitialized((int[])shape.Clone(), Device.Cpu);
        (rng ?? Rng.Default).FillNormal(y.Span, 0f, 1f);
        return y;
    }

    /// <summary>Samples from U[0, 1) (PyTorch's <c>torch.rand</c>).</summary>
    public static Tensor Rand(int[] shape, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var y = Uninitialized((int[])shape.Clone(), Device.Cpu);
        (rng ?? Rng.Default).FillUniform(y.Span, 0f, 1f);
        return y;
    }

    /// <summary>The values 0, 1, ..., n - 1.</summary>
    public static Tensor Arange(int n)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i;
        }
        return FromArray(values);
    }
}
