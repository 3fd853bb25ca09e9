using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>The sizes and flags of one product c[M, N] = op(a)[M, K] op(b)[K, N].</summary>
internal struct ProductShape
{
    public int M, N, K, Tile, TransposeA, TransposeB, Accumulate, HasBias;
}

/// <summary>
/// Products: a tiled GEMM (and, for long products on the CPU accelerator only, the same sum with one
/// thread per element of c and no shared memory: <see cref="IlgpuAccelerator.TilesProduct"/>). Each group computes one Tile x Tile block of c, one thread per element;
/// the group walks K in steps of Tile, loading a block of op(a) and one of op(b) into shared memory
/// once for Tile multiply-adds per thread (global reads fall by the factor Tile). A bias row, when
/// given, is added in the same pass (PyTorch's addmm).
/// </summary>
internal sealed partial class IlgpuKernels
{
    public void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate) =>
        Product(null, a, transposeA, b, transposeB, c, accumulate);

    public void AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c) =>
        Product(bias, a, transposeA, b, transposeB, c, accumulate: false);

    private void Product(Tensor? bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate)
    {
        int m = c.ShapeArray[0], n = c.ShapeArray[1];
        int k = transposeA ? a.ShapeArray[0] : a.ShapeArray[1];
        if (m == 0 || n == 0)
        {
            return;
        }
        int tile = owner.Tile;
        var shape = new ProductShape
        {
            M = m, N = n, K = k, Tile = tile,
            TransposeA = transposeA ? 1 : 0, TransposeB = transposeB ? 1 : 0,
            Accumulate = accumulate ? 1 : 0, HasBias = bias is null ? 0 : 1,
        };
        if (!owner.TilesProduct(m, n, k))
        {
            Kernel(KernelId.MatMulUntiled, acc => acc.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ProductShape>(MatMulUntiledKernel))(
                owner.Launch((long)m * n), View(a), View(b), ViewOrPlaceholder(bias), View(c), shape);
            return;
        }
        int groups = ((m + tile - 1) / tile) * ((n + tile - 1) / tile);
        var config = new KernelConfig(new Index1D(groups), new Index1D(tile * tile), SharedMemoryConfig.RequestDynamic<float>(2 * tile * tile));
        Kernel(KernelId.MatMul, acc => acc.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ProductShape>(MatMulKernel))(
            config, View(a), View(b), ViewOrPlaceholder(bias), View(c), shape);
    }

    private static void MatMulUntiledKernel(ArrayView<float> a, ArrayView<float> b, ArrayView<float> bias, ArrayView<float> c, ProductShape s)
    {
        int count = s.M * s.N;
        for (int i = Grid.GlobalIndex.X; i < count; i += GridExtensions.GridStrideLoopStride)
        {
            int row = i / s.N, col = i % s.N;
            float sum = 0f;
            for (int k = 0; k < s.K; k++)
            {
                sum += (s.TransposeA != 0 ? a[(k * s.M) + row] : a[(row * s.K) + k]) * (s.TransposeB != 0 ? b[(col * s.K) + k] : b[(k * s.N) + col]);
            }
            c[i] = (s.Accumulate != 0 ? c[i] : s.HasBias != 0 ? bias[col] : 0f) + sum;
        }
    }

    private static void MatMulKernel(ArrayView<float> a, ArrayView<float> b, ArrayView<float> bias, ArrayView<float> c, ProductShape s)
    {
        int t = s.Tile;
        var tiles = SharedMemory.GetDynamic<float>();    // [0, t*t): the block of op(a); [t*t, 2*t*t): op(b)
        int tilesN = (s.N + t - 1) / t;
        int ty = Group.IdxX / t, tx = Group.IdxX % t;
        int row = (Grid.IdxX / tilesN * t) + ty;
        int col = (Grid.IdxX % tilesN * t) + tx;
        float sum = 0f;
        for (int k0 = 0; k0 < s.K; k0 += t)
        {
            int ka = k0 + tx, kb = k0 + ty;
            tiles[(ty * t) + tx] = row < s.M && ka < s.K ? (s.TransposeA != 0 ? a[(ka * s.M) + row] : a[(row * s.K) + ka]) : 0f;
            tiles[(t * t) + (ty * t) + tx] = kb < s.K && col < s.N ? (s.TransposeB != 0 ? b[(col * s.K) + kb] : b[(kb * s.N) + col]) : 0f;
            Group.Barrier();
            for (int j = 0; j < t; j++)
            {
                sum += tiles[(ty * t) + j] * tiles[(t * t) + (j * t) + tx];
            }
            Group.Barrier();
        }
        if (row < s.M && col < s.N)
        {
            int at = (row * s.N) + col;
            float start = s.Accumulate != 0 ? c[at] : s.HasBias != 0 ? bias[col] : 0f;
            c[at] = start + sum;
        }
    }
}
