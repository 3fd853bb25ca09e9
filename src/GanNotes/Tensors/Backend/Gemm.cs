using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GanNotes.Tensors.Backend;

/// <summary>
/// Single-precision matrix multiply (SGEMM) for row-major, contiguous matrices: a blocked,
/// packed kernel in the style of BLIS/GotoBLAS with SIMD register-blocked micro-kernels.
/// </summary>
/// <remarks>
/// Loop nest per worker: rows in blocks of <c>MC</c>, depth in blocks of <see cref="KC"/>
/// (pack an MC x KC block of op(A) into MR-row micro-panels), columns in blocks of <c>NC</c>
/// (pack a KC x NC block of op(B) into NR-column micro-panels), then MR x NR micro-tiles.
/// Transposed operands are absorbed by the packing. Work is split over threads by output
/// tiles only, so every element of C is summed in the same order for any thread count.
/// </remarks>
internal static unsafe class Gemm
{
    /// <summary>Depth of a packed block: the k-summation is cut into chunks of this length.</summary>
    internal const int KC = 256;

    /// <summary>
    /// Floating-point operations (2*m*n*k) each worker must have before the product is split
    /// over threads: waking a pool worker costs several microseconds (around 1 MFLOP of kernel
    /// time), and measured gains start at about 4 MFLOP for two workers.
    /// </summary>
    internal const long MinFlopsPerWorker = 1L << 21;

    /// <summary>Rows of a micro-tile.</summary>
    internal static readonly int MR = Vector128.IsHardwareAccelerated ? 6 : 4;

    /// <summary>Columns of a micro-tile: two vectors of the widest accelerated width.</summary>
    internal static readonly int NR =
        Vector512.IsHardwareAccelerated ? 32 :
        Vector256.IsHardwareAccelerated ? 16 :
        Vector128.IsHardwareAccelerated ? 8 : 4;

    /// <summary>
    /// Rows of a packed block of op(A) (a multiple of MR, about 512). Only one MR x KC
    /// micro-panel of it needs to stay in L1; a larger block means fewer repacks of op(B).
    /// </summary>
    internal static readonly int MC = MR * (512 / MR);

    /// <summary>
    /// Columns of a packed block of op(B) (a multiple of NR): a KC x NC block is 512 KiB,
    /// which stays in L2 while every MR-row micro-panel of op(A) streams over it.
    /// </summary>
    internal static readonly int NC = NR * (512 / NR);

    /// <summary>Largest micro-tile, for the edge-tile scratch on the stack.</summary>
    private const int MaxTile = 8 * 32;

    [ThreadStatic]
    private static float[]? packA;

    [ThreadStatic]
    private static float[]? packB;

    /// <summary>
    /// Computes <c>C[m,n] = (accumulate ? C : 0) + op(A) * op(B)</c> for row-major float32 data,
    /// or <c>C = rowBias + op(A) * op(B)</c>, the bias added to every row, when a bias is given.
    /// </summary>
    /// <param name="transA">When false A is stored [m,k]; when true A is stored [k,m] and op(A) = A^T.</param>
    /// <param name="transB">When false B is stored [k,n]; when true B is stored [n,k] and op(B) = B^T.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="a">Data of A from index 0; may be longer than m*k.</param>
    /// <param name="b">Data of B from index 0; may be longer than k*n.</param>
    /// <param name="c">Data of C from index 0; may be longer than m*n.</param>
    /// <param name="accumulate">Add the product to C instead of overwriting it.</param>
    /// <param name="rowBias">
    /// When not null, n values that start every row of C (PyTorch's addmm with a bias); each
    /// worker writes them into its own block of C just before its product, while that block
    /// is in its cache. <paramref name="accumulate"/> must then be false.
    /// </param>
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if ((long)m * k > a.Length || (long)k * n > b.Length || (long)m * n > c.Length)
        {
            throw new ArgumentException("Matrix data is shorter than the shapes require.");
        }
        if (rowBias is not null && (accumulate || rowBias.Length < n))
        {
            throw new ArgumentException(accumulate ? "A row bias cannot be combined with accumulate." : "The row bias is shorter than the n columns.", nameof(rowBias));
        }

        Dispatch(transA, transB, m, n, k, a, b, c, accumulate, rowBias, Width(m, n), parallel: true);
    }

    /// <summary>
    /// <see cref="Multiply"/> without a bias, on the calling thread only: for a kernel that has
    /// already split its work over the workers (a convolution, image by image).
    /// <paramref name="oneWide"/> says whether the whole product, of which this is a part, has
    /// one row or one column: its parts must all take the same path, since the dot products of
    /// <see cref="MatrixVector"/> round differently from the tiles.
    /// </summary>
    public static void MultiplyOnThisThread(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, OneWide oneWide) =>
        Dispatch(transA, transB, m, n, k, a, b, c, accumulate, rowBias: null, oneWide, parallel: false);

    /// <summary>
    /// The product after its checks: empty shapes, k = 0 (C is only started), one-wide products
    /// (<see cref="MatrixVector"/>), then the tiles, split over the workers when
    /// <paramref name="parallel"/> and the product is large enough.
    /// </summary>
    private static void Dispatch(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias, OneWide oneWide, bool parallel)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            if (rowBias is not null)
            {
                StartRows(rowBias, c, n, 0, m, 0, n);
            }
            else if (!accumulate)
            {
                c.AsSpan(0, m * n).Clear();
            }

            return;
        }

        if (oneWide != OneWide.No)
        {
            MatrixVector(transA, transB, m, n, k, a, b, c, accumulate, rowBias, column: oneWide == OneWide.Column);
            return;
        }

        int tilesM = (m + MR - 1) / MR;
        int tilesN = (n + NR - 1) / NR;

        // Splitting columns repeats the packing of A in every worker, splitting rows repeats
        // B: split the dimension whose other operand is the cheaper one to repeat.
        bool splitN = m <= n ? tilesN > 1 : tilesM == 1;
        int tiles = splitN ? tilesN : tilesM;
        long flops = 2L * m * n * k;
        int workers = parallel ? (int)Math.Min(Math.Min(Threading.NumThreads, tiles), Math.Max(1, flops / MinFlopsPerWorker)) : 1;
        if (workers <= 1)
        {
            Run(transA, transB, m, n, k, a, b, c, accumulate, rowBias, 0, m, 0, n);
            return;
        }

        RunParallel(transA, transB, m, n, k, a, b, c, accumulate, rowBias, splitN, tiles, workers);
    }

    /// <summary>Whether a product has a single row or column, and which (see <see cref="MatrixVector"/>).</summary>
    internal enum OneWide
    {
        /// <summary>Neither: the tiles.</summary>
        No,

        /// <summary>One row: C[1, n].</summary>
        Row,

        /// <summary>One column: C[m, 1].</summary>
        Column,
    }

    /// <summary><see cref="OneWide"/> of an m x n product.</summary>
    internal static OneWide Width(int m, int n) => n == 1 ? OneWide.Column : m == 1 ? OneWide.Row : OneWide.No;

    /// <summary>
    /// A product with one row or one column (a layer with a single output, its gradients):
    /// dot products or scaled row sums on the calling thread, since packing a 1-wide panel
    /// into an MR x NR tile would waste all but one of its lanes.
    /// </summary>
    private static void MatrixVector(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias, bool column)
    {
        // Seen from C's side, the product is outputs = matrix * vector, where the matrix
        // holds each output's k weights either as a contiguous row (dots) or as a column of a
        // row-major [k, outputs] block (a sum of k scaled rows).
        int outputs = column ? m : n;
        bool rowsContiguous = column ? !transA : transB;
        var matrix = (column ? a : b).AsSpan(0, outputs * k);
        var vector = (column ? b : a).AsSpan(0, k);
        var result = c.AsSpan(0, outputs);
        if (rowBias is not null)
        {
            // One column: its bias is rowBias[0]; one row: the bias itself.
            if (column)
            {
                result.Fill(rowBias[0]);
            }
            else
            {
                rowBias.AsSpan(0, n).CopyTo(result);
            }
            accumulate = true;
        }
        if (rowsContiguous)
        {
            for (int i = 0; i < outputs; i++)
            {
                float dot = TensorPrimitives.Dot(matrix.Slice(i * k, k), vector);
                result[i] = accumulate ? result[i] + dot : dot;
            }
            return;
        }
        if (!accumulate)
        {
            result.Clear();
        }
        for (int p = 0; p < k; p++)
        {
            TensorPrimitives.MultiplyAdd(matrix.Slice(p * outputs, outputs), vector[p], result, result);
        }
    }

    [ThreadStatic]
    private static GemmWork? work;

    /// <summary>Splits the tiles of one dimension of C into <paramref name="workers"/> contiguous ranges.</summary>
    private static void RunParallel(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias, bool splitN, int tiles, int workers)
    {
        var job = work ??= new GemmWork();
        job.Set(transA, transB, m, n, k, a, b, c, accumulate, rowBias, splitN, tiles);
        try
        {
            WorkerPool.Run(job, workers);
        }
        finally
        {
            job.Clear();
        }
    }

    /// <summary>One product's parts: contiguous ranges of tiles along the split dimension of C.</summary>
    private sealed class GemmWork : PartitionedWork
    {
        private bool transA, transB, accumulate, splitN;
        private int m, n, k, tiles;
        private float[]? a, b, c, rowBias;

        public void Set(bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias, bool splitN, int tiles)
        {
            (this.transA, this.transB, this.m, this.n, this.k) = (transA, transB, m, n, k);
            (this.a, this.b, this.c, this.accumulate, this.rowBias, this.splitN, this.tiles) = (a, b, c, accumulate, rowBias, splitN, tiles);
        }

        public void Clear() => (a, b, c, rowBias) = (null, null, null, null);

        public override void Execute(int part, int parts)
        {
            int tile = splitN ? NR : MR;
            int extent = splitN ? n : m;
            int lo = (int)((long)tiles * part / parts) * tile;
            int hi = Math.Min(extent, (int)((long)tiles * (part + 1) / parts) * tile);
            if (splitN)
            {
                Run(transA, transB, m, n, k, a!, b!, c!, accumulate, rowBias, 0, m, lo, hi);
            }
            else
            {
                Run(transA, transB, m, n, k, a!, b!, c!, accumulate, rowBias, lo, hi, 0, n);
            }
        }
    }

    /// <summary>Computes the block C[i0..i1, j0..j1] on the calling thread.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(bool transA, bool transB, int m, int n, int k,
        float[] a, float[] b, float[] c, bool accumulate, float[]? rowBias, int i0, int i1, int j0, int j1)
    {
        if (rowBias is not null)
        {
            StartRows(rowBias, c, n, i0, i1, j0, j1);
            accumulate = true;
        }
        int mr = MR, nr = NR, mcMax = MC, ncMax = NC;
        float* edge = stackalloc float[MaxTile];
        float[] bufA = packA ??= GC.AllocateUninitializedArray<float>((MC * KC) + 16, pinned: true);
        float[] bufB = packB ??= GC.AllocateUninitializedArray<float>((KC * NC) + 16, pinned: true);
        float* ap = Align(bufA);
        float* bp = Align(bufB);
        fixed (float* pa = a, pb = b, pc = c)
        {
            for (int ic = i0; ic < i1; ic += mcMax)
            {
                int mc = Math.Min(mcMax, i1 - ic);
                for (int p0 = 0; p0 < k; p0 += KC)
                {
                    int kc = Math.Min(KC, k - p0);
                    bool overwrite = p0 == 0 && !accumulate;
                    GemmPacking.PackA(pa, transA ? m : k, transA, ic, mc, p0, kc, mr, ap);
                    for (int jc = j0; jc < j1; jc += ncMax)
                    {
                        int nc = Math.Min(ncMax, j1 - jc);
                        GemmPacking.PackB(pb, transB ? k : n, transB, p0, kc, jc, nc, nr, bp);
                        Macro(ap, bp, mc, nc, kc, pc + ((long)ic * n) + jc, n, overwrite, edge);
                    }
                }
            }
        }
    }

    /// <summary>Writes rowBias[j0..j1] into rows i0..i1 of C (n columns), the start of an addmm.</summary>
    private static void StartRows(float[] rowBias, float[] c, int n, int i0, int i1, int j0, int j1)
    {
        var bias = rowBias.AsSpan(j0, j1 - j0);
        for (int i = i0; i < i1; i++)
        {
            bias.CopyTo(c.AsSpan((i * n) + j0, j1 - j0));
        }
    }

    /// <summary>Runs the micro-kernel over every tile of one packed mc x nc block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Macro(float* ap, float* bp, int mc, int nc, int kc, float* c, int ldc, bool overwrite, float* edge)
    {
        int mr = MR, nr = NR;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* a = ap + ((long)ir * kc);
            float* cRow = c + ((long)ir * ldc);
            for (int jr = 0; jr < nc; jr += nr)
            {
                int cols = Math.Min(nr, nc - jr);
                float* b = bp + ((long)jr * kc);
                if (rows == mr && cols == nr)
                {
                    Kernel(kc, a, b, cRow + jr, ldc, overwrite);
                    continue;
                }

                // Edge tile: the packed panels are zero-padded, so compute a full tile aside
                // and add the valid part, with the same single rounding as a full tile.
                Kernel(kc, a, b, edge, nr, true);
                for (int i = 0; i < rows; i++)
                {
                    float* dst = cRow + ((long)i * ldc) + jr;
                    float* src = edge + (i * nr);
                    for (int j = 0; j < cols; j++)
                    {
                        dst[j] = overwrite ? src[j] : dst[j] + src[j];
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            GemmMicroKernels.Kernel6x32(kc, a, b, c, ldc, overwrite);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            GemmMicroKernels.Kernel6x16(kc, a, b, c, ldc, overwrite);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            GemmMicroKernels.Kernel6x8(kc, a, b, c, ldc, overwrite);
        }
        else
        {
            GemmMicroKernels.Kernel4x4(kc, a, b, c, ldc, overwrite);
        }
    }

    /// <summary>First 64-byte aligned element of a pinned buffer that has 16 floats of slack.</summary>
    private static float* Align(float[] pinned)
    {
        nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (float*)((p + 63) & ~(nint)63);
    }
}
