using System.Runtime.Intrinsics;

namespace GanNotes.Tensors.Backend;

/// <summary>
/// Fused optimizer updates: one pass over each parameter instead of a temporary tensor per
/// operation. Each element sees exactly the float32 operations, in the same order, as the
/// composed form (and PyTorch's single-tensor loops), so results are bitwise unchanged.
/// </summary>
internal sealed partial class CpuKernels
{
    /// <summary>
    /// Elements each thread must have before an Adam update is split over threads. The update
    /// is bound by its two divisions and square root per element and by memory, about 1 ns
    /// per element on one core, so 32K elements is some 30 microseconds of work per part.
    /// </summary>
    internal const int MinAdamElementsPerWorker = 1 << 15;

    [ThreadStatic]
    private static AdamWork? adamWork;

    public void AdamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c)
    {
        int length = param.Span.Length;
        int parts = Math.Min(Threading.NumThreads, Math.Max(1, length / MinAdamElementsPerWorker));
        if (parts <= 1)
        {
            Adam(param.Span, grad.Span, expAvg.Span, expAvgSq.Span, c);
            return;
        }

        var work = adamWork ??= new AdamWork();
        work.Set(param, grad, expAvg, expAvgSq, c);
        try
        {
            WorkerPool.Run(work, parts);
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>The Adam update of one range of a parameter (all four spans have the same length).</summary>
    private static void Adam(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, in AdamCoefficients c)
    {
        float oneMinusB1 = 1f - c.Beta1, oneMinusB2 = 1f - c.Beta2;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var b1 = Vector256.Create(c.Beta1);
            var b2 = Vector256.Create(c.Beta2);
            var a1 = Vector256.Create(oneMinusB1);
            var a2 = Vector256.Create(oneMinusB2);
            var wd = Vector256.Create(c.WeightDecay);
            var eps = Vector256.Create(c.Eps);
            var step = Vector256.Create(c.NegStepSize);
            var bias2 = Vector256.Create(c.Bias2Sqrt);
            for (; i <= p.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var pi = Vector256.Create(p.Slice(i, Vector256<float>.Count));
                var gi = Vector256.Create(g.Slice(i, Vector256<float>.Count));
                if (c.WeightDecay != 0f)
                {
                    gi += pi * wd;
                }
                var mi = (Vector256.Create(m.Slice(i, Vector256<float>.Count)) * b1) + (gi * a1);
                var vi = (Vector256.Create(v.Slice(i, Vector256<float>.Count)) * b2) + (gi * a2 * gi);
                var denom = (Vector256.Sqrt(vi) / bias2) + eps;
                pi += mi * step / denom;
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
                pi.CopyTo(p.Slice(i));
            }
        }
        for (; i < p.Length; i++)
        {
            float gi = g[i];
            if (c.WeightDecay != 0f)
            {
                gi += p[i] * c.WeightDecay;
            }
            m[i] = (m[i] * c.Beta1) + (gi * oneMinusB1);
            v[i] = (v[i] * c.Beta2) + (gi * oneMinusB2 * gi);
            float denom = (MathF.Sqrt(v[i]) / c.Bias2Sqrt) + c.Eps;
            p[i] += m[i] * c.NegStepSize / denom;
        }
    }

    /// <summary>One Adam update's parts: contiguous ranges of the parameter, cut at cache lines.</summary>
    private sealed class AdamWork : PartitionedWork
    {
        private Tensor? param, grad, expAvg, expAvgSq;
        private AdamCoefficients coefficients;

        public void Set(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c) =>
            (this.param, this.grad, this.expAvg, this.expAvgSq, coefficients) = (param, grad, expAvg, expAvgSq, c);

        public void Clear() => (param, grad, expAvg, expAvgSq) = (null, null, null, null);

        public override void Execute(int part, int parts)
        {
            const int line = 16; // floats per 64-byte cache line
            int length = param!.Span.Length;
            int lo = (int)((long)length * part / parts) / line * line;
            int hi = part == parts - 1 ? length : (int)((long)length * (part + 1) / parts) / line * line;
            Adam(param.Span[lo..hi], grad!.Span[lo..hi], expAvg!.Span[lo..hi], expAvgSq!.Span[lo..hi], coefficients);
        }
    }

    public void SgdUpdate(Tensor param, Tensor grad, Tensor? momentumBuffer, in SgdCoefficients c)
    {
        Span<float> p = param.Span;
        ReadOnlySpan<float> g = grad.Span;
        Span<float> buf = momentumBuffer is null ? [] : momentumBuffer.Span;
        float keep = 1f - c.Dampening, negLr = -c.Lr;
        for (int i = 0; i < p.Length; i++)
        {
            float gi = g[i];
            if (c.WeightDecay != 0f)
            {
                gi += p[i] * c.WeightDecay;
            }
            if (c.Momentum != 0f)
            {
                buf[i] = c.FirstStep ? gi : (buf[i] * c.Momentum) + (gi * keep);
                gi = c.Nesterov ? gi + (buf[i] * c.Momentum) : buf[i];
            }
            p[i] += gi * negLr;
        }
    }
}
