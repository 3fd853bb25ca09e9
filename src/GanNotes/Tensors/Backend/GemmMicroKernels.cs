using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace GanNotes.Tensors.Backend;

/// <summary>
/// Register-blocked micro-kernels for <see cref="Gemm"/>. Each computes one MR x NR tile
/// <c>C = (overwrite ? 0 : C) + sum_p a[p] * b[p]</c> over <c>kc</c> steps from packed panels:
/// <c>a</c> holds <c>kc</c> groups of MR values (one column of op(A) per step), <c>b</c> holds
/// <c>kc</c> groups of NR values (one row of op(B) per step). The sum always starts from zero
/// and is added to C once, so a tile's result does not depend on which thread computes it.
/// </summary>
internal static unsafe class GemmMicroKernels
{
    /// <summary>AVX-512 kernel: 6 rows by 32 columns, 12 zmm accumulators.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x32(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            a += 6;
            b += 32;
        }

        Store(c, overwrite, c00, c01);
        Store(c + ldc, overwrite, c10, c11);
        Store(c + (2 * ldc), overwrite, c20, c21);
        Store(c + (3 * ldc), overwrite, c30, c31);
        Store(c + (4 * ldc), overwrite, c40, c41);
        Store(c + (5 * ldc), overwrite, c50, c51);
    }

    /// <summary>AVX2 kernel: 6 rows by 16 columns, 12 ymm accumulators.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> x = Vector256.Create(a[0]);
            c00 = Fma256(x, b0, c00);
            c01 = Fma256(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma256(x, b0, c10);
            c11 = Fma256(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma256(x, b0, c20);
            c21 = Fma256(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma256(x, b0, c30);
            c31 = Fma256(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Fma256(x, b0, c40);
            c41 = Fma256(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Fma256(x, b0, c50);
            c51 = Fma256(x, b1, c51);
            a += 6;
            b += 16;
        }

        Store(c, overwrite, c00, c01);
        Store(c + ldc, overwrite, c10, c11);
        Store(c + (2 * ldc), overwrite, c20, c21);
        Store(c + (3 * ldc), overwrite, c30, c31);
        Store(c + (4 * ldc), overwrite, c40, c41);
        Store(c + (5 * ldc), overwrite, c50, c51);
    }

    /// <summary>128-bit kernel (SSE or Arm64 AdvSimd): 6 rows by 8 columns, 12 accumulators.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x8(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector128<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector128<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> x = Vector128.Create(a[0]);
            c00 = Fma128(x, b0, c00);
            c01 = Fma128(x, b1, c01);
            x = Vector128.Create(a[1]);
            c10 = Fma128(x, b0, c10);
            c11 = Fma128(x, b1, c11);
            x = Vector128.Create(a[2]);
            c20 = Fma128(x, b0, c20);
            c21 = Fma128(x, b1, c21);
            x = Vector128.Create(a[3]);
            c30 = Fma128(x, b0, c30);
            c31 = Fma128(x, b1, c31);
            x = Vector128.Create(a[4]);
            c40 = Fma128(x, b0, c40);
            c41 = Fma128(x, b1, c41);
            x = Vector128.Create(a[5]);
            c50 = Fma128(x, b0, c50);
            c51 = Fma128(x, b1, c51);
            a += 6;
            b += 8;
        }

        Store(c, overwrite, c00, c01);
        Store(c + ldc, overwrite, c10, c11);
        Store(c + (2 * ldc), overwrite, c20, c21);
        Store(c + (3 * ldc), overwrite, c30, c31);
        Store(c + (4 * ldc), overwrite, c40, c41);
        Store(c + (5 * ldc), overwrite, c50, c51);
    }

    /// <summary>Portable kernel: 4 rows by 4 columns in scalar registers.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel4x4(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        float* acc = stackalloc float[16];
        new Span<float>(acc, 16).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < 4; i++)
            {
                float x = a[i];
                acc[(i * 4) + 0] += x * b[0];
                acc[(i * 4) + 1] += x * b[1];
                acc[(i * 4) + 2] += x * b[2];
                acc[(i * 4) + 3] += x * b[3];
            }

            a += 4;
            b += 4;
        }

        for (int i = 0; i < 4; i++)
        {
            float* row = c + (i * ldc);
            for (int j = 0; j < 4; j++)
            {
                row[j] = overwrite ? acc[(i * 4) + j] : row[j] + acc[(i * 4) + j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, bool overwrite, Vector512<float> lo, Vector512<float> hi)
    {
        if (!overwrite)
        {
            lo += Vector512.Load(c);
            hi += Vector512.Load(c + 16);
        }

        lo.Store(c);
        hi.Store(c + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, bool overwrite, Vector256<float> lo, Vector256<float> hi)
    {
        if (!overwrite)
        {
            lo += Vector256.Load(c);
            hi += Vector256.Load(c + 8);
        }

        lo.Store(c);
        hi.Store(c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, bool overwrite, Vector128<float> lo, Vector128<float> hi)
    {
        if (!overwrite)
        {
            lo += Vector128.Load(c);
            hi += Vector128.Load(c + 4);
        }

        lo.Store(c);
        hi.Store(c + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma256(Vector256<float> x, Vector256<float> y, Vector256<float> acc) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, acc) : (x * y) + acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Fma128(Vector128<float> x, Vector128<float> y, Vector128<float> acc) =>
        Fma.IsSupported || AdvSimd.IsSupported ? Vector128.FusedMultiplyAdd(x, y, acc) : (x * y) + acc;
}
