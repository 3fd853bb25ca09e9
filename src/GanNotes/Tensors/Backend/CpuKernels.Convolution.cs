namespace GanNotes.Tensors.Backend;

/// <summary>
/// The data movement behind convolutions: dimension permutes, and the window matrix of
/// <see cref="ConvGeometry"/> and its adjoint; the arithmetic is then one product in <see cref="Gemm"/>.
/// </summary>
internal sealed partial class CpuKernels
{
    /// <summary>Below this many values a permute or window copy runs on one thread.</summary>
    private const int MinConvElementsPerWorker = 1 << 15;

    [ThreadStatic]
    private static ConvWork? convWork;

    public void Permute(Tensor x, int[] dims, Tensor y)
    {
        int[] shape = x.ShapeArray;
        int rank = shape.Length;
        // y's dimensions i = 0..rank-1 read x with x's stride of dimension dims[i].
        var xStrides = new int[rank];
        for (int i = rank - 1, stride = 1; i >= 0; i--)
        {
            xStrides[i] = stride;
            stride *= shape[i];
        }
        if (rank >= 2 && IsLastTwoSwapped(dims))
        {
            // [.., a, b] -> [.., b, a]: a tiled transpose per leading index (the conv layouts).
            int rows = shape[rank - 2], cols = shape[rank - 1], batch = x.NumElements / Math.Max(1, rows * cols);
            RunConv(ConvWork.Kind.Transpose, x, y, default, batch, rows * cols, rows, cols);
            return;
        }
        var yShape = y.ShapeArray;
        var strides = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            strides[i] = xStrides[dims[i]];
        }
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        var counter = new int[rank];
        int offset = 0;
        for (int j = 0; j < ys.Length; j++)
        {
            ys[j] = xs[offset];
            for (int d = rank - 1; d >= 0; d--)
            {
                offset += strides[d];
                if (++counter[d] < yShape[d])
                {
                    break;
                }
                offset -= strides[d] * yShape[d];
                counter[d] = 0;
            }
        }
    }

    public void Im2Col(Tensor x, in ConvGeometry geometry, Tensor cols) =>
        RunConv(ConvWork.Kind.Im2Col, x, cols, geometry, geometry.N, geometry.Rows / Math.Max(1, geometry.N) * geometry.Columns, 0, 0);

    public void Col2Im(Tensor cols, in ConvGeometry geometry, Tensor x) =>
        RunConv(ConvWork.Kind.Col2Im, cols, x, geometry, geometry.N, geometry.Rows / Math.Max(1, geometry.N) * geometry.Columns, 0, 0);

    private static bool IsLastTwoSwapped(int[] dims)
    {
        int rank = dims.Length;
        for (int i = 0; i < rank - 2; i++)
        {
            if (dims[i] != i)
            {
                return false;
            }
        }
        return dims[rank - 2] == rank - 1 && dims[rank - 1] == rank - 2;
    }

    /// <summary>Runs a copy of <paramref name="batch"/> independent items of <paramref name="itemSize"/> values each, split over the workers by item.</summary>
    private static void RunConv(ConvWork.Kind kind, Tensor source, Tensor target, in ConvGeometry geometry, int batch, int itemSize, int rows, int cols)
    {
        long total = (long)batch * itemSize;
        int parts = (int)Math.Min(Math.Min(Threading.NumThreads, batch), Math.Max(1, total / MinConvElementsPerWorker));
        var work = convWork ??= new ConvWork();
        work.Set(kind, source, target, geometry, batch, rows, cols);
        try
        {
            WorkerPool.Run(work, parts); // one part runs on this thread
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>
    /// The window rows of images [n0, n1), channels [c0, c1): row (n - n0) * OH * OW + position of
    /// <paramref name="cols"/>, (c1 - c0) KH KW values wide (all channels: the window matrix's rows).
    /// </summary>
    private static void WindowRows(ReadOnlySpan<float> x, Span<float> cols, in ConvGeometry g, int n0, int n1, int c0, int c1)
    {
        int oh = g.OH, ow = g.OW, plane = g.H * g.W, kw = g.KW;
        int columns = (c1 - c0) * g.KH * kw;
        for (int n = n0; n < n1; n++)
        {
            var image = x.Slice(n * g.C * plane, g.C * plane);
            for (int r = 0; r < oh; r++)
            {
                int top = (r * g.StrideH) - g.PadH;
                for (int q = 0; q < ow; q++)
                {
                    var row = cols.Slice((((n - n0) * oh) + r) * ow * columns + (q * columns), columns);
                    int left = (q * g.StrideW) - g.PadW, at = 0;
                    bool inside = left >= 0 && left + kw <= g.W;
                    for (int c = c0; c < c1; c++)
                    {
                        var channel = image.Slice(c * plane, plane);
                        for (int kh = 0; kh < g.KH; kh++, at += kw)
                        {
                            int ih = top + kh;
                            if ((uint)ih >= (uint)g.H)
                            {
                                row.Slice(at, kw).Clear();
                                continue;
                            }
                            var line = channel.Slice(ih * g.W, g.W);
                            if (inside)
                            {
                                line.Slice(left, kw).CopyTo(row.Slice(at, kw));
                                continue;
                            }
                            for (int j = 0; j < kw; j++)
                            {
                                int iw = left + j;
                                row[at + j] = (uint)iw < (uint)g.W ? line[iw] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Images [n0, n1) of x, each the sum of the window values read from its pixels, the windows
    /// being the rows of <paramref name="cols"/> from image n0's first (all channels).
    /// </summary>
    private static void AddWindows(ReadOnlySpan<float> cols, Span<float> x, in ConvGeometry g, int n0, int n1)
    {
        int oh = g.OH, ow = g.OW, columns = g.Columns, plane = g.H * g.W, kw = g.KW;
        for (int n = n0; n < n1; n++)
        {
            var image = x.Slice(n * g.C * plane, g.C * plane);
            image.Clear();
            for (int r = 0; r < oh; r++)
            {
                int top = (r * g.StrideH) - g.PadH;
                for (int q = 0; q < ow; q++)
                {
                    var row = cols.Slice((((n - n0) * oh) + r) * ow * columns + (q * columns), columns);
                    int left = (q * g.StrideW) - g.PadW, at = 0;
                    for (int c = 0; c < g.C; c++)
                    {
                        var channel = image.Slice(c * plane, plane);
                        for (int kh = 0; kh < g.KH; kh++, at += kw)
                        {
                            int ih = top + kh;
                            if ((uint)ih >= (uint)g.H)
                            {
                                continue;
                            }
                            var line = channel.Slice(ih * g.W, g.W);
                            for (int j = 0; j < kw; j++)
                            {
                                int iw = left + j;
                                if ((uint)iw < (uint)g.W)
                                {
                                    line[iw] += row[at + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Items [b0, b1) of a batch of [rows, cols] matrices, each transposed in 32 x 32 tiles.</summary>
    private static void TransposeItems(ReadOnlySpan<float> x, Span<float> y, int rows, int cols, int b0, int b1)
    {
        const int Block = 32;
        int size = rows * cols;
        for (int b = b0; b < b1; b++)
        {
            var xd = x.Slice(b * size, size);
            var yd = y.Slice(b * size, size);
            for (int r0 = 0; r0 < rows; r0 += Block)
            {
                for (int c0 = 0; c0 < cols; c0 += Block)
                {
                    int rEnd = Math.Min(r0 + Block, rows), cEnd = Math.Min(c0 + Block, cols);
                    for (int r = r0; r < rEnd; r++)
                    {
                        for (int c = c0; c < cEnd; c++)
                        {
                            yd[(c * rows) + r] = xd[(r * cols) + c];
                        }
                    }
                }
            }
        }
    }

    /// <summary>A window copy or batched transpose, its items (images or matrices) split between the parts.</summary>
    private sealed class ConvWork : PartitionedWork
    {
        public enum Kind
        {
            Im2Col,
            Col2Im,
            Transpose,
        }

        private Kind kind;
        private Tensor? source, target;
        private ConvGeometry geometry;
        private int batch, rows, cols;

        public void Set(Kind kind, Tensor source, Tensor target, in ConvGeometry geometry, int batch, int rows, int cols) =>
            (this.kind, this.source, this.target, this.geometry, this.batch, this.rows, this.cols) = (kind, source, target, geometry, batch, rows, cols);

        public void Clear() => (source, target) = (null, null);

        public override void Execute(int part, int parts)
        {
            int b0 = (int)((long)batch * part / parts), b1 = (int)((long)batch * (part + 1) / parts);
            switch (kind)
            {
                case Kind.Im2Col: WindowRows(source!.Span, target!.Span[(b0 * geometry.OH * geometry.OW * geometry.Columns)..], geometry, b0, b1, 0, geometry.C); break;
                case Kind.Col2Im: AddWindows(source!.Span[(b0 * geometry.OH * geometry.OW * geometry.Columns)..], target!.Span, geometry, b0, b1); break;
                default: TransposeItems(source!.Span, target!.Span, rows, cols, b0, b1); break;
            }
        }
    }
}
