namespace GanNotes.Tensors.Backend;

/// <summary>
/// The convolutions on the CPU without the batch's window matrix: a few images at a time, their
/// windows are copied into a buffer that stays in the core's cache and multiplied there, each
/// worker taking its own images (or, for the weight gradient, its own channels), so neither the
/// matrix (16 times the image for a 4 x 4 kernel) nor a channels-last copy of the output ever
/// goes through main memory.
/// </summary>
/// <remarks>
/// Three passes serve both layers, between the image side [N, C, H, W] of <see cref="ConvGeometry"/>
/// and the grid side [N, K, OH, OW], with the weight as [K, C * KH * KW]: <c>Forward</c> (grid =
/// the convolution of the image: Conv2d, and ConvTranspose2d's input gradient), <c>Input</c> (image =
/// the windows of grid^T W summed back: ConvTranspose2d, and Conv2d's input gradient) and
/// <c>Weight</c> (the weight gradient of both). Every output value is summed in one order whatever
/// the thread count: the first two give each image to one worker, the weight gradient adds the
/// chunks of images in order, with chunk sizes that depend on the shapes only.
/// </remarks>
internal sealed partial class CpuKernels
{
    /// <summary>Floats of windows (or of products) per chunk of images: about 512 KiB, held in L2.</summary>
    private const int ChunkFloats = 1 << 17;

    /// <summary>Fewest positions per chunk, so the product's column tiles are mostly full.</summary>
    private const int MinChunkPositions = 256;

    [ThreadStatic]
    private static ImplicitConvWork? implicitConvWork;

    public Tensor? Conv2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        RunImplicitConv(ImplicitConvWork.Pass.Forward, image: x, grid: y, weight, geometry);
        return null;
    }

    public void Conv2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        if (dx is not null)
        {
            RunImplicitConv(ImplicitConvWork.Pass.Input, image: dx, grid: g, weight, geometry);
        }
        if (dWeight is not null)
        {
            RunImplicitConv(ImplicitConvWork.Pass.Weight, image: x, grid: g, dWeight, geometry);
        }
    }

    public Tensor? ConvTranspose2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        RunImplicitConv(ImplicitConvWork.Pass.Input, image: y, grid: x, weight, geometry);
        return null;
    }

    public void ConvTranspose2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        if (dx is not null)
        {
            RunImplicitConv(ImplicitConvWork.Pass.Forward, image: g, grid: dx, weight, geometry);
        }
        if (dWeight is not null)
        {
            RunImplicitConv(ImplicitConvWork.Pass.Weight, image: g, grid: x, dWeight, geometry);
        }
    }

    /// <summary>Images per chunk of the weight gradient: from the shapes only, so its sums do not depend on the thread count.</summary>
    internal static int ImagesPerChunk(in ConvGeometry g, int k)
    {
        int positions = Math.Max(1, g.Positions);
        int perImage = positions * Math.Max(g.Columns, k);
        int images = Math.Max((MinChunkPositions + positions - 1) / positions, ChunkFloats / Math.Max(1, perImage));
        return Math.Clamp(images, 1, Math.Max(1, g.N));
    }

    private static void RunImplicitConv(ImplicitConvWork.Pass pass, Tensor image, Tensor grid, Tensor weight, in ConvGeometry g)
    {
        int k = weight.ShapeArray[0];
        if (g.Positions == 1 && g.PadH == 0 && g.PadW == 0 && g.KH == g.H && g.KW == g.W)
        {
            // Each window is a whole image: the convolution is one product over the batch.
            switch (pass)
            {
                case ImplicitConvWork.Pass.Forward: Gemm.Multiply(false, true, g.N, k, g.Columns, image.Data, weight.Data, grid.Data, accumulate: false); break;
                case ImplicitConvWork.Pass.Input: Gemm.Multiply(false, false, g.N, g.Columns, k, grid.Data, weight.Data, image.Data, accumulate: false); break;
                default: Gemm.Multiply(true, false, k, g.Columns, g.N, grid.Data, image.Data, weight.Data, accumulate: false); break;
            }
            return;
        }
        int imagesPerChunk = ImagesPerChunk(g, k);
        int parts;
        // The weight gradient: channels per worker or, with fewer channels than threads, rows of the weight.
        bool byChannel = g.C >= Threading.NumThreads || g.C >= k;
        if (pass == ImplicitConvWork.Pass.Weight)
        {
            parts = Math.Min(Threading.NumThreads, byChannel ? g.C : k);
        }
        else
        {
            // Whole images per worker; smaller chunks when there would be fewer than workers.
            int threads = Threading.NumThreads;
            imagesPerChunk = Math.Max(1, Math.Min(imagesPerChunk, (g.N + threads - 1) / threads));
            parts = Math.Min(threads, (g.N + imagesPerChunk - 1) / imagesPerChunk);
        }
        long flops = 2L * g.Rows * g.Columns * k;
        parts = (int)Math.Max(1, Math.Min(parts, flops / Gemm.MinFlopsPerWorker));
        var work = implicitConvWork ??= new ImplicitConvWork();
        work.Set(pass, image.Data, grid.Data, weight.Data, g, k, imagesPerChunk, byChannel);
        try
        {
            WorkerPool.Run(work, parts); // one part runs on this thread
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>One pass of a convolution, its images (or weight rows and channels) split between the parts.</summary>
    private sealed class ImplicitConvWork : PartitionedWork
    {
        public enum Pass
        {
            Forward,
            Input,
            Weight,
        }

        [ThreadStatic]
        private static float[]? windows, gridRows, product;

        private Pass pass;
        private float[]? image, grid, weight;
        private ConvGeometry g;
        private int k, imagesPerChunk;
        private bool byChannel;

        public void Set(Pass pass, float[] image, float[] grid, float[] weight, in ConvGeometry g, int k, int imagesPerChunk, bool byChannel) =>
            (this.pass, this.image, this.grid, this.weight, this.g, this.k, this.imagesPerChunk, this.byChannel) = (pass, image, grid, weight, g, k, imagesPerChunk, byChannel);

        public void Clear() => (image, grid, weight) = (null, null, null);

        public override void Execute(int part, int parts)
        {
            if (pass == Pass.Weight)
            {
                WeightGradient(part, parts);
                return;
            }
            int chunks = (g.N + imagesPerChunk - 1) / imagesPerChunk;
            int first = (int)((long)chunks * part / parts), last = (int)((long)chunks * (part + 1) / parts);
            for (int chunk = first; chunk < last; chunk++)
            {
                int n0 = chunk * imagesPerChunk, n1 = Math.Min(g.N, n0 + imagesPerChunk);
                if (pass == Pass.Forward)
                {
                    ForwardChunk(n0, n1);
                }
                else
                {
                    InputChunk(n0, n1);
                }
            }
        }

        /// <summary>grid[n, :, :] = W windows(image n)^T for images [n0, n1).</summary>
        private void ForwardChunk(int n0, int n1)
        {
            int positions = g.Positions, columns = (n1 - n0) * positions;
            var cols = Buffer(ref windows, columns * g.Columns);
            WindowRows(image, cols, g, n0, n1, 0, g.C);
            var result = Buffer(ref product, k * columns);
            Gemm.MultiplyOnThisThread(false, true, k, columns, g.Columns, weight!, cols, result, accumulate: false, Gemm.Width(k, g.Rows));
            for (int n = n0; n < n1; n++)
            {
                for (int c = 0; c < k; c++)
                {
                    result.AsSpan((c * columns) + ((n - n0) * positions), positions).CopyTo(grid.AsSpan(((n * k) + c) * positions, positions));
                }
            }
        }

        /// <summary>image n = the windows of grid n^T W summed back, for images [n0, n1).</summary>
        private void InputChunk(int n0, int n1)
        {
            int columns = (n1 - n0) * g.Positions;
            var rows = GatherGrid(n0, n1, 0, k);
            var cols = Buffer(ref windows, columns * g.Columns);
            Gemm.MultiplyOnThisThread(true, false, columns, g.Columns, k, rows, weight!, cols, accumulate: false, Gemm.Width(g.Rows, g.Columns));
            AddWindows(cols, image, g, n0, n1);
        }

        /// <summary>Rows [k0, k1) and channels [c0, c1) of dW = the sum over images of grid n windows(image n), chunk by chunk in order.</summary>
        private void WeightGradient(int part, int parts)
        {
            int kk = g.KH * g.KW;
            int units = byChannel ? g.C : k;
            int lo = (int)((long)units * part / parts), hi = (int)((long)units * (part + 1) / parts);
            var (c0, c1, k0, k1) = byChannel ? (lo, hi, 0, k) : (0, g.C, lo, hi);
            int width = (c1 - c0) * kk;
            var sum = Buffer(ref product, (k1 - k0) * width);
            for (int n0 = 0; n0 < g.N; n0 += imagesPerChunk)
            {
                int n1 = Math.Min(g.N, n0 + imagesPerChunk);
                int columns = (n1 - n0) * g.Positions;
                var cols = Buffer(ref windows, columns * width);
                WindowRows(image, cols, g, n0, n1, c0, c1);
                var rows = GatherGrid(n0, n1, k0, k1);
                Gemm.MultiplyOnThisThread(false, false, k1 - k0, width, columns, rows, cols, sum, accumulate: n0 > 0, Gemm.Width(k, g.Columns));
            }
            int rowLength = g.Columns;
            for (int r = k0; r < k1; r++)
            {
                sum.AsSpan((r - k0) * width, width).CopyTo(weight.AsSpan((r * rowLength) + (c0 * kk), width));
            }
        }

        /// <summary>Channels [k0, k1) of grid images [n0, n1) as rows [k1 - k0, (n1 - n0) positions].</summary>
        private float[] GatherGrid(int n0, int n1, int k0, int k1)
        {
            int positions = g.Positions, columns = (n1 - n0) * positions;
            var rows = Buffer(ref gridRows, (k1 - k0) * columns);
            for (int c = k0; c < k1; c++)
            {
                for (int n = n0; n < n1; n++)
                {
                    grid.AsSpan(((n * k) + c) * positions, positions).CopyTo(rows.AsSpan(((c - k0) * columns) + ((n - n0) * positions), positions));
                }
            }
            return rows;
        }

        /// <summary>This thread's buffer, grown to at least <paramref name="length"/> floats.</summary>
        private static float[] Buffer(ref float[]? buffer, int length)
        {
            if (buffer is null || buffer.Length < length)
            {
                buffer = GC.AllocateUninitializedArray<float>(length);
            }
            return buffer;
        }
    }
}
