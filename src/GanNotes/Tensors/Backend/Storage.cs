namespace GanNotes.Tensors.Backend;

/// <summary>A flat buffer of float32 values owned by one device.</summary>
internal abstract class Storage
{
    public abstract Device Device { get; }

    public abstract int Length { get; }
}

/// <summary>Host memory: a managed float array.</summary>
internal sealed class CpuStorage(float[] data) : Storage
{
    public float[] Data { get; } = data;

    public override Device Device => Device.Cpu;

    public override int Length => Data.Length;
}
