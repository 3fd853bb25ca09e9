using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// The data movement behind convolutions on the device: dimension permutes, the window matrix of
/// <see cref="ConvGeometry"/> and its adjoint, each one thread per output value (the adjoint
/// gathers the windows that read a pixel, so no two threads add into the same value).
/// </summary>
internal sealed partial class IlgpuKernels
{
    /// <summary>The most dimensions <see cref="Permute"/> takes on this device.</summary>
    public const int MaxPermuteRank = 4;

    public void Permute(Tensor x, int[] dims, Tensor y)
    {
        int rank = dims.Length;
        if (rank > MaxPermuteRank)
        {
            throw new NotSupportedException($"Permute on {owner.Device} takes at most {MaxPermuteRank} dimensions, got {rank}.");
        }
        if (y.NumElements == 0)
        {
            return;
        }
        int[] shape = x.ShapeArray;
        var xStrides = new int[rank];
        for (int i = rank - 1, stride = 1; i >= 0; i--)
        {
            xStrides[i] = stride;
            stride *= shape[i];
        }
        // Leading dimensions of size 1 and stride 0 pad the layout to four.
        var layout = new PermuteLayout();
        int pad = MaxPermuteRank - rank;
        for (int i = 0; i < MaxPermuteRank; i++)
        {
            int size = i < pad ? 1 : y.ShapeArray[i - pad];
            int stride = i < pad ? 0 : xStrides[dims[i - pad]];
            layout = layout.With(i, size, stride);
        }
        Kernel(KernelId.Permute, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, PermuteLayout>(PermuteKernel))(
            owner.Launch(y.NumElements), View(x), View(y), y.NumElements, layout);
    }

    public void Im2Col(Tensor x, in ConvGeometry geometry, Tensor cols)
    {
        int n = cols.NumElements;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.Im2Col, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, ConvGeometry>(Im2ColKernel))(
            owner.Launch(n), View(x), View(cols), n, geometry);
    }

    public void Col2Im(Tensor cols, in ConvGeometry geometry, Tensor x)
    {
        int n = x.NumElements;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.Col2Im, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, ConvGeometry>(Col2ImKernel))(
            owner.Launch(n), View(cols), View(x), n, geometry);
    }

    private static void PermuteKernel(ArrayView<float> x, ArrayView<float> y, int n, PermuteLayout l)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int rest = i;
            int i3 = rest % l.Size3;
            rest /= l.Size3;
            int i2 = rest % l.Size2;
            rest /= l.Size2;
            int i1 = rest % l.Size1;
            int i0 = rest / l.Size1;
            y[i] = x[(i0 * l.Stride0) + (i1 * l.Stride1) + (i2 * l.Stride2) + (i3 * l.Stride3)];
        }
    }

    private static void Im2ColKernel(ArrayView<float> x, ArrayView<float> cols, int n, ConvGeometry g)
    {
        int oh = ((g.H + (2 * g.PadH) - g.KH) / g.StrideH) + 1, ow = ((g.W + (2 * g.PadW) - g.KW) / g.StrideW) + 1;
        int columns = g.C * g.KH * g.KW;
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int row = i / columns, col = i % columns;
            int q = row % ow, r = row / ow % oh, image = row / (ow * oh);
            int kw = col % g.KW, kh = col / g.KW % g.KH, c = col / (g.KW * g.KH);
            int ih = (r * g.StrideH) - g.PadH + kh, iw = (q * g.StrideW) - g.PadW + kw;
            cols[i] = ih >= 0 && ih < g.H && iw >= 0 && iw < g.W
                ? x[((((image * g.C) + c) * g.H) + ih) * g.W + iw]
                : 0f;
        }
    }

    private static void Col2ImKernel(ArrayView<float> cols, ArrayView<float> x, int n, ConvGeometry g)
    {
        int oh = ((g.H + (2 * g.PadH) - g.KH) / g.StrideH) + 1, ow = ((g.W + (2 * g.PadW) - g.KW) / g.StrideW) + 1;
        int columns = g.C * g.KH * g.KW;
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int w = i % g.W, h = i / g.W % g.H, c = i / (g.W * g.H) % g.C, image = i / (g.W * g.H * g.C);
            float sum = 0f;
            for (int kh = 0; kh < g.KH; kh++)
            {
                int th = h + g.PadH - kh; // = r * StrideH for the window row r that reads (h, kh)
                if (th < 0 || th % g.StrideH != 0 || th / g.StrideH >= oh)
                {
                    continue;
                }
                int r = th / g.StrideH;
                for (int kw = 0; kw < g.KW; kw++)
                {
                    int tw = w + g.PadW - kw;
                    if (tw < 0 || tw % g.StrideW != 0 || tw / g.StrideW >= ow)
                    {
                        continue;
                    }
                    int q = tw / g.StrideW;
                    sum += cols[((((image * oh) + r) * ow) + q) * columns + (((c * g.KH) + kh) * g.KW) + kw];
                }
            }
            x[i] = sum;
        }
    }

    /// <summary>y's four sizes and the x strides they read with, for <see cref="PermuteKernel"/>.</summary>
    internal readonly record struct PermuteLayout(int Size0, int Size1, int Size2, int Size3, int Stride0, int Stride1, int Stride2, int Stride3)
    {
        public PermuteLayout With(int dim, int size, int stride) => dim switch
        {
            0 => this with { Size0 = size, Stride0 = stride },
            1 => this with { Size1 = size, Stride1 = stride },
            2 => this with { Size2 = size, Stride2 = stride },
            _ => this with { Size3 = size, Stride3 = stride },
        };
    }
}
