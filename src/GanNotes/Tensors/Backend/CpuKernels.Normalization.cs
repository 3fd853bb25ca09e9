using System.Runtime.Intrinsics;

namespace GanNotes.Tensors.Backend;

/// <summary>
/// Batch normalisation of [N, C] in training mode, forward and backward, fused into two
/// passes over the batch each way (the arithmetic of PyTorch's <c>batch_norm_cpu</c>);
/// images [N, C, *] go to the kernels of CpuKernels.BatchNormImages.cs, which read them as they lie.
/// </summary>
internal sealed partial class CpuKernels
{
    public void BatchNormForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        if (x.Rank > 2)
        {
            BatchNormImagesForward(x, weight, bias, eps, y, mean, invStd, runningMean, runningVar, momentum);
            return;
        }
        int n = x.ShapeArray[0], c = x.ShapeArray[1];
        ReadOnlySpan<float> xs = x.Span;
        Span<float> mu = mean.Span, inv = invStd.Span;

        // Pass 1: the column sums, then the mean.
        mu.Clear();
        for (int row = 0; row < n; row++)
        {
            AddInPlace(mu, xs.Slice(row * c, c));
        }
        float invN = 1f / n;
        for (int j = 0; j < c; j++)
        {
            mu[j] *= invN;
        }

        // Pass 2: the biased variance, sum of squared deviations (two passes: no cancellation).
        inv.Clear();
        for (int row = 0; row < n; row++)
        {
            AddSquaredDeviation(inv, xs.Slice(row * c, c), mu);
        }
        float unbias = n > 1 ? (float)n / (n - 1) : 1f;
        Span<float> rm = runningMean is null ? [] : runningMean.Span, rv = runningVar is null ? [] : runningVar.Span;
        for (int j = 0; j < c; j++)
        {
            float variance = inv[j] * invN;
            if (!rv.IsEmpty)
            {
                rv[j] = (rv[j] * (1f - momentum)) + (variance * unbias * momentum);
            }
            if (!rm.IsEmpty)
            {
                rm[j] = (rm[j] * (1f - momentum)) + (mu[j] * momentum);
            }
            inv[j] = 1f / MathF.Sqrt(variance + eps);
        }

        // y = x * alpha + beta with alpha = gamma * invstd, beta = b - mean * alpha.
        Span<float> alpha = c <= 4096 ? stackalloc float[c] : new float[c];
        Span<float> beta = c <= 4096 ? stackalloc float[c] : new float[c];
        ReadOnlySpan<float> gamma = weight is null ? [] : weight.Span, shift = bias is null ? [] : bias.Span;
        for (int j = 0; j < c; j++)
        {
            alpha[j] = inv[j] * (gamma.IsEmpty ? 1f : gamma[j]);
            beta[j] = (shift.IsEmpty ? 0f : shift[j]) - (mu[j] * alpha[j]);
        }
        Span<float> ys = y.Span;
        for (int row = 0; row < n; row++)
        {
            MultiplyAdd(xs.Slice(row * c, c), alpha, beta, ys.Slice(row * c, c));
        }
    }

    public void BatchNormBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        if (x.Rank > 2)
        {
            BatchNormImagesBackward(x, g, mean, invStd, weight, dx, dWeight, dBias);
            return;
        }
        int n = x.ShapeArray[0], c = x.ShapeArray[1];
        ReadOnlySpan<float> xs = x.Span, gs = g.Span, mu = mean.Span, inv = invStd.Span;

        // Pass 1: sum of g and of (x - mean) g per column.
        Span<float> sumG = c <= 4096 ? stackalloc float[c] : new float[c];
        Span<float> dot = c <= 4096 ? stackalloc float[c] : new float[c];
        sumG.Clear();
        dot.Clear();
        for (int row = 0; row < n; row++)
        {
            var gRow = gs.Slice(row * c, c);
            AddInPlace(sumG, gRow);
            AddDeviationTimes(dot, xs.Slice(row * c, c), mu, gRow);
        }
        if (dBias is not null)
        {
            sumG.CopyTo(dBias.Span);
        }
        if (dWeight is not null)
        {
            var dw = dWeight.Span;
            for (int j = 0; j < c; j++)
            {
                dw[j] = dot[j] * inv[j];
            }
        }
        if (dx is null)
        {
            return;
        }

        // Pass 2: dx = (g - mean(g) - (x - mean) k) * invstd * gamma, k = dot invstd^2 / N,
        // rewritten per column as dx = g * a + x * b + d.
        float invN = 1f / n;
        Span<float> a = c <= 4096 ? stackalloc float[c] : new float[c];
        Span<float> b = c <= 4096 ? stackalloc float[c] : new float[c];
        Span<float> d = c <= 4096 ? stackalloc float[c] : new float[c];
        ReadOnlySpan<float> gamma = weight is null ? [] : weight.Span;
        for (int j = 0; j < c; j++)
        {
            float scale = inv[j] * (gamma.IsEmpty ? 1f : gamma[j]);
            float k = dot[j] * inv[j] * inv[j] * invN;
            a[j] = scale;
            b[j] = -k * scale;
            d[j] = ((mu[j] * k) - (sumG[j] * invN)) * scale;
        }
        var dxs = dx.Span;
        for (int row = 0; row < n; row++)
        {
            BatchNormInput(gs.Slice(row * c, c), xs.Slice(row * c, c), a, b, d, dxs.Slice(row * c, c));
        }
    }

    /// <summary>acc += x.</summary>
    private static void AddInPlace(Span<float> acc, ReadOnlySpan<float> x)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= acc.Length - 16; j += 16)
            {
                (Vector512.Create(acc.Slice(j, 16)) + Vector512.Create(x.Slice(j, 16))).CopyTo(acc.Slice(j));
            }
        }
        for (; j < acc.Length; j++)
        {
            acc[j] += x[j];
        }
    }

    /// <summary>acc += (x - mu)^2.</summary>
    private static void AddSquaredDeviation(Span<float> acc, ReadOnlySpan<float> x, ReadOnlySpan<float> mu)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= acc.Length - 16; j += 16)
            {
                var dev = Vector512.Create(x.Slice(j, 16)) - Vector512.Create(mu.Slice(j, 16));
                (Vector512.Create(acc.Slice(j, 16)) + (dev * dev)).CopyTo(acc.Slice(j));
            }
        }
        for (; j < acc.Length; j++)
        {
            float dev = x[j] - mu[j];
            acc[j] += dev * dev;
        }
    }

    /// <summary>acc += (x - mu) g.</summary>
    private static void AddDeviationTimes(Span<float> acc, ReadOnlySpan<float> x, ReadOnlySpan<float> mu, ReadOnlySpan<float> g)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= acc.Length - 16; j += 16)
            {
                var dev = Vector512.Create(x.Slice(j, 16)) - Vector512.Create(mu.Slice(j, 16));
                (Vector512.Create(acc.Slice(j, 16)) + (dev * Vector512.Create(g.Slice(j, 16)))).CopyTo(acc.Slice(j));
            }
        }
        for (; j < acc.Length; j++)
        {
            acc[j] += (x[j] - mu[j]) * g[j];
        }
    }

    /// <summary>y = x * alpha + beta, per column.</summary>
    private static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> alpha, ReadOnlySpan<float> beta, Span<float> y)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= y.Length - 16; j += 16)
            {
                ((Vector512.Create(x.Slice(j, 16)) * Vector512.Create(alpha.Slice(j, 16))) + Vector512.Create(beta.Slice(j, 16))).CopyTo(y.Slice(j));
            }
        }
        for (; j < y.Length; j++)
        {
            y[j] = (x[j] * alpha[j]) + beta[j];
        }
    }

    /// <summary>dx = g * a + x * b + d, per column.</summary>
    private static void BatchNormInput(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> d, Span<float> dx)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= dx.Length - 16; j += 16)
            {
                var v = (Vector512.Create(g.Slice(j, 16)) * Vector512.Create(a.Slice(j, 16)))
                    + (Vector512.Create(x.Slice(j, 16)) * Vector512.Create(b.Slice(j, 16)))
                    + Vector512.Create(d.Slice(j, 16));
                v.CopyTo(dx.Slice(j));
            }
        }
        for (; j < dx.Length; j++)
        {
            dx[j] = (g[j] * a[j]) + (x[j] * b[j]) + d[j];
        }
    }

    /// <summary>y = x * alpha + beta over one plane.</summary>
    private static void MultiplyAddPlane(ReadOnlySpan<float> x, float alpha, float beta, Span<float> y)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var a = Vector512.Create(alpha);
            var b = Vector512.Create(beta);
            for (; i <= y.Length - 16; i += 16)
            {
                ((Vector512.Create(x.Slice(i, 16)) * a) + b).CopyTo(y.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            var b = Vector256.Create(beta);
            for (; i <= y.Length - 8; i += 8)
            {
                ((Vector256.Create(x.Slice(i, 8)) * a) + b).CopyTo(y.Slice(i));
            }
        }
        for (; i < y.Length; i++)
        {
            y[i] = (x[i] * alpha) + beta;
        }
    }

    /// <summary>dx = g * a + x * b + d over one plane.</summary>
    private static void BatchNormInputPlane(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float a, float b, float d, Span<float> dx)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var (va, vb, vd) = (Vector512.Create(a), Vector512.Create(b), Vector512.Create(d));
            for (; i <= dx.Length - 16; i += 16)
            {
                ((Vector512.Create(g.Slice(i, 16)) * va) + (Vector512.Create(x.Slice(i, 16)) * vb) + vd).CopyTo(dx.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var (va, vb, vd) = (Vector256.Create(a), Vector256.Create(b), Vector256.Create(d));
            for (; i <= dx.Length - 8; i += 8)
            {
                ((Vector256.Create(g.Slice(i, 8)) * va) + (Vector256.Create(x.Slice(i, 8)) * vb) + vd).CopyTo(dx.Slice(i));
            }
        }
        for (; i < dx.Length; i++)
        {
            dx[i] = (g[i] * a) + (x[i] * b) + d;
        }
    }
}
