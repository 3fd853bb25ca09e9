namespace GanNotes.Tensors.Backend;

/// <summary>
/// Images [N, C, H, W] (any [N, C, *]) as the rows [N * H * W, C] that a per-channel kernel written
/// for [N, C] reads, and back: batch norm's statistics run over N and every position, so a kernel
/// that walks rows sees each channel's N * H * W values in one column. This is what the IKernels
/// defaults do; a device whose kernels read [N, C, *] as it lies (ILGPU's, the CPU's) skips the
/// two copies, and its results can be checked against this path.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>A copy of <paramref name="x"/> [N, C, *] as rows [N * positions, C], in pooled memory (hand it back with Storage.Release).</summary>
    public static Tensor Rows(IKernels kernels, Tensor x)
    {
        var (n, c, positions) = Sizes(x);
        var rows = new Tensor(kernels.Allocate(x.NumElements, zeroed: false, pooled: true), [n * positions, c]);
        kernels.Permute(new Tensor(x.Storage, [n, c, positions]), [0, 2, 1], new Tensor(rows.Storage, [n, positions, c]));
        return rows;
    }

    /// <summary>Pooled rows [N * positions, C] for a kernel's output, to be put back with <see cref="Restore"/>.</summary>
    public static Tensor Scratch(IKernels kernels, Tensor x)
    {
        var (n, c, positions) = Sizes(x);
        return new Tensor(kernels.Allocate(x.NumElements, zeroed: false, pooled: true), [n * positions, c]);
    }

    /// <summary>Writes <paramref name="rows"/> [N * positions, C] into <paramref name="y"/> [N, C, *].</summary>
    public static void Restore(IKernels kernels, Tensor rows, Tensor y)
    {
        var (n, c, positions) = Sizes(y);
        kernels.Permute(new Tensor(rows.Storage, [n, positions, c]), [0, 2, 1], new Tensor(y.Storage, [n, c, positions]));
    }

    /// <summary>
    /// <see cref="IKernels.BatchNormForward"/> of images through rows: <paramref name="kernels"/>'
    /// own [N, C] kernel on <see cref="Rows"/>, its output put back with <see cref="Restore"/>.
    /// </summary>
    public static void BatchNormForward(IKernels kernels, Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        var rows = Rows(kernels, x);
        var yRows = Scratch(kernels, x);
        kernels.BatchNormForward(rows, weight, bias, eps, yRows, mean, invStd, runningMean, runningVar, momentum);
        Restore(kernels, yRows, y);
        rows.Storage.Release();
        yRows.Storage.Release();
    }

    /// <summary><see cref="IKernels.BatchNormBackward"/> of images through rows, as <see cref="BatchNormForward"/>.</summary>
    public static void BatchNormBackward(IKernels kernels, Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        var rows = Rows(kernels, x);
        var gRows = Rows(kernels, g);
        var dxRows = dx is null ? null : Scratch(kernels, x);
        kernels.BatchNormBackward(rows, gRows, mean, invStd, weight, dxRows, dWeight, dBias);
        if (dx is not null)
        {
            Restore(kernels, dxRows!, dx);
            dxRows!.Storage.Release();
        }
        rows.Storage.Release();
        gRows.Storage.Release();
    }

    /// <summary>N, C and the positions per image and channel (the product of the sizes after C).</summary>
    public static (int N, int C, int Positions) Sizes(Tensor x)
    {
        int n = x.ShapeArray[0], c = x.ShapeArray[1];
        return (n, c, x.NumElements / Math.Max(1, n * c));
    }
}
