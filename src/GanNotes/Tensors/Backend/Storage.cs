namespace GanNotes.Tensors.Backend;

/// <summary>A flat buffer of float32 values owned by one device.</summary>
internal abstract class Storage
{
    public abstract Device Device { get; }

    public abstract int Length { get; }

    /// <summary>
    /// Hands the memory back for reuse (the end of a <see cref="TensorScope"/>); any later
    /// use of a tensor on this storage throws instead of reading recycled values.
    /// </summary>
    public abstract void Release();
}

/// <summary>Host memory: a managed float array, optionally rented from <see cref="BufferPool"/>.</summary>
internal sealed class CpuStorage(float[] data) : Storage
{
    private float[]? data = data;

    public float[] Data => data ?? throw new InvalidOperationException(
        "This tensor's memory was recycled when the TensorScope it was made in ended; " +
        "call scope.Keep(tensor) (or copy its values) to use a tensor after its scope.");

    public override Device Device => Device.Cpu;

    public override int Length { get; } = data.Length;

    public override void Release()
    {
        var buffer = data;
        data = null;
        if (buffer is not null)
        {
            BufferPool.Return(buffer);
        }
    }
}
