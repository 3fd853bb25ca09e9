using System.Diagnostics;

namespace GanNotes.Tensors.Backend;

/// <summary>
/// Wraps a device's kernels and times every call into the running <see cref="Profiler"/>
/// (the decorator behind <see cref="Profiler.Start"/>). Products are keyed by their shape.
/// </summary>
internal sealed class ProfilingKernels(IKernels inner) : IKernels
{
    private static long Begin() => Stopwatch.GetTimestamp();

    private static void End(string name, long start) => Profiler.Record(name, Stopwatch.GetTimestamp() - start);

    public Storage Allocate(int length, bool zeroed, bool pooled)
    {
        var t = Begin();
        var s = inner.Allocate(length, zeroed, pooled);
        End(pooled ? "Allocate (pooled)" : "Allocate", t);
        return s;
    }

    public void CopyToHost(Tensor x, Span<float> destination)
    {
        var t = Begin();
        inner.CopyToHost(x, destination);
        End("CopyToHost", t);
    }

    public void CopyFromHost(ReadOnlySpan<float> source, Tensor y)
    {
        var t = Begin();
        inner.CopyFromHost(source, y);
        End("CopyFromHost", t);
    }

    public void Copy(Tensor x, Tensor y)
    {
        var t = Begin();
        inner.Copy(x, y);
        End("Copy", t);
    }

    public void Fill(Tensor y, float value)
    {
        var t = Begin();
        inner.Fill(y, value);
        End("Fill", t);
    }

    public void Unary(UnaryOp op, Tensor x, Tensor y)
    {
        var t = Begin();
        inner.Unary(op, x, y);
        End("Unary." + op, t);
    }

    public void Affine(Tensor x, float scale, float shift, Tensor y)
    {
        var t = Begin();
        inner.Affine(x, scale, shift, y);
        End("Affine", t);
    }

    public void Pow(Tensor x, float exponent, Tensor y)
    {
        var t = Begin();
        inner.Pow(x, exponent, y);
        End("Pow", t);
    }

    public void Step(Tensor x, float threshold, Tensor y)
    {
        var t = Begin();
        inner.Step(x, threshold, y);
        End("Step", t);
    }

    public void LeakyRelu(Tensor x, float slope, Tensor y)
    {
        var t = Begin();
        inner.LeakyRelu(x, slope, y);
        End("LeakyRelu", t);
    }

    public void Clamp(Tensor x, float min, float max, Tensor y)
    {
        var t = Begin();
        inner.Clamp(x, min, max, y);
        End("Clamp", t);
    }

    public void LeakyReluBackward(Tensor x, float slope, Tensor g, Tensor dx)
    {
        var t = Begin();
        inner.LeakyReluBackward(x, slope, g, dx);
        End("LeakyReluBackward", t);
    }

    public void ClampBackward(Tensor x, float min, float max, Tensor g, Tensor dx)
    {
        var t = Begin();
        inner.ClampBackward(x, min, max, g, dx);
        End("ClampBackward", t);
    }

    public void SigmoidBackward(Tensor y, Tensor g, Tensor dx)
    {
        var t = Begin();
        inner.SigmoidBackward(y, g, dx);
        End("SigmoidBackward", t);
    }

    public void TanhBackward(Tensor y, Tensor g, Tensor dx)
    {
        var t = Begin();
        inner.TanhBackward(y, g, dx);
        End("TanhBackward", t);
    }

    public void Binary(BinaryOp op, Tensor a, Tensor b, Tensor y)
    {
        var t = Begin();
        inner.Binary(op, a, b, y);
        End(a.NumElements == b.NumElements ? "Binary." + op : "Binary." + op + " (broadcast)", t);
    }

    public void BroadcastTo(Tensor x, Tensor y)
    {
        var t = Begin();
        inner.BroadcastTo(x, y);
        End("BroadcastTo", t);
    }

    public void SumTo(Tensor x, Tensor y)
    {
        var t = Begin();
        inner.SumTo(x, y);
        End("SumTo", t);
    }

    public void SumDim(Tensor x, int dim, Tensor y)
    {
        var t = Begin();
        inner.SumDim(x, dim, y);
        End("SumDim", t);
    }

    public void Softmax(Tensor x, int dim, bool log, Tensor y)
    {
        var t = Begin();
        inner.Softmax(x, dim, log, y);
        End(log ? "LogSoftmax" : "Softmax", t);
    }

    public void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate)
    {
        var t = Begin();
        inner.MatMul(a, transposeA, b, transposeB, c, accumulate);
        End(ProductName(a, transposeA, transposeB, c), t);
    }

    public void AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c)
    {
        var t = Begin();
        inner.AddMatMul(bias, a, transposeA, b, transposeB, c);
        End(ProductName(a, transposeA, transposeB, c), t); // the product's row, bias included
    }

    /// <summary>A product's row in the profile, keyed by its shape: <c>MatMulNT 128x784x1024</c> is m x n x k.</summary>
    private static string ProductName(Tensor a, bool transposeA, bool transposeB, Tensor c)
    {
        int k = transposeA ? a.ShapeArray[0] : a.ShapeArray[1];
        return $"MatMul{(transposeA ? "T" : "N")}{(transposeB ? "T" : "N")} {c.ShapeArray[0]}x{c.ShapeArray[1]}x{k}";
    }

    public Tensor? Conv2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        var t = Begin();
        var kept = inner.Conv2d(x, weight, geometry, y, keep);
        End(ConvolutionName("Conv2d", geometry, weight, 1), t);
        return kept;
    }

    public void Conv2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        var t = Begin();
        inner.Conv2dBackward(x, weight, geometry, kept, g, dx, dWeight);
        End(ConvolutionName("Conv2dBackward", geometry, weight, (dx is null ? 0 : 1) + (dWeight is null ? 0 : 1)), t);
    }

    public Tensor? ConvTranspose2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        var t = Begin();
        var kept = inner.ConvTranspose2d(x, weight, geometry, y, keep);
        End(ConvolutionName("ConvTranspose2d", geometry, weight, 1), t);
        return kept;
    }

    public void ConvTranspose2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        var t = Begin();
        inner.ConvTranspose2dBackward(x, weight, geometry, kept, g, dx, dWeight);
        End(ConvolutionName("ConvTranspose2dBackward", geometry, weight, (dx is null ? 0 : 1) + (dWeight is null ? 0 : 1)), t);
    }

    /// <summary>
    /// A convolution's row, keyed by the product it amounts to: windows [N * OH * OW, C * KH * KW]
    /// times the weight's K columns, k counted once per product the call runs (a backward pass
    /// with both gradients runs two).
    /// </summary>
    private static string ConvolutionName(string op, in ConvGeometry geometry, Tensor weight, int products) =>
        $"{op} {geometry.Rows}x{weight.ShapeArray[0]}x{geometry.Columns * products}";

    public void Transpose2D(Tensor x, Tensor y)
    {
        var t = Begin();
        inner.Transpose2D(x, y);
        End("Transpose2D", t);
    }

    public void BatchNormForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        var t = Begin();
        inner.BatchNormForward(x, weight, bias, eps, y, mean, invStd, runningMean, runningVar, momentum);
        End("BatchNormForward", t);
    }

    public void BatchNormBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        var t = Begin();
        inner.BatchNormBackward(x, g, mean, invStd, weight, dx, dWeight, dBias);
        End("BatchNormBackward", t);
    }

    public void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y)
    {
        var t = Begin();
        inner.Cat(xs, dim, y);
        End("Cat", t);
    }

    public void Permute(Tensor x, int[] dims, Tensor y)
    {
        var t = Begin();
        inner.Permute(x, dims, y);
        End("Permute", t);
    }

    public void Im2Col(Tensor x, in ConvGeometry geometry, Tensor cols)
    {
        var t = Begin();
        inner.Im2Col(x, geometry, cols);
        End("Im2Col", t);
    }

    public void Col2Im(Tensor cols, in ConvGeometry geometry, Tensor x)
    {
        var t = Begin();
        inner.Col2Im(cols, geometry, x);
        End("Col2Im", t);
    }

    public void Narrow(Tensor x, int dim, int start, Tensor y)
    {
        var t = Begin();
        inner.Narrow(x, dim, start, y);
        End("Narrow", t);
    }

    public void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        var t = Begin();
        inner.IndexSelect(x, index, y);
        End("IndexSelect", t);
    }

    public void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        var t = Begin();
        inner.IndexAdd(g, index, dx);
        End("IndexAdd", t);
    }

    public void PickColumns(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        var t = Begin();
        inner.PickColumns(x, index, y);
        End("PickColumns", t);
    }

    public void ScatterColumns(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        var t = Begin();
        inner.ScatterColumns(g, index, dx);
        End("ScatterColumns", t);
    }

    public void AdamUpdate(IReadOnlyList<Tensor> param, IReadOnlyList<Tensor> grad, IReadOnlyList<Tensor> expAvg, IReadOnlyList<Tensor> expAvgSq, in AdamCoefficients c)
    {
        var t = Begin();
        inner.AdamUpdate(param, grad, expAvg, expAvgSq, c);
        End("AdamUpdate (list)", t);
    }

    public void SumsOfSquares(IReadOnlyList<Tensor> xs, Tensor y)
    {
        var t = Begin();
        inner.SumsOfSquares(xs, y);
        End("SumsOfSquares", t);
    }

    public void AdamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c)
    {
        var t = Begin();
        inner.AdamUpdate(param, grad, expAvg, expAvgSq, c);
        End("AdamUpdate", t);
    }

    public void SgdUpdate(Tensor param, Tensor grad, Tensor? momentumBuffer, in SgdCoefficients c)
    {
        var t = Begin();
        inner.SgdUpdate(param, grad, momentumBuffer, c);
        End("SgdUpdate", t);
    }

    public void BinaryCrossEntropy(Tensor p, Tensor target, Tensor loss)
    {
        var t = Begin();
        inner.BinaryCrossEntropy(p, target, loss);
        End("BinaryCrossEntropy", t);
    }

    public void BinaryCrossEntropyBackward(Tensor p, Tensor target, Tensor g, Tensor dp)
    {
        var t = Begin();
        inner.BinaryCrossEntropyBackward(p, target, g, dp);
        End("BinaryCrossEntropyBackward", t);
    }

    public void BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor loss)
    {
        var t = Begin();
        inner.BinaryCrossEntropyWithLogits(logits, target, loss);
        End("BinaryCrossEntropyWithLogits", t);
    }

    public void BinaryCrossEntropyWithLogitsBackward(Tensor logits, Tensor target, Tensor g, Tensor dx)
    {
        var t = Begin();
        inner.BinaryCrossEntropyWithLogitsBackward(logits, target, g, dx);
        End("BinaryCrossEntropyWithLogitsBackward", t);
    }
}
