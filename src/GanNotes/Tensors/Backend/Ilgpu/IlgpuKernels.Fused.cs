using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>The flags and scalars of a batch-norm launch (a kernel takes a few values, not optional tensors).</summary>
/// <remarks>
/// The input is [N, C, *] as it lies: <c>N</c> counts the values per channel (images times
/// positions) and <c>S</c> the positions per image and channel (1 for [N, C]); value <c>row</c> of
/// channel j sits at ((row / S) C + j) S + row % S, so the rows run in the order of
/// <see cref="ChannelsLast"/>'s and the sums add up as the CPU's do.
/// </remarks>
internal struct BatchNormArgs
{
    public int N, C, S, HasWeight, HasBias, HasRunning, HasDx, HasDWeight, HasDBias;
    public float Eps, Momentum, Unbias;
}

/// <summary>The scalars of an SGD launch, with its flags as ints.</summary>
internal struct SgdArgs
{
    public float Lr, Momentum, Dampening, WeightDecay;
    public int Nesterov, FirstStep, HasBuffer;
}

/// <summary>
/// Fused kernels: batch norm in two launches each way (per-channel statistics, then every
/// element), on [N, C] or images [N, C, H, W] in place (no copies to channels-last), the optimizer updates in one launch for up to 24 parameters, the losses in one each. Each
/// element sees the same float32 operations, in the same order, as the CPU's kernels.
/// </summary>
internal sealed partial class IlgpuKernels
{
    private const float LogClamp = -100f;
    private const float BceGradEpsilon = 1e-12f;

    public void BatchNormForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        var (images, c, positions) = ChannelsLast.Sizes(x);
        int n = images * positions;
        var args = new BatchNormArgs
        {
            N = n, C = c, S = positions, HasWeight = weight is null ? 0 : 1, HasBias = bias is null ? 0 : 1,
            HasRunning = runningMean is not null && runningVar is not null ? 1 : 0,
            Eps = eps, Momentum = momentum, Unbias = n > 1 ? (float)n / (n - 1) : 1f,
        };
        Kernel(KernelId.BatchNormStatistics, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs>(BatchNormStatisticsKernel))(
            owner.Launch(c), View(x), View(mean), View(invStd), ViewOrPlaceholder(runningMean), ViewOrPlaceholder(runningVar), args);
        Kernel(KernelId.BatchNormApply, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs>(BatchNormApplyKernel))(
            owner.Launch(n * c), View(x), View(mean), View(invStd), ViewOrPlaceholder(weight), ViewOrPlaceholder(bias), View(y), args);
    }

    public void BatchNormBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        var (images, c, positions) = ChannelsLast.Sizes(x);
        int n = images * positions;
        var args = new BatchNormArgs
        {
            N = n, C = c, S = positions, HasWeight = weight is null ? 0 : 1,
            HasDx = dx is null ? 0 : 1, HasDWeight = dWeight is null ? 0 : 1, HasDBias = dBias is null ? 0 : 1,
        };
        var sums = new Tensor(Allocate(2 * c, zeroed: false, pooled: true), [2, c]); // sum(g), sum((x - mean) g)
        Kernel(KernelId.BatchNormGradStatistics, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs>(BatchNormGradStatisticsKernel))(
            owner.Launch(c), View(x), View(g), View(mean), View(invStd), View(sums), ViewOrPlaceholder(dWeight), ViewOrPlaceholder(dBias), args);
        if (dx is not null)
        {
            Kernel(KernelId.BatchNormInputGrad, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs>(BatchNormInputGradKernel))(
                owner.Launch(n * c), View(x), View(g), View(mean), View(invStd), ViewOrPlaceholder(weight), View(sums), View(dx), args);
        }
        sums.Storage.Release();
    }

    public void AdamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c) =>
        AdamUpdate([param], [grad], [expAvg], [expAvgSq], c);

    /// <summary>
    /// One launch per <see cref="ViewList.Capacity"/> parameters (PyTorch's multi-tensor Adam): each
    /// slot's elements are shared out over the whole grid in turn.
    /// </summary>
    public void AdamUpdate(IReadOnlyList<Tensor> param, IReadOnlyList<Tensor> grad, IReadOnlyList<Tensor> expAvg, IReadOnlyList<Tensor> expAvgSq, in AdamCoefficients c)
    {
        for (int start = 0; start < param.Count; start += ViewList.Capacity)
        {
            int count = Math.Min(ViewList.Capacity, param.Count - start);
            // The kernel first: asking for it starts a launch, which lets go of the previous launch's storages, not of these.
            var adam = Kernel(KernelId.Adam, k => k.LoadStreamKernel<ViewList, ViewList, ViewList, ViewList, AdamCoefficients>(AdamKernel));
            var p = ListOf(param, start, count, out int longest);
            var (g, m, v) = (ListOf(grad, start, count, out _), ListOf(expAvg, start, count, out _), ListOf(expAvgSq, start, count, out _));
            adam(owner.Launch(longest), p, g, m, v, c);
        }
    }

    /// <summary>
    /// One launch per <see cref="ViewList.Capacity"/> tensors: each thread sums its share of a slot's
    /// squares, each warp adds its threads' sums, and each warp's first lane adds that into y (a
    /// float atomic: the order of those few additions, and so the last bits, may vary between runs on a GPU).
    /// </summary>
    public void SumsOfSquares(IReadOnlyList<Tensor> xs, Tensor y)
    {
        Bound();
        LaunchTally.Fill();
        View(y).SubView(0, xs.Count).MemSetToZero();
        for (int start = 0; start < xs.Count; start += ViewList.Capacity)
        {
            int count = Math.Min(ViewList.Capacity, xs.Count - start);
            var sums = Kernel(KernelId.SumsOfSquares, k => k.LoadStreamKernel<ViewList, ArrayView<float>>(SumsOfSquaresKernel)); // first, as in AdamUpdate
            var x = ListOf(xs, start, count, out int longest);
            sums(owner.LaunchFew(longest), x, View(y).SubView(start, count));
        }
    }

    /// <summary>
    /// Tensors <paramref name="start"/> to start + <paramref name="count"/> as one kernel argument, each
    /// slot its tensor's elements (a buffer may be longer: an empty tensor has one); <paramref name="longest"/>
    /// is the most elements of any, what the launch spans.
    /// </summary>
    private ViewList ListOf(IReadOnlyList<Tensor> tensors, int start, int count, out int longest)
    {
        var list = new ViewList { Count = count };
        longest = 0;
        for (int i = 0; i < count; i++)
        {
            var t = tensors[start + i];
            list.Set(i, View(t).SubView(0, t.NumElements));
            longest = Math.Max(longest, t.NumElements);
        }
        return list;
    }

    public void SgdUpdate(Tensor param, Tensor grad, Tensor? momentumBuffer, in SgdCoefficients c)
    {
        var args = new SgdArgs
        {
            Lr = c.Lr, Momentum = c.Momentum, Dampening = c.Dampening, WeightDecay = c.WeightDecay,
            Nesterov = c.Nesterov ? 1 : 0, FirstStep = c.FirstStep ? 1 : 0, HasBuffer = momentumBuffer is null ? 0 : 1,
        };
        Kernel(KernelId.Sgd, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, SgdArgs>(SgdKernel))(
            owner.Launch(param.NumElements), View(param), View(grad), ViewOrPlaceholder(momentumBuffer), param.NumElements, args);
    }

    public void BinaryCrossEntropy(Tensor p, Tensor target, Tensor loss) => Loss(0, p, target, p, loss);

    public void BinaryCrossEntropyBackward(Tensor p, Tensor target, Tensor g, Tensor dp) => Loss(1, p, target, g, dp);

    public void BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor loss) => Loss(2, logits, target, logits, loss);

    public void BinaryCrossEntropyWithLogitsBackward(Tensor logits, Tensor target, Tensor g, Tensor dx) => Loss(3, logits, target, g, dx);

    /// <summary>The four elementwise loss kernels as one: <paramref name="kind"/> 0 BCE, 1 its gradient, 2 BCE on logits, 3 its gradient.</summary>
    private void Loss(int kind, Tensor x, Tensor target, Tensor g, Tensor y) =>
        Kernel(KernelId.Loss, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(LossKernel))(
            owner.Launch(y.NumElements), View(x), View(target), View(g), View(y), y.NumElements, kind);

    /// <summary>Where value <paramref name="row"/> of channel <paramref name="j"/> lies (see <see cref="BatchNormArgs"/>).</summary>
    private static int At(int row, int j, BatchNormArgs s) =>
        s.S == 1 ? (row * s.C) + j : ((((row / s.S) * s.C) + j) * s.S) + (row % s.S);

    private static void BatchNormStatisticsKernel(ArrayView<float> x, ArrayView<float> mean, ArrayView<float> invStd,
        ArrayView<float> runningMean, ArrayView<float> runningVar, BatchNormArgs s)
    {
        for (int j = Grid.GlobalIndex.X; j < s.C; j += GridExtensions.GridStrideLoopStride)
        {
            float sum = 0f;
            for (int row = 0; row < s.N; row++)
            {
                sum += x[At(row, j, s)];
            }
            float mu = sum * (1f / s.N);
            float squares = 0f;
            for (int row = 0; row < s.N; row++)
            {
                float deviation = x[At(row, j, s)] - mu;
                squares += deviation * deviation;      // two passes: no cancellation
            }
            float variance = squares * (1f / s.N);
            if (s.HasRunning != 0)
            {
                runningVar[j] = (runningVar[j] * (1f - s.Momentum)) + (variance * s.Unbias * s.Momentum);
                runningMean[j] = (runningMean[j] * (1f - s.Momentum)) + (mu * s.Momentum);
            }
            mean[j] = mu;
            invStd[j] = 1f / XMath.Sqrt(variance + s.Eps);
        }
    }

    private static void BatchNormApplyKernel(ArrayView<float> x, ArrayView<float> mean, ArrayView<float> invStd,
        ArrayView<float> weight, ArrayView<float> bias, ArrayView<float> y, BatchNormArgs s)
    {
        int count = s.N * s.C;
        for (int i = Grid.GlobalIndex.X; i < count; i += GridExtensions.GridStrideLoopStride)
        {
            int j = i / s.S % s.C;
            float alpha = invStd[j] * (s.HasWeight != 0 ? weight[j] : 1f);
            float beta = (s.HasBias != 0 ? bias[j] : 0f) - (mean[j] * alpha);
            y[i] = (x[i] * alpha) + beta;
        }
    }

    private static void BatchNormGradStatisticsKernel(ArrayView<float> x, ArrayView<float> g, ArrayView<float> mean, ArrayView<float> invStd,
        ArrayView<float> sums, ArrayView<float> dWeight, ArrayView<float> dBias, BatchNormArgs s)
    {
        for (int j = Grid.GlobalIndex.X; j < s.C; j += GridExtensions.GridStrideLoopStride)
        {
            float sumG = 0f, dot = 0f;
            for (int row = 0; row < s.N; row++)
            {
                float gi = g[At(row, j, s)];
                sumG += gi;
                dot += (x[At(row, j, s)] - mean[j]) * gi;
            }
            sums[j] = sumG;
            sums[s.C + j] = dot;
            if (s.HasDBias != 0)
            {
                dBias[j] = sumG;
            }
            if (s.HasDWeight != 0)
            {
                dWeight[j] = dot * invStd[j];
            }
        }
    }

    private static void BatchNormInputGradKernel(ArrayView<float> x, ArrayView<float> g, ArrayView<float> mean, ArrayView<float> invStd,
        ArrayView<float> weight, ArrayView<float> sums, ArrayView<float> dx, BatchNormArgs s)
    {
        int count = s.N * s.C;
        float invN = 1f / s.N;
        for (int i = Grid.GlobalIndex.X; i < count; i += GridExtensions.GridStrideLoopStride)
        {
            // dx = (g - mean(g) - (x - mean) k) invStd gamma, k = dot invStd^2 / N, as g a + x b + d.
            int j = i / s.S % s.C;
            float inv = invStd[j];
            float scale = inv * (s.HasWeight != 0 ? weight[j] : 1f);
            float k = sums[s.C + j] * inv * inv * invN;
            float d = ((mean[j] * k) - (sums[j] * invN)) * scale;
            dx[i] = (g[i] * scale) + (x[i] * (-k * scale)) + d;
        }
    }

    private static void AdamKernel(ViewList param, ViewList grad, ViewList expAvg, ViewList expAvgSq, AdamCoefficients c)
    {
        float oneMinusB1 = 1f - c.Beta1, oneMinusB2 = 1f - c.Beta2;
        for (int slot = 0; slot < param.Count; slot++)
        {
            ArrayView<float> p = param.At(slot), g = grad.At(slot), m = expAvg.At(slot), v = expAvgSq.At(slot);
            for (int i = Grid.GlobalIndex.X; i < p.IntLength; i += GridExtensions.GridStrideLoopStride)
            {
                float gi = g[i];
                if (c.WeightDecay != 0f)
                {
                    gi += p[i] * c.WeightDecay;
                }
                float mi = (m[i] * c.Beta1) + (gi * oneMinusB1);
                float vi = (v[i] * c.Beta2) + (gi * oneMinusB2 * gi);
                m[i] = mi;
                v[i] = vi;
                p[i] += mi * c.NegStepSize / ((XMath.Sqrt(vi) / c.Bias2Sqrt) + c.Eps);
            }
        }
    }

    private static void SumsOfSquaresKernel(ViewList xs, ArrayView<float> y)
    {
        for (int slot = 0; slot < xs.Count; slot++)
        {
            var x = xs.At(slot);
            float sum = 0f;
            for (int i = Grid.GlobalIndex.X; i < x.IntLength; i += GridExtensions.GridStrideLoopStride)
            {
                sum += x[i] * x[i];
            }
            // Every lane reaches this line (the loop above only ends early), as a warp's reduction needs.
            float warpSum = WarpExtensions.Reduce<float, AddFloat>(sum);
            if (Warp.IsFirstLane)
            {
                Atomic.Add(ref y[slot], warpSum);
            }
        }
    }

    private static void SgdKernel(ArrayView<float> p, ArrayView<float> g, ArrayView<float> buffer, int n, SgdArgs c)
    {
        float keep = 1f - c.Dampening, negLr = -c.Lr;
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            float gi = g[i];
            if (c.WeightDecay != 0f)
            {
                gi += p[i] * c.WeightDecay;
            }
            if (c.Momentum != 0f && c.HasBuffer != 0)
            {
                float b = c.FirstStep != 0 ? gi : (buffer[i] * c.Momentum) + (gi * keep);
                buffer[i] = b;
                gi = c.Nesterov != 0 ? gi + (b * c.Momentum) : b;
            }
            p[i] += gi * negLr;
        }
    }

    private static void LossKernel(ArrayView<float> x, ArrayView<float> target, ArrayView<float> g, ArrayView<float> y, int n, int kind)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            float v = x[i], t = target[i];
            if (kind == 0)
            {
                float logP = XMath.Max(XMath.Log(v), LogClamp);
                float log1MinusP = XMath.Max(XMath.Log(1f - v), LogClamp);
                y[i] = ((t - 1f) * log1MinusP) - (t * logP);
            }
            else if (kind == 1)
            {
                y[i] = g[i] * (v - t) / XMath.Max((1f - v) * v, BceGradEpsilon);
            }
            else if (kind == 2)
            {
                // (1 - t) x + m + log(e^-m + e^(-x-m)), m = max(-x, 0): every exponent is <= 0.
                float m = XMath.Max(-v, 0f);
                y[i] = ((1f - t) * v) + m + XMath.Log(XMath.Exp(-m) + XMath.Exp(-v - m));
            }
            else
            {
                y[i] = g[i] * ((1f / (1f + XMath.Exp(-v))) - t);
            }
        }
    }
}
