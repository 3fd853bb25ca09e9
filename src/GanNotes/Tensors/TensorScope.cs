using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>
/// Recycles the memory of every tensor made inside it when it ends, so that a training
/// loop reuses the same buffers step after step instead of allocating new ones (the role
/// of PyTorch's caching allocator; the same idea as TorchSharp's <c>NewDisposeScope</c>).
/// </summary>
/// <remarks>
/// <para>
/// Tensors made on this thread while the scope is the innermost one belong to it: gradients,
/// activations, temporaries. When the scope is disposed their buffers go back to a pool, and
/// any later use of those tensors throws an <see cref="InvalidOperationException"/> rather
/// than reading recycled values. <see cref="Keep"/> moves a tensor out (to the enclosing
/// scope, or to no scope), so it stays valid.
/// </para>
/// <para>
/// Tensors that existed before the scope began, such as parameters, buffers and optimizer
/// state, are never touched; in-place updates of them are kept. Scopes nest and must be
/// disposed innermost first.
/// </para>
/// </remarks>
/// <example><code>
/// using (TensorScope.Begin())
/// {
///     opt.ZeroGrad();
///     var loss = lossFn(model.Forward(x), y);
///     loss.Backward();
///     opt.Step();
///     lastLoss = loss.Item();  // read values out before the scope ends
/// }
/// opt.ZeroGrad(); // the gradients belonged to the scope
/// </code></example>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? current;

    [ThreadStatic]
    private static List<Storage>? spareList;

    private readonly TensorScope? outer;
    private readonly Thread thread;
    private List<Storage>? owned;

    private TensorScope(TensorScope? outer)
    {
        this.outer = outer;
        thread = Thread.CurrentThread;
        owned = spareList ?? [];
        spareList = null;
    }

    internal static TensorScope? Current => current;

    /// <summary>Starts a scope on this thread; dispose it to recycle what was made inside.</summary>
    public static TensorScope Begin()
    {
        var scope = new TensorScope(current);
        current = scope;
        return scope;
    }

    /// <summary>
    /// Runs the code up to the returned handle's disposal outside every scope: tensors made
    /// there (optimizer state created on the first step, say) live as long as they are referenced.
    /// </summary>
    internal static SuspendHandle Suspend()
    {
        var saved = current;
        current = null;
        return new SuspendHandle(saved);
    }

    /// <summary>Restores the scope that <see cref="Suspend"/> set aside.</summary>
    internal readonly struct SuspendHandle(TensorScope? saved) : IDisposable
    {
        public void Dispose() => current = saved;
    }

    /// <summary>Number of tensor buffers this scope will recycle.</summary>
    public int Count => owned?.Count ?? 0;

    /// <summary>
    /// Takes <paramref name="tensor"/> (and every view sharing its storage) out of this scope:
    /// it moves to the enclosing scope, or outlives all scopes when this is the outermost.
    /// </summary>
    /// <returns>The same tensor, for chaining.</returns>
    /// <exception cref="ObjectDisposedException">The scope has ended.</exception>
    public Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var list = owned ?? throw new ObjectDisposedException(nameof(TensorScope), "Keep() was called on a TensorScope that has ended.");
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(list[i], tensor.Storage))
            {
                list.RemoveAt(i);
                outer?.owned?.Add(tensor.Storage);
                break;
            }
        }
        return tensor;
    }

    internal void Add(Storage storage) => owned!.Add(storage);

    /// <summary>
    /// Takes <paramref name="tensor"/> out of every open scope on this thread, so it lives as
    /// long as it is referenced: for state that outlives a step (optimizer moments, say).
    /// </summary>
    internal static void Persist(Tensor tensor)
    {
        for (var scope = current; scope is not null; scope = scope.outer)
        {
            var list = scope.owned;
            if (list is null)
            {
                continue;
            }
            for (int i = list.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(list[i], tensor.Storage))
                {
                    list.RemoveAt(i);
                    return;
                }
            }
        }
    }

    /// <summary>Recycles the buffers of every tensor made inside the scope and not kept.</summary>
    /// <exception cref="InvalidOperationException">
    /// An inner scope is still open, or the scope is disposed on another thread.
    /// </exception>
    public void Dispose()
    {
        var list = owned;
        if (list is null)
        {
            return;
        }
        if (!ReferenceEquals(Thread.CurrentThread, thread))
        {
            throw new InvalidOperationException("A TensorScope must be disposed on the thread that began it.");
        }
        if (!ReferenceEquals(current, this))
        {
            throw new InvalidOperationException("TensorScopes must be disposed innermost first: an inner scope is still open.");
        }
        foreach (var storage in list)
        {
            storage.Release();
        }
        list.Clear();
        spareList = list;
        owned = null;
        current = outer;
    }
}
