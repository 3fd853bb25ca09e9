using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// The ILGPU implementation of <see cref="IKernels"/>: every primitive, and the fused kernels that
/// a training step spends its launches on (activations, batch norm, the losses, Adam and SGD, the
/// product with a bias). Kernels are compiled on first use and cached; each launch is queued on
/// the accelerator's stream, and only copies to the host wait for it.
/// </summary>
/// <remarks>
/// Elementwise kernels stride over the grid (<see cref="IlgpuAccelerator.Launch"/>), so one launch
/// shape serves any length. Reductions give each output element one thread; the product tiles
/// through shared memory (<see cref="IlgpuKernels.MatMulKernel"/>).
/// </remarks>
internal sealed partial class IlgpuKernels(IlgpuAccelerator owner) : IKernels
{
    /// <summary>The storages whose buffers this thread's latest launch reads or writes (see <see cref="View"/>).</summary>
    [ThreadStatic]
    private static List<IlgpuStorage>? inUse;

    private readonly Delegate?[] compiled = new Delegate?[Enum.GetValues<KernelId>().Length];
    private MemoryBuffer1D<int, Stride1D.Dense>? indexBuffer;
    private MemoryBuffer1D<float, Stride1D.Dense>? placeholder;

    /// <summary>
    /// The accelerator, made current on the calling thread first: a CUDA context belongs to a thread,
    /// and cells, the trainer and the tests may reach one device from several.
    /// </summary>
    private Accelerator Bound()
    {
        var accelerator = owner.Accelerator;
        if (!ReferenceEquals(Accelerator.Current, accelerator))
        {
            accelerator.Bind();
        }
        return accelerator;
    }

    /// <summary>
    /// Kernel <paramref name="id"/>, compiled by <paramref name="load"/> the first time it is asked for,
    /// counted as one launch: each call is followed by the launch it returns.
    /// </summary>
    private T Kernel<T>(KernelId id, Func<Accelerator, T> load)
        where T : Delegate
    {
        var accelerator = Bound(); // bound to this thread for the launch that follows
        LaunchTally.Launch(id);
        inUse?.Clear(); // the previous launch has its buffers (a GPU's stream runs launches in order); this one's views come next
        if (Volatile.Read(ref compiled[(int)id]) is T kernel)
        {
            return kernel;
        }
        lock (compiled)
        {
            if (compiled[(int)id] is not T loadedKernel)
            {
                loadedKernel = load(accelerator);
                Volatile.Write(ref compiled[(int)id], loadedKernel);
            }
            return loadedKernel;
        }
    }

    /// <summary>The tensor's memory on this accelerator.</summary>
    /// <exception cref="InvalidOperationException">The tensor lives on another device.</exception>
    /// <remarks>
    /// The storage is held (<c>inUse</c>) until this thread's next launch: a kernel's argument is
    /// the buffer, not the tensor, and a tensor no longer used after this call could otherwise be
    /// collected, and its memory rented out by another thread, while the kernel still reads it.
    /// </remarks>
    private ArrayView<float> View(Tensor t)
    {
        if (t.Storage is IlgpuStorage s && ReferenceEquals(s.Owner, owner))
        {
            (inUse ??= []).Add(s);
            return s.View;
        }
        throw new InvalidOperationException($"A tensor on {t.Device} was given to an operation on {owner.Device}; move it first with .To(...).");
    }

    /// <summary>The view of an optional tensor, or a one-element placeholder the kernel does not read.</summary>
    private ArrayView<float> ViewOrPlaceholder(Tensor? t) =>
        t is null ? (placeholder ??= Bound().Allocate1D<float>(1)).View : View(t);

    /// <summary>Copies <paramref name="index"/> to the accelerator (into a buffer reused from call to call).</summary>
    private ArrayView<int> Upload(ReadOnlySpan<int> index)
    {
        if (indexBuffer is null || indexBuffer.Length < index.Length)
        {
            indexBuffer?.Dispose();
            indexBuffer = Bound().Allocate1D<int>(Math.Max(index.Length, 256));
        }
        var view = indexBuffer.View.SubView(0, Math.Max(index.Length, 1));
        if (index.Length > 0)
        {
            LaunchTally.HostToDevice();
            view.SubView(0, index.Length).CopyFromCPU(ref MemoryMarshal.GetReference(index), index.Length);
        }
        return view;
    }

    public Storage Allocate(int length, bool zeroed, bool pooled)
    {
        var accelerator = Bound();
        var buffer = pooled ? owner.Rent(length) : owner.RentUnscoped(length);
        if (zeroed)
        {
            LaunchTally.Fill();
            buffer.MemSetToZero();
        }
        return new IlgpuStorage(owner, buffer, scoped: pooled);
    }

    public void CopyToHost(Tensor x, Span<float> destination)
    {
        Bound();
        if (x.NumElements > 0)
        {
            LaunchTally.DeviceToHost();
            View(x).SubView(0, x.NumElements).CopyToCPU(ref MemoryMarshal.GetReference(destination), x.NumElements);
        }
    }

    public void CopyFromHost(ReadOnlySpan<float> source, Tensor y)
    {
        Bound();
        if (y.NumElements > 0)
        {
            LaunchTally.HostToDevice();
            View(y).SubView(0, y.NumElements).CopyFromCPU(ref MemoryMarshal.GetReference(source), y.NumElements);
        }
    }

    public void Copy(Tensor x, Tensor y)
    {
        Bound();
        if (y.NumElements > 0)
        {
            LaunchTally.DeviceCopy();
            View(x).SubView(0, y.NumElements).CopyTo(View(y).SubView(0, y.NumElements));
        }
    }
}
