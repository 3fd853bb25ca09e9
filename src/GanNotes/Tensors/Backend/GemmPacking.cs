using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanNotes.Tensors.Backend;

/// <summary>Packs blocks of op(A) and op(B) into the micro-panel layouts of the GEMM kernels.</summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[i0..i0+mc, p0..p0+kc] into micro-panels of <paramref name="mr"/> rows:
    /// panel r holds element (r*mr + i, p) at <c>dst[r*mr*kc + p*mr + i]</c>, rows past mc are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, int lda, bool transA, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* d = dst + ((long)ir * kc);
            if (transA)
            {
                // A is stored [k, m]: a column of op(A) is contiguous.
                float* src = a + ((long)p0 * lda) + i0 + ir;
                for (int p = 0; p < kc; p++, src += lda, d += mr)
                {
                    for (int i = 0; i < mr; i++)
                    {
                        d[i] = i < rows ? src[i] : 0f;
                    }
                }
            }
            else
            {
                // A is stored [m, k]: read each row of the panel, write it with stride mr.
                for (int i = 0; i < mr; i++)
                {
                    float* src = a + ((long)(i0 + ir + i) * lda) + p0;
                    for (int p = 0; p < kc; p++)
                    {
                        d[(p * mr) + i] = i < rows ? src[p] : 0f;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Packs op(B)[p0..p0+kc, j0..j0+nc] into micro-panels of <paramref name="nr"/> columns:
    /// panel r holds element (p, r*nr + j) at <c>dst[r*nr*kc + p*nr + j]</c>, columns past nc are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, int ldb, bool transB, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* d = dst + ((long)jr * kc);
            if (!transB)
            {
                // B is stored [k, n]: a row of op(B) is contiguous.
                float* src = b + ((long)p0 * ldb) + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb, d += nr)
                {
                    int j = 0;
                    if (cols == nr && Vector128.IsHardwareAccelerated)
                    {
                        for (; j + 4 <= nr; j += 4)
                        {
                            Vector128.Store(Vector128.Load(src + j), d + j);
                        }
                    }

                    for (; j < nr; j++)
                    {
                        d[j] = j < cols ? src[j] : 0f;
                    }
                }
            }
            else
            {
                PackBTransposed(b + ((long)(j0 + jr) * ldb) + p0, ldb, kc, cols, nr, d);
            }
        }
    }

    /// <summary>Packs one micro-panel of op(B) when B is stored [n, k] (a row of B is a column of op(B)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBTransposed(float* src, int ldb, int kc, int cols, int nr, float* d)
    {
        int p = 0;
        if (Avx.IsSupported && cols == nr && (nr & 7) == 0)
        {
            // Transpose 8 x 8 blocks, 8 rows of B at a time: the reads are 8 sequential streams
            // (measured faster than walking all nr rows of B per step of 8 in k).
            int k8 = kc & ~7;
            for (int j = 0; j < nr; j += 8)
            {
                for (int q = 0; q < k8; q += 8)
                {
                    Transpose8x8(src + ((long)j * ldb) + q, ldb, d + (q * nr) + j, nr);
                }
            }

            p = k8;
        }

        for (; p < kc; p++)
        {
            for (int j = 0; j < nr; j++)
            {
                d[(p * nr) + j] = j < cols ? src[((long)j * ldb) + p] : 0f;
            }
        }
    }

    /// <summary>Writes the transpose of the 8 x 8 block at <paramref name="src"/> to <paramref name="dst"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int lds, float* dst, int ldd)
    {
        Vector256<float> r0 = Avx.LoadVector256(src);
        Vector256<float> r1 = Avx.LoadVector256(src + lds);
        Vector256<float> r2 = Avx.LoadVector256(src + (2L * lds));
        Vector256<float> r3 = Avx.LoadVector256(src + (3L * lds));
        Vector256<float> r4 = Avx.LoadVector256(src + (4L * lds));
        Vector256<float> r5 = Avx.LoadVector256(src + (5L * lds));
        Vector256<float> r6 = Avx.LoadVector256(src + (6L * lds));
        Vector256<float> r7 = Avx.LoadVector256(src + (7L * lds));
        Vector256<float> t0 = Avx.UnpackLow(r0, r1);
        Vector256<float> t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3);
        Vector256<float> t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5);
        Vector256<float> t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7);
        Vector256<float> t7 = Avx.UnpackHigh(r6, r7);
        r0 = Avx.Shuffle(t0, t2, 0x44);
        r1 = Avx.Shuffle(t0, t2, 0xEE);
        r2 = Avx.Shuffle(t1, t3, 0x44);
        r3 = Avx.Shuffle(t1, t3, 0xEE);
        r4 = Avx.Shuffle(t4, t6, 0x44);
        r5 = Avx.Shuffle(t4, t6, 0xEE);
        r6 = Avx.Shuffle(t5, t7, 0x44);
        r7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(r0, r4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(r1, r5, 0x20));
        Avx.Store(dst + (2 * ldd), Avx.Permute2x128(r2, r6, 0x20));
        Avx.Store(dst + (3 * ldd), Avx.Permute2x128(r3, r7, 0x20));
        Avx.Store(dst + (4 * ldd), Avx.Permute2x128(r0, r4, 0x31));
        Avx.Store(dst + (5 * ldd), Avx.Permute2x128(r1, r5, 0x31));
        Avx.Store(dst + (6 * ldd), Avx.Permute2x128(r2, r6, 0x31));
        Avx.Store(dst + (7 * ldd), Avx.Permute2x128(r3, r7, 0x31));
    }
}
