using ILGPU;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// Accelerator memory: one ILGPU buffer of float32 from the accelerator's pool, handed back when a
/// <see cref="TensorScope"/> ends (<paramref name="scoped"/>) or, for a tensor made outside any scope,
/// when the garbage collector finds it unreachable: no GPU memory is left to ILGPU's finaliser.
/// </summary>
internal sealed class IlgpuStorage(IlgpuAccelerator owner, MemoryBuffer1D<float, Stride1D.Dense> buffer, bool scoped) : Storage
{
    private MemoryBuffer1D<float, Stride1D.Dense>? buffer = buffer;

    public IlgpuAccelerator Owner { get; } = owner;

    /// <summary>The whole buffer as a kernel argument.</summary>
    public ArrayView<float> View => (buffer ?? throw new InvalidOperationException(
        "This tensor's memory was recycled when the TensorScope it was made in ended; " +
        "call scope.Keep(tensor) (or copy its values) to use a tensor after its scope.")).View;

    public override Device Device => Owner.Device;

    public override int Length { get; } = (int)buffer.Length;

    public override void Release()
    {
        var released = buffer;
        buffer = null;
        if (released is not null)
        {
#pragma warning disable CA1816 // Release is this storage's Dispose: once released, there is nothing left to finalise
            GC.SuppressFinalize(this);
#pragma warning restore CA1816
            if (scoped)
            {
                Owner.Return(released);
            }
            else
            {
                Owner.ReturnUnscoped(released);
            }
        }
    }

    /// <summary>An unreachable tensor's memory goes back to the pool (queued: see <see cref="IlgpuAccelerator.Orphan"/>).</summary>
    ~IlgpuStorage()
    {
        if (buffer is { } orphaned)
        {
            Owner.Orphan(orphaned, unscoped: !scoped);
        }
    }
}
