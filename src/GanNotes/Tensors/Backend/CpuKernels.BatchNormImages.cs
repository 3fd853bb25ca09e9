namespace GanNotes.Tensors.Backend;

/// <summary>
/// Batch normalisation of images [N, C, *] read as they lie, without the two copies to rows
/// [N * P, C] and back (<see cref="ChannelsLast"/>): channel j's values are the N planes of
/// P positions at (n C + j) P. The formulas are those of the [N, C] kernel
/// (CpuKernels.Normalization.cs), and each channel is summed in the order the rows kernel sums
/// its column (image by image, position by position, into one float), so the results are
/// bitwise those of the rows kernel on the permuted copy.
/// </summary>
/// <remarks>
/// The channels are shared out over the workers, a whole channel to one part, so no sum depends
/// on the thread count. Only the elementwise passes (y, dx) are vectorised along the plane: a sum
/// split over vector lanes would add in another order and change the last bits, so the sums get
/// their speed from summing four channels side by side instead (<see cref="BatchNormImageWork"/>).
/// </remarks>
internal sealed partial class CpuKernels
{
    /// <summary>Below this many values a batch norm of images runs on one thread.</summary>
    private const int MinBatchNormElementsPerWorker = 1 << 15;

    [ThreadStatic]
    private static BatchNormImageWork? batchNormWork;

    private static void BatchNormImagesForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        var work = batchNormWork ??= new BatchNormImageWork();
        work.SetForward(x, weight, bias, eps, y, mean, invStd, runningMean, runningVar, momentum);
        RunBatchNormImages(work, x);
    }

    private static void BatchNormImagesBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        var work = batchNormWork ??= new BatchNormImageWork();
        work.SetBackward(x, g, mean, invStd, weight, dx, dWeight, dBias);
        RunBatchNormImages(work, x);
    }

    private static void RunBatchNormImages(BatchNormImageWork work, Tensor x)
    {
        int channels = x.ShapeArray[1];
        int parts = Math.Min(Math.Min(Threading.NumThreads, channels), Math.Max(1, x.NumElements / MinBatchNormElementsPerWorker));
        try
        {
            WorkerPool.Run(work, parts); // one part runs on this thread
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>A batch norm of images, forward or backward, its channels split between the parts.</summary>
    /// <remarks>
    /// A part walks its channels four at a time, summing the four side by side: four running sums
    /// keep the adder busy where one would wait on each addition, and each channel still adds its
    /// own values in order. A group narrower than four repeats its last channel in the spare slots
    /// and drops their sums.
    /// </remarks>
    private sealed class BatchNormImageWork : PartitionedWork
    {
        private const int Group = 4;

        private bool backward;
        private Tensor? x, g, y, mean, invStd, weight, bias, runningMean, runningVar, dx, dWeight, dBias;
        private float eps, momentum;

        public void SetForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
            Tensor? runningMean, Tensor? runningVar, float momentum)
        {
            (backward, this.x, this.weight, this.bias, this.eps, this.y, this.mean, this.invStd) = (false, x, weight, bias, eps, y, mean, invStd);
            (this.runningMean, this.runningVar, this.momentum) = (runningMean, runningVar, momentum);
        }

        public void SetBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight, Tensor? dx, Tensor? dWeight, Tensor? dBias) =>
            (backward, this.x, this.g, this.mean, this.invStd, this.weight, this.dx, this.dWeight, this.dBias) = (true, x, g, mean, invStd, weight, dx, dWeight, dBias);

        public void Clear()
        {
            (x, g, y, mean, invStd, weight) = (null, null, null, null, null, null);
            (bias, runningMean, runningVar, dx, dWeight, dBias) = (null, null, null, null, null, null);
        }

        public override void Execute(int part, int parts)
        {
            int channels = x!.ShapeArray[1];
            int c0 = (int)((long)channels * part / parts), c1 = (int)((long)channels * (part + 1) / parts);
            for (int j = c0; j < c1; j += Group)
            {
                int width = Math.Min(Group, c1 - j);
                if (backward)
                {
                    Backward(j, width);
                }
                else
                {
                    Forward(j, width);
                }
            }
        }

        /// <summary>The channels (after j) that slots 1 to 3 of a group of <paramref name="width"/> sum, spare slots on the last one.</summary>
        private static (int S1, int S2, int S3) Slots(int width) => (Math.Min(1, width - 1), Math.Min(2, width - 1), Math.Min(3, width - 1));

        /// <summary>Channels j to j + width - 1: statistics, running statistics and y.</summary>
        private void Forward(int j, int width)
        {
            var (n, c, p) = ChannelsLast.Sizes(x!);
            var (s1, s2, s3) = Slots(width);
            var (o1, o2, o3) = (s1 * p, s2 * p, s3 * p);
            ReadOnlySpan<float> xs = x!.Span;
            float invN = 1f / (n * p);

            // Pass 1: the sums, then the means.
            float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
            for (int image = 0; image < n; image++)
            {
                int at = ((image * c) + j) * p;
                ReadOnlySpan<float> x0 = xs.Slice(at, p), x1 = xs.Slice(at + o1, p), x2 = xs.Slice(at + o2, p), x3 = xs.Slice(at + o3, p);
                for (int i = 0; i < x0.Length; i++)
                {
                    a0 += x0[i];
                    a1 += x1[i];
                    a2 += x2[i];
                    a3 += x3[i];
                }
            }
            float m0 = a0 * invN, m1 = a1 * invN, m2 = a2 * invN, m3 = a3 * invN;

            // Pass 2: the sums of squared deviations (two passes: no cancellation).
            float q0 = 0f, q1 = 0f, q2 = 0f, q3 = 0f;
            for (int image = 0; image < n; image++)
            {
                int at = ((image * c) + j) * p;
                ReadOnlySpan<float> x0 = xs.Slice(at, p), x1 = xs.Slice(at + o1, p), x2 = xs.Slice(at + o2, p), x3 = xs.Slice(at + o3, p);
                for (int i = 0; i < x0.Length; i++)
                {
                    float d0 = x0[i] - m0, d1 = x1[i] - m1, d2 = x2[i] - m2, d3 = x3[i] - m3;
                    q0 += d0 * d0;
                    q1 += d1 * d1;
                    q2 += d2 * d2;
                    q3 += d3 * d3;
                }
            }

            ReadOnlySpan<float> means = [m0, m1, m2, m3], squares = [q0, q1, q2, q3];
            for (int k = 0; k < width; k++)
            {
                Normalize(j + k, means[k], squares[k]);
            }
        }

        /// <summary>Channel j given its mean and sum of squared deviations: running statistics, invStd and y.</summary>
        private void Normalize(int j, float mu, float squares)
        {
            var (n, c, p) = ChannelsLast.Sizes(x!);
            int count = n * p;
            float invN = 1f / count;
            float variance = squares * invN;
            float unbias = count > 1 ? (float)count / (count - 1) : 1f;
            if (runningVar is not null)
            {
                var rv = runningVar.Span;
                rv[j] = (rv[j] * (1f - momentum)) + (variance * unbias * momentum);
            }
            if (runningMean is not null)
            {
                var rm = runningMean.Span;
                rm[j] = (rm[j] * (1f - momentum)) + (mu * momentum);
            }
            float inv = 1f / MathF.Sqrt(variance + eps);
            mean!.Span[j] = mu;
            invStd!.Span[j] = inv;

            // y = x * alpha + beta with alpha = gamma * invstd, beta = b - mean * alpha.
            float alpha = inv * (weight is null ? 1f : weight.Span[j]);
            float beta = (bias is null ? 0f : bias.Span[j]) - (mu * alpha);
            ReadOnlySpan<float> xs = x!.Span;
            Span<float> ys = y!.Span;
            for (int image = 0; image < n; image++)
            {
                int at = ((image * c) + j) * p;
                MultiplyAddPlane(xs.Slice(at, p), alpha, beta, ys.Slice(at, p));
            }
        }

        /// <summary>Channels j to j + width - 1: sum(g) and sum((x - mean) g), then the gradients.</summary>
        private void Backward(int j, int width)
        {
            var (n, c, p) = ChannelsLast.Sizes(x!);
            var (s1, s2, s3) = Slots(width);
            var (o1, o2, o3) = (s1 * p, s2 * p, s3 * p);
            ReadOnlySpan<float> xs = x!.Span, gs = g!.Span, mus = mean!.Span;
            float m0 = mus[j], m1 = mus[j + s1], m2 = mus[j + s2], m3 = mus[j + s3];

            float g0 = 0f, g1 = 0f, g2 = 0f, g3 = 0f, t0 = 0f, t1 = 0f, t2 = 0f, t3 = 0f;
            for (int image = 0; image < n; image++)
            {
                int at = ((image * c) + j) * p;
                ReadOnlySpan<float> x0 = xs.Slice(at, p), x1 = xs.Slice(at + o1, p), x2 = xs.Slice(at + o2, p), x3 = xs.Slice(at + o3, p);
                ReadOnlySpan<float> h0 = gs.Slice(at, p), h1 = gs.Slice(at + o1, p), h2 = gs.Slice(at + o2, p), h3 = gs.Slice(at + o3, p);
                for (int i = 0; i < x0.Length; i++)
                {
                    g0 += h0[i];
                    t0 += (x0[i] - m0) * h0[i];
                    g1 += h1[i];
                    t1 += (x1[i] - m1) * h1[i];
                    g2 += h2[i];
                    t2 += (x2[i] - m2) * h2[i];
                    g3 += h3[i];
                    t3 += (x3[i] - m3) * h3[i];
                }
            }

            ReadOnlySpan<float> sumG = [g0, g1, g2, g3], dot = [t0, t1, t2, t3];
            for (int k = 0; k < width; k++)
            {
                Gradients(j + k, sumG[k], dot[k]);
            }
        }

        /// <summary>Channel j's dBias, dWeight and dx given sum(g) and sum((x - mean) g).</summary>
        private void Gradients(int j, float sumG, float dot)
        {
            float mu = mean!.Span[j], inv = invStd!.Span[j];
            if (dBias is not null)
            {
                dBias.Span[j] = sumG;
            }
            if (dWeight is not null)
            {
                dWeight.Span[j] = dot * inv;
            }
            if (dx is null)
            {
                return;
            }

            // dx = (g - mean(g) - (x - mean) k) * invstd * gamma, k = dot invstd^2 / N,
            // rewritten as dx = g * a + x * b + d.
            var (n, c, p) = ChannelsLast.Sizes(x!);
            float invN = 1f / (n * p);
            float scale = inv * (weight is null ? 1f : weight.Span[j]);
            float k = dot * inv * inv * invN;
            float b = -k * scale;
            float d = ((mu * k) - (sumG * invN)) * scale;
            ReadOnlySpan<float> xs = x!.Span, gs = g!.Span;
            Span<float> dxs = dx.Span;
            for (int image = 0; image < n; image++)
            {
                int at = ((image * c) + j) * p;
                BatchNormInputPlane(gs.Slice(at, p), xs.Slice(at, p), scale, b, d, dxs.Slice(at, p));
            }
        }
    }
}
