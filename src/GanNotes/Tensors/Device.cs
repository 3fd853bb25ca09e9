using GanNotes.Tensors.Backend;
using GanNotes.Tensors.Backend.Ilgpu;

namespace GanNotes.Tensors;

/// <summary>The kind of processor a tensor's storage lives on.</summary>
public enum DeviceType
{
    /// <summary>Host memory, computed by the managed SIMD kernels.</summary>
    Cpu,
    /// <summary>An NVIDIA GPU, computed by ILGPU's kernels (PTX built at run time; only the driver is needed).</summary>
    Cuda,
}

/// <summary>
/// Where a tensor lives and which kernels compute on it (PyTorch's <c>torch.device</c>).
/// </summary>
/// <remarks>
/// Autograd and every differentiable op are written once, over <see cref="IKernels"/>;
/// a new device supplies its storage and kernels, never a second autograd.
/// </remarks>
public sealed class Device : IEquatable<Device>
{
    /// <summary>The CPU device.</summary>
    public static readonly Device Cpu = new(DeviceType.Cpu, 0, CpuKernels.Instance, "cpu");

    /// <summary>The environment variable that chooses <see cref="Default"/>: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public const string EnvironmentVariable = "GANNOTES_DEVICE";

    private Device(DeviceType type, int index, IKernels kernels, string description)
    {
        Type = type;
        Index = index;
        Description = description;
        plainKernels = kernels;
        profilingKernels = new ProfilingKernels(kernels);
    }

    /// <summary>A device whose kernels run on an ILGPU accelerator.</summary>
    internal static Device ForAccelerator(DeviceType type, int index, IKernels kernels, string description) =>
        new(type, index, kernels, description);

    private readonly IKernels plainKernels;
    private readonly IKernels profilingKernels;

    /// <summary>
    /// The device to compute on when nothing is said (PyTorch's <c>"cuda" if torch.cuda.is_available() else "cpu"</c>):
    /// the one named by <c>GANNOTES_DEVICE</c> when it is set, else the first CUDA GPU when there is one, else the CPU.
    /// </summary>
    /// <exception cref="ArgumentException"><c>GANNOTES_DEVICE</c> names an unknown or unavailable device.</exception>
    public static Device Default
    {
        get
        {
            string? chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(chosen))
            {
                try
                {
                    return Parse(chosen.Trim());
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"{EnvironmentVariable}={chosen}: {e.Message}", e);
                }
            }
            return CudaIsAvailable ? Cuda(0) : Cpu;
        }
    }

    /// <summary>Whether a CUDA GPU with a working driver is present (PyTorch's <c>torch.cuda.is_available()</c>).</summary>
    public static bool CudaIsAvailable => IlgpuAccelerator.CudaDeviceCount() > 0;

    /// <summary>CUDA GPU <paramref name="index"/>; the accelerator starts on first use.</summary>
    /// <exception cref="ArgumentException">There is no such GPU (the message says what there is).</exception>
    public static Device Cuda(int index = 0) => IlgpuAccelerator.Cuda(index).Device;

    /// <summary>ILGPU's CPU accelerator running the CUDA device's kernels: the GPU code path, tested on any machine.</summary>
    internal static Device CudaKernelsOnCpu => IlgpuAccelerator.Cpu().Device;

    /// <summary>What the device is, for people: <c>cpu</c>, or the GPU's name.</summary>
    public string Description { get; }

    /// <summary>The kind of device.</summary>
    public DeviceType Type { get; }

    /// <summary>The device ordinal (0 for the CPU).</summary>
    public int Index { get; }

    internal IKernels Kernels => Profiler.IsActive ? profilingKernels : plainKernels;

    /// <summary>Parses <c>"cpu"</c>, <c>"cuda"</c> (GPU 0) or <c>"cuda:N"</c>, as PyTorch spells devices.</summary>
    /// <exception cref="ArgumentException">The name is unknown or names an unavailable device.</exception>
    public static Device Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            return Cpu;
        }
        if (name.Equals("cuda", StringComparison.OrdinalIgnoreCase))
        {
            return Cuda(0);
        }
        if (name.StartsWith("cuda:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
        {
            return Cuda(index);
        }
        throw new ArgumentException($"Unknown device '{name}': expected 'cpu', 'cuda' or 'cuda:N'.");
    }

    /// <inheritdoc/>
    public bool Equals(Device? other) => other is not null && other.Type == Type && other.Index == Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Device);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Index);

    /// <summary>PyTorch's spelling: <c>cpu</c>, <c>cuda:0</c>.</summary>
    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : Index >= 0 ? $"cuda:{Index}" : "cuda (ILGPU CPU accelerator)";
}
