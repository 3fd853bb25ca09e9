using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace GanNotes.Tensors.Backend;

/// <summary>The CPU implementation of <see cref="IKernels"/>: TensorPrimitives for elementwise work, <see cref="Gemm"/> for products.</summary>
internal sealed partial class CpuKernels : IKernels
{
    public static readonly CpuKernels Instance = new();

    private CpuKernels()
    {
    }

    public Storage Allocate(int length, bool zeroed, bool pooled) => new CpuStorage(
        pooled ? BufferPool.Rent(length, zeroed) :
        zeroed ? new float[length] : GC.AllocateUninitializedArray<float>(length));

    public void CopyToHost(Tensor x, Span<float> destination) => x.Span.CopyTo(destination);

    public void CopyFromHost(ReadOnlySpan<float> source, Tensor y) => source.CopyTo(y.Span);

    public void Copy(Tensor x, Tensor y) => x.Span.CopyTo(y.Span);

    public void Fill(Tensor y, float value) => y.Span.Fill(value);

    public void Unary(UnaryOp op, Tensor x, Tensor y)
    {
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        switch (op)
        {
            case UnaryOp.Neg: TensorPrimitives.Negate(xs, ys); break;
            case UnaryOp.Exp: TensorPrimitives.Exp(xs, ys); break;
            case UnaryOp.Log: TensorPrimitives.Log(xs, ys); break;
            case UnaryOp.Sqrt: TensorPrimitives.Sqrt(xs, ys); break;
            case UnaryOp.Relu: TensorPrimitives.Max(xs, 0f, ys); break;
            case UnaryOp.Sigmoid: TensorPrimitives.Sigmoid(xs, ys); break;
            case UnaryOp.Tanh: TensorPrimitives.Tanh(xs, ys); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown unary op.");
        }
    }

    public void Affine(Tensor x, float scale, float shift, Tensor y)
    {
        TensorPrimitives.Multiply(x.Span, scale, y.Span);
        if (shift != 0f)
        {
            TensorPrimitives.Add(y.Span, shift, y.Span);
        }
    }

    public void Pow(Tensor x, float exponent, Tensor y)
    {
        switch (exponent)
        {
            case 0f: y.Span.Fill(1f); break;
            case 1f: x.Span.CopyTo(y.Span); break;
            case 2f: TensorPrimitives.Multiply(x.Span, x.Span, y.Span); break;
            default: TensorPrimitives.Pow(x.Span, exponent, y.Span); break;
        }
    }

    public void LeakyRelu(Tensor x, float slope, Tensor y) => LeakyReluBackward(x, slope, x, y); // y = x * (x > 0 ? 1 : slope)

    public void Clamp(Tensor x, float min, float max, Tensor y)
    {
        TensorPrimitives.Max(x.Span, min, y.Span);
        TensorPrimitives.Min(y.Span, max, y.Span);
    }

    public void Step(Tensor x, float threshold, Tensor y)
    {
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        for (int i = 0; i < xs.Length; i++)
        {
            ys[i] = xs[i] > threshold ? 1f : 0f;
        }
    }

    public void LeakyReluBackward(Tensor x, float slope, Tensor g, Tensor dx)
    {
        ReadOnlySpan<float> xs = x.Span, gs = g.Span;
        Span<float> d = dx.Span;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(slope);
            for (; i <= xs.Length - 16; i += 16)
            {
                var gi = Vector512.Create(gs.Slice(i, 16));
                Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Create(xs.Slice(i, 16)), Vector512<float>.Zero), gi, gi * s).CopyTo(d.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(slope);
            for (; i <= xs.Length - 8; i += 8)
            {
                var gi = Vector256.Create(gs.Slice(i, 8));
                Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Create(xs.Slice(i, 8)), Vector256<float>.Zero), gi, gi * s).CopyTo(d.Slice(i));
            }
        }
        for (; i < xs.Length; i++)
        {
            d[i] = xs[i] > 0f ? gs[i] : gs[i] * slope;
        }
    }

    public void ClampBackward(Tensor x, float min, float max, Tensor g, Tensor dx)
    {
        ReadOnlySpan<float> xs = x.Span, gs = g.Span;
        Span<float> d = dx.Span;
        for (int i = 0; i < xs.Length; i++)
        {
            d[i] = xs[i] >= min && xs[i] <= max ? gs[i] : 0f;
        }
    }

    public void SigmoidBackward(Tensor y, Tensor g, Tensor dx)
    {
        ReadOnlySpan<float> ys = y.Span, gs = g.Span;
        Span<float> d = dx.Span;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= ys.Length - 16; i += 16)
            {
                var yi = Vector512.Create(ys.Slice(i, 16));
                (Vector512.Create(gs.Slice(i, 16)) * (Vector512<float>.One - yi) * yi).CopyTo(d.Slice(i));
            }
        }
        for (; i < ys.Length; i++)
        {
            d[i] = gs[i] * (1f - ys[i]) * ys[i];
        }
    }

    public void TanhBackward(Tensor y, Tensor g, Tensor dx)
    {
        ReadOnlySpan<float> ys = y.Span, gs = g.Span;
        Span<float> d = dx.Span;
        for (int i = 0; i < ys.Length; i++)
        {
            d[i] = gs[i] * (1f - ys[i] * ys[i]);
        }
    }

    public void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate) =>
        Product(a, transposeA, b, transposeB, c, accumulate, rowBias: null);

    public void AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c) =>
        Product(a, transposeA, b, transposeB, c, accumulate: false, bias.Data);

    private static void Product(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate, float[]? rowBias)
    {
        int m = c.ShapeArray[0], n = c.ShapeArray[1];
        int k = transposeA ? a.ShapeArray[0] : a.ShapeArray[1];
        Gemm.Multiply(transposeA, transposeB, m, n, k, a.Data, b.Data, c.Data, accumulate, rowBias);
    }
}
