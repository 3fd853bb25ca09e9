using ILGPU;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>Accelerator memory: one ILGPU buffer of float32, optionally rented from the accelerator's pool.</summary>
internal sealed class IlgpuStorage(IlgpuAccelerator owner, MemoryBuffer1D<float, Stride1D.Dense> buffer, bool pooled) : Storage
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
            if (pooled)
            {
                Owner.Return(released);
            }
            else
            {
                released.Dispose();
            }
        }
    }
}
