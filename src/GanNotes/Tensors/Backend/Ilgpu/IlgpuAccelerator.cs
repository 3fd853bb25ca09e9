using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// One ILGPU accelerator as a GanNotes device: its context, its pool of recycled buffers and
/// the launch shapes its kernels use. CUDA devices come from the NVIDIA driver alone (ILGPU
/// emits PTX itself); ILGPU's CPU accelerator runs the very same kernels on the host, which is
/// how every GPU kernel is tested on machines without a GPU.
/// </summary>
internal sealed class IlgpuAccelerator
{
    private static readonly Lock Gate = new();
    private static Context? context;
    private static IlgpuAccelerator? cpuAccelerator;
    private static readonly Dictionary<int, IlgpuAccelerator> CudaAccelerators = [];
    private readonly Dictionary<int, Stack<MemoryBuffer1D<float, Stride1D.Dense>>> pool = [];
    private readonly HashSet<MemoryBuffer1D<float, Stride1D.Dense>> live = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<MemoryBuffer1D<float, Stride1D.Dense>> orphans = new();
    private long pooledBytes;
    private long allocatedBytes;
    private long unscopedBytes;
    private long collectAtBytes = DefaultMinCollectBytes;

    /// <summary>The most memory the pool keeps for reuse.</summary>
    public const long MaxPooledBytes = 2L << 30;

    private const long DefaultMinCollectBytes = 256L << 20;

    /// <summary>
    /// Tensors made outside any <see cref="TensorScope"/> may hold this much memory (256 MiB) before the
    /// garbage collector is asked to find the unreachable ones (their memory then returns to the pool).
    /// </summary>
    public long MinCollectBytes
    {
        get;
        set
        {
            field = value;
            Interlocked.Exchange(ref collectAtBytes, value);
        }
    } = DefaultMinCollectBytes;

    private IlgpuAccelerator(Accelerator accelerator, Func<IlgpuAccelerator, Device> device)
    {
        Accelerator = accelerator;
        IsCpu = accelerator.AcceleratorType == AcceleratorType.CPU;
        // A GPU runs 256 threads per group (a 16 x 16 product tile) over enough groups to fill every
        // multiprocessor; the CPU accelerator emulates each thread, so it runs one small group.
        GroupSize = IsCpu ? accelerator.WarpSize : 256;
        Tile = IsCpu ? 4 : 16;
        MaxGroups = IsCpu ? 1 : accelerator.NumMultiprocessors * 8;
        Kernels = new IlgpuKernels(this);
        Device = device(this);
    }

    public Accelerator Accelerator { get; }

    public Device Device { get; }

    public IlgpuKernels Kernels { get; }

    public bool IsCpu { get; }

    /// <summary>Threads per group of the elementwise and reduction kernels.</summary>
    public int GroupSize { get; }

    /// <summary>The side of a product tile; a product's group has Tile * Tile threads.</summary>
    public int Tile { get; }

    /// <summary>
    /// Whether a product of <paramref name="m"/> x <paramref name="k"/> by <paramref name="k"/> x <paramref name="n"/>
    /// tiles through shared memory: always on a GPU. ILGPU's CPU accelerator emulates a group barrier
    /// in about half a millisecond, so there only small products tile (enough for the tests to run
    /// the tiled kernel) and the rest take one thread per element of c, without barriers.
    /// </summary>
    public bool TilesProduct(int m, int n, int k) => !IsCpu || (k <= 32 && (long)m * n <= 1024);

    /// <summary>The most groups an elementwise kernel launches (each thread strides over the rest).</summary>
    public int MaxGroups { get; }

    /// <summary>Whether the NVIDIA driver library is present, without starting ILGPU (cheap: no context is made).</summary>
    public static bool CudaDriverPresent()
    {
        string name = OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return false;
        }
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>The number of CUDA devices ILGPU finds (0 without a driver or a GPU).</summary>
    public static int CudaDeviceCount()
    {
        if (!CudaDriverPresent())
        {
            return 0;
        }
        lock (Gate)
        {
            return SharedContext().GetCudaDevices().Count;
        }
    }

    /// <summary>CUDA device <paramref name="index"/>, started on first use.</summary>
    /// <exception cref="ArgumentException">There is no such CUDA device; the message says what there is.</exception>
    public static IlgpuAccelerator Cuda(int index)
    {
        int count = CudaDeviceCount();
        if (index < 0 || index >= count)
        {
            throw new ArgumentException(count == 0
                ? $"Device 'cuda:{index}' is not available: no NVIDIA GPU with a working driver (libcuda) was found; use 'cpu'."
                : $"Device 'cuda:{index}' is not available: this machine has {count} CUDA device(s), cuda:0 to cuda:{count - 1}.");
        }
        lock (Gate)
        {
            if (!CudaAccelerators.TryGetValue(index, out var accelerator))
            {
                var cuda = SharedContext().GetCudaDevices()[index];
                accelerator = new IlgpuAccelerator(cuda.CreateAccelerator(SharedContext()), a => Device.ForAccelerator(DeviceType.Cuda, index, a.Kernels, a.Accelerator.Name));
                CudaAccelerators[index] = accelerator;
            }
            return accelerator;
        }
    }

    /// <summary>ILGPU's CPU accelerator: the GPU kernels, run on the host (for tests).</summary>
    public static IlgpuAccelerator Cpu()
    {
        lock (Gate)
        {
            return cpuAccelerator ??= new IlgpuAccelerator(
                SharedContext().CreateCPUAccelerator(0, CPUAcceleratorMode.Parallel),
                a => Device.ForAccelerator(DeviceType.Cuda, -1, a.Kernels, "ILGPU CPU accelerator"));
        }
    }

    private static Context SharedContext() => context ??= Context.Create(builder => builder.Default().EnableAlgorithms());

    /// <summary>The grid-stride launch of <paramref name="count"/> independent items.</summary>
    public KernelConfig Launch(long count)
    {
        int groups = (int)Math.Clamp((count + GroupSize - 1) / GroupSize, 1, MaxGroups);
        return new KernelConfig(groups, GroupSize);
    }

    /// <summary>
    /// The grid-stride launch of <paramref name="count"/> items over at most one group per
    /// multiprocessor: for kernels whose threads each end in an atomic addition, fewer threads
    /// mean fewer additions to the same address.
    /// </summary>
    public KernelConfig LaunchFew(long count)
    {
        int groups = (int)Math.Clamp((count + GroupSize - 1) / GroupSize, 1, IsCpu ? 1 : Accelerator.NumMultiprocessors);
        return new KernelConfig(groups, GroupSize);
    }

    /// <summary>Bytes of accelerator memory held now: by tensors, in the pool, or waiting to return to it.</summary>
    public long AllocatedBytes => Interlocked.Read(ref allocatedBytes);

    /// <summary>A buffer of exactly <paramref name="length"/> floats from the pool, or a new one.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Rent(int length)
    {
        ReclaimOrphans();
        int size = Math.Max(length, 1); // an empty tensor still gets one element, and is pooled under that size
        lock (pool)
        {
            if (pool.TryGetValue(size, out var stack) && stack.Count > 0)
            {
                pooledBytes -= (long)size * sizeof(float);
                return stack.Pop();
            }
        }
        var buffer = Accelerator.Allocate1D<float>(size);
        lock (live)
        {
            live.Add(buffer); // held here, so ILGPU's own finaliser never frees it behind the pool's back
        }
        Interlocked.Add(ref allocatedBytes, (long)size * sizeof(float));
        return buffer;
    }

    /// <summary>
    /// A buffer for a tensor made outside any <see cref="TensorScope"/>: nothing hands it back
    /// but the garbage collector, once the tensor is unreachable (<see cref="Orphan"/>). When such
    /// tensors hold more than twice what they held after the last collection (at least
    /// <see cref="MinCollectBytes"/>), a collection runs first and their memory returns to the pool,
    /// so a loop without scopes stays within a bound instead of growing until the GPU is full.
    /// </summary>
    public MemoryBuffer1D<float, Stride1D.Dense> RentUnscoped(int length)
    {
        long bytes = (long)Math.Max(length, 1) * sizeof(float);
        if (Interlocked.Read(ref unscopedBytes) + bytes > Interlocked.Read(ref collectAtBytes))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            ReclaimOrphans();
            Interlocked.Exchange(ref collectAtBytes, Math.Max(MinCollectBytes, 2 * Interlocked.Read(ref unscopedBytes)));
        }
        Interlocked.Add(ref unscopedBytes, bytes);
        return Rent(length);
    }

    /// <summary>
    /// Called by the finaliser of an unreachable tensor's storage: queues its buffer for the pool.
    /// Nothing touches the accelerator here (the finaliser's thread has no GPU context); the next
    /// <see cref="Rent"/> takes the queue in.
    /// </summary>
    public void Orphan(MemoryBuffer1D<float, Stride1D.Dense> buffer, bool unscoped)
    {
        if (unscoped)
        {
            Interlocked.Add(ref unscopedBytes, -buffer.Length * sizeof(float));
        }
        orphans.Enqueue(buffer);
    }

    /// <summary>Hands a buffer of a tensor made outside any scope back (its storage was released by hand).</summary>
    public void ReturnUnscoped(MemoryBuffer1D<float, Stride1D.Dense> buffer)
    {
        Interlocked.Add(ref unscopedBytes, -buffer.Length * sizeof(float));
        Return(buffer);
    }

    /// <summary>Keeps <paramref name="buffer"/> for a later <see cref="Rent"/> if there is room, else frees it.</summary>
    public void Return(MemoryBuffer1D<float, Stride1D.Dense> buffer)
    {
        long bytes = buffer.Length * sizeof(float);
        lock (pool)
        {
            if (pooledBytes + bytes <= MaxPooledBytes)
            {
                if (!pool.TryGetValue((int)buffer.Length, out var stack))
                {
                    pool[(int)buffer.Length] = stack = new Stack<MemoryBuffer1D<float, Stride1D.Dense>>();
                }
                stack.Push(buffer);
                pooledBytes += bytes;
                return;
            }
        }
        lock (live)
        {
            live.Remove(buffer);
        }
        Interlocked.Add(ref allocatedBytes, -bytes);
        buffer.Dispose();
    }

    private void ReclaimOrphans()
    {
        while (orphans.TryDequeue(out var buffer))
        {
            Return(buffer);
        }
    }
}
