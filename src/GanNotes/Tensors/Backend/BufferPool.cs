namespace GanNotes.Tensors.Backend;

/// <summary>
/// Host buffers recycled between the steps of a training loop: a <see cref="TensorScope"/>
/// returns the arrays of its tensors here when it ends, and the next step's tensors of the
/// same sizes rent them again, so steady-state training allocates no large arrays.
/// </summary>
/// <remarks>
/// Buckets are exact lengths (a training step asks for the same sizes every time). At most
/// <see cref="MaxRetainedBytes"/> are kept; beyond that returned arrays go to the garbage
/// collector.
/// </remarks>
internal static class BufferPool
{
    /// <summary>The most memory the pool holds on to.</summary>
    public const long MaxRetainedBytes = 512L << 20;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, Stack<float[]>> Free = [];
    private static long retainedBytes;

    /// <summary>Bytes currently held for reuse.</summary>
    public static long RetainedBytes
    {
        get
        {
            lock (Gate)
            {
                return retainedBytes;
            }
        }
    }

    /// <summary>An array of exactly <paramref name="length"/> floats, zeroed when asked.</summary>
    public static float[] Rent(int length, bool zeroed)
    {
        float[]? buffer = null;
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var stack) && stack.Count > 0)
            {
                buffer = stack.Pop();
                retainedBytes -= (long)length * sizeof(float);
            }
        }
        if (buffer is null)
        {
            return zeroed ? new float[length] : GC.AllocateUninitializedArray<float>(length);
        }
        if (zeroed)
        {
            Array.Clear(buffer);
        }
        return buffer;
    }

    /// <summary>Keeps <paramref name="buffer"/> for a later <see cref="Rent"/> if there is room.</summary>
    public static void Return(float[] buffer)
    {
        long bytes = (long)buffer.Length * sizeof(float);
        lock (Gate)
        {
            if (retainedBytes + bytes > MaxRetainedBytes)
            {
                return;
            }
            if (!Free.TryGetValue(buffer.Length, out var stack))
            {
                stack = new Stack<float[]>();
                Free[buffer.Length] = stack;
            }
            stack.Push(buffer);
            retainedBytes += bytes;
        }
    }

    /// <summary>Drops every kept array (they become garbage).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Free.Clear();
            retainedBytes = 0;
        }
    }
}
