using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>The kind of processor a tensor's storage lives on.</summary>
public enum DeviceType
{
    /// <summary>Host memory, computed by the managed SIMD kernels.</summary>
    Cpu,
    /// <summary>An NVIDIA GPU (not available yet: reserved so the API does not change).</summary>
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
    public static readonly Device Cpu = new(DeviceType.Cpu, 0, CpuKernels.Instance);

    private Device(DeviceType type, int index, IKernels kernels)
    {
        Type = type;
        Index = index;
        plainKernels = kernels;
        profilingKernels = new ProfilingKernels(kernels);
    }

    private readonly IKernels plainKernels;
    private readonly IKernels profilingKernels;

    /// <summary>The kind of device.</summary>
    public DeviceType Type { get; }

    /// <summary>The device ordinal (0 for the CPU).</summary>
    public int Index { get; }

    internal IKernels Kernels => Profiler.IsActive ? profilingKernels : plainKernels;

    /// <summary>Parses <c>"cpu"</c> (and, once supported, <c>"cuda"</c>, <c>"cuda:1"</c>).</summary>
    /// <exception cref="ArgumentException">The name is unknown or names an unavailable device.</exception>
    public static Device Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            return Cpu;
        }
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Device '{name}' is not available: this build of GanNotes computes on the CPU only.", nameof(name));
        }
        throw new ArgumentException($"Unknown device '{name}': expected 'cpu'.", nameof(name));
    }

    /// <inheritdoc/>
    public bool Equals(Device? other) => other is not null && other.Type == Type && other.Index == Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Device);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Index);

    /// <summary>PyTorch's spelling: <c>cpu</c>, <c>cuda:0</c>.</summary>
    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : $"cuda:{Index}";
}
