using System.Collections.ObjectModel;
using System.Globalization;
using GanNotes.Tensors;

namespace GanNotes.Optim;

/// <summary>
/// The base of every optimizer (PyTorch's <c>torch.optim.Optimizer</c>): holds the
/// parameters it updates and their per-parameter state, and changes the parameters once
/// per <see cref="Step"/> from the gradients that <see cref="Tensor.Backward()"/> left in
/// <see cref="Tensor.Grad"/>.
/// </summary>
/// <remarks>
/// <para>A training step is <c>opt.ZeroGrad(); loss.Backward(); opt.Step();</c>.</para>
/// <para>
/// State (momentum buffers, moment estimates) is created on a parameter's first update
/// and is named <c>&lt;index&gt;.&lt;name&gt;</c> in <see cref="StateDict"/>, where index is the
/// parameter's position in <see cref="Parameters"/>, as PyTorch numbers its state.
/// </para>
/// <para>
/// To write an optimizer: declare the state names in <see cref="StateNames"/> (and, for
/// state not shaped like its parameter, override <see cref="StateShape"/>), keep the state
/// with <see cref="GetState"/> and <see cref="SetState"/>, and implement <see cref="Update(int, Tensor, Tensor)"/>,
/// the change to one parameter from its gradient, written into the parameter tensor in place.
/// </para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Tensor[] parameters;
    private Dictionary<string, Tensor>[] state;

    /// <summary>
    /// Takes the parameters to update (the sequence is read once, in order) and the learning
    /// rate every optimizer has.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The sequence is empty, or a parameter is null, not a leaf, does not require grad,
    /// or appears twice.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lr"/> is negative or NaN.</exception>
    protected Optimizer(IEnumerable<Tensor> parameters, float lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = [.. parameters];
        if (this.parameters.Length == 0)
        {
            throw new ArgumentException("The optimizer got an empty parameter list.", nameof(parameters));
        }
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < this.parameters.Length; i++)
        {
            var p = this.parameters[i] ?? throw new ArgumentException(Invariant($"Parameter {i} is null."), nameof(parameters));
            string which = Invariant($"Parameter {i} (shape {ShapeUtil.Format(p.ShapeArray)})");
            if (!p.IsLeaf)
            {
                throw new ArgumentException($"{which} is not a leaf tensor; an optimizer can only update tensors created by the user, such as a module's parameters.", nameof(parameters));
            }
            if (!p.RequiresGrad)
            {
                throw new ArgumentException($"{which} does not require grad, so it would never get a gradient; set RequiresGrad = true or leave it out.", nameof(parameters));
            }
            if (!seen.Add(p))
            {
                throw new ArgumentException($"{which} appears more than once in the parameter list; it would be updated twice per step.", nameof(parameters));
            }
        }
        Parameters = new ReadOnlyCollection<Tensor>(this.parameters);
        state = NewState(this.parameters.Length);
        RequireNonNegative(lr, "Invalid learning rate", nameof(lr));
        Lr = lr;
    }

    /// <summary>The tensors this optimizer updates, in the order given to the constructor.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>
    /// The learning rate (Adam's alpha); may be changed between steps (a schedule), as PyTorch's
    /// <c>param_group["lr"]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or NaN.</exception>
    public float Lr
    {
        get;
        set
        {
            RequireNonNegative(value, "Invalid learning rate", nameof(value));
            field = value;
        }
    }

    /// <summary>The names of the per-parameter state, in the order <see cref="StateDict"/> lists them.</summary>
    protected abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>Applies one update to every parameter that has a gradient, without recording it for autograd.</summary>
    public void Step()
    {
        using var noGrad = Autograd.NoGrad();
        var indices = new List<int>(parameters.Length);
        var grads = new List<Tensor>(parameters.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            if (GradOf(i) is { } grad)
            {
                indices.Add(i);
                grads.Add(grad);
            }
        }
        Update(indices, grads);
    }

    /// <summary>
    /// The updates of one <see cref="Step"/>: parameters <paramref name="indices"/> (in order) from
    /// their gradients <paramref name="grads"/>. By default <see cref="Update(int, Tensor, Tensor)"/>
    /// on each in turn; an optimizer that updates many parameters at once on a device (Adam, as
    /// PyTorch's multi-tensor Adam) overrides it, with the same result.
    /// </summary>
    protected virtual void Update(IReadOnlyList<int> indices, IReadOnlyList<Tensor> grads)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(grads);
        for (int k = 0; k < indices.Count; k++)
        {
            Update(indices[k], parameters[indices[k]], grads[k]);
        }
    }

    /// <summary>
    /// The update of parameter <paramref name="index"/> from its gradient: writes into
    /// <paramref name="parameter"/> (and its state) in place. <see cref="Step"/> calls it under
    /// <see cref="Autograd.NoGrad"/>, for each parameter with a gradient, in order (through
    /// <see cref="Update(IReadOnlyList{int}, IReadOnlyList{Tensor})"/>).
    /// </summary>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    /// <summary>
    /// Clears the gradients of all parameters by setting <see cref="Tensor.Grad"/> to null
    /// (PyTorch 2's default, <c>zero_grad(set_to_none=True)</c>), rather than filling them
    /// with zeros.
    /// </summary>
    /// <remarks>
    /// The next <see cref="Tensor.Backward()"/> then stores a fresh gradient instead of
    /// adding into zeros, and a parameter that gets no gradient keeps a null
    /// <see cref="Tensor.Grad"/>, so <see cref="Step"/> leaves it alone. With zeros it would
    /// still move: momentum and Adam change a parameter even when its gradient is zero.
    /// </remarks>
    public void ZeroGrad()
    {
        foreach (var p in parameters)
        {
            p.Grad = null;
        }
    }

    /// <summary>
    /// A copy of the per-parameter state, keyed <c>&lt;index&gt;.&lt;name&gt;</c>
    /// (<c>0.exp_avg</c>, <c>1.momentum_buffer</c>, ...), ordered by parameter index and
    /// then by <see cref="StateNames"/>. Parameters that have not been updated yet have no entries.
    /// </summary>
    /// <remarks>
    /// The tensors are copies, so the result is a snapshot: later steps do not change it.
    /// Hyperparameters are not included; construct the optimizer with the same ones before
    /// <see cref="LoadStateDict"/>.
    /// </remarks>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateDict()
    {
        var result = new List<KeyValuePair<string, Tensor>>();
        for (int i = 0; i < parameters.Length; i++)
        {
            foreach (var name in StateNames)
            {
                if (state[i].TryGetValue(name, out var value))
                {
                    result.Add(new(Invariant($"{i}.{name}"), Copy(value, value.Device)));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Replaces all per-parameter state with copies of the tensors in
    /// <paramref name="stateDict"/>, as written by <see cref="StateDict"/>. A parameter with
    /// no entries starts afresh on its next update.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A key is malformed, unknown, repeated or names a parameter index out of range; a
    /// tensor has the wrong shape; or a parameter's state is incomplete. Nothing is
    /// changed when this is thrown.
    /// </exception>
    public void LoadStateDict(IEnumerable<KeyValuePair<string, Tensor>> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var names = StateNames;
        var loaded = NewState(parameters.Length);
        foreach (var (key, value) in stateDict)
        {
            int dot = key.IndexOf('.', StringComparison.Ordinal);
            string name = dot > 0 ? key[(dot + 1)..] : "";
            if (dot <= 0
                || !int.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || !names.Contains(name))
            {
                throw new ArgumentException($"Unexpected key '{key}' in the {GetType().Name} state; expected '<index>.<name>' with name one of: {string.Join(", ", names)}.", nameof(stateDict));
            }
            if (index >= parameters.Length)
            {
                throw new ArgumentException(Invariant($"State '{key}' refers to parameter {index}, but this optimizer has {parameters.Length} parameters."), nameof(stateDict));
            }
            if (value is null)
            {
                throw new ArgumentException($"State '{key}' is null.", nameof(stateDict));
            }
            int[] expected = [.. StateShape(name, parameters[index])];
            if (!value.Shape.SequenceEqual(expected))
            {
                throw new ArgumentException(Invariant($"State '{key}' has shape {ShapeUtil.Format(value.ShapeArray)}, but parameter {index} needs {ShapeUtil.Format(expected)}."), nameof(stateDict));
            }
            // As PyTorch's load_state_dict: per-element state goes to its parameter's device, scalars (step) stay on the CPU.
            var device = expected.Length == 0 ? Device.Cpu : parameters[index].Device;
            if (!loaded[index].TryAdd(name, Copy(value, device)))
            {
                throw new ArgumentException($"State '{key}' appears more than once.", nameof(stateDict));
            }
        }
        for (int i = 0; i < loaded.Length; i++)
        {
            var missing = names.FirstOrDefault(n => !loaded[i].ContainsKey(n));
            if (loaded[i].Count > 0 && missing is not null)
            {
                throw new ArgumentException(Invariant($"The state of parameter {i} is incomplete: '{i}.{missing}' is missing."), nameof(stateDict));
            }
        }
        state = loaded;
    }

    /// <summary>The shape of state <paramref name="name"/> for <paramref name="parameter"/>; by default the parameter's shape.</summary>
    protected virtual IReadOnlyList<int> StateShape(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Shape;
    }

    /// <summary>
    /// Parameter <paramref name="index"/>'s gradient, or null when it has none (the
    /// parameter is then skipped).
    /// </summary>
    /// <exception cref="InvalidOperationException">The gradient's shape differs from the parameter's.</exception>
    protected Tensor? GradOf(int index)
    {
        var p = parameters[index];
        // NOTE: a gradient of the wrong shape would broadcast in the update and fail silently.
        if (p.Grad is { } g && !g.Shape.SequenceEqual(p.Shape))
        {
            throw new InvalidOperationException(Invariant($"Parameter {index} (shape {ShapeUtil.Format(p.ShapeArray)}) has a gradient of shape {ShapeUtil.Format(g.ShapeArray)}."));
        }
        return p.Grad;
    }

    /// <summary>Parameter <paramref name="index"/>'s state <paramref name="name"/>, or null before it is set.</summary>
    protected Tensor? GetState(int index, string name) => state[index].GetValueOrDefault(name);

    /// <summary>Sets parameter <paramref name="index"/>'s state <paramref name="name"/>, which must be one of <see cref="StateNames"/>.</summary>
    /// <remarks>State outlives the step: a tensor made inside a <see cref="TensorScope"/> is taken out of it.</remarks>
    /// <exception cref="ArgumentException">The name is not one of <see cref="StateNames"/>.</exception>
    protected void SetState(int index, string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!StateNames.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a state name of {GetType().Name}; declare it in StateNames.", nameof(name));
        }
        TensorScope.Persist(value);
        state[index][name] = value;
    }

    /// <summary>
    /// Throws unless <paramref name="value"/> &gt;= 0 (NaN fails), worded as PyTorch does:
    /// <c>Invalid learning rate: -1</c> for <paramref name="what"/> = "Invalid learning rate".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or NaN.</exception>
    protected static void RequireNonNegative(float value, string what, string paramName)
    {
        if (!(value >= 0f))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"{what}: {value}"));
        }
    }

    private static Tensor Copy(Tensor x, Device device) => Tensor.Empty(x.ShapeArray, device).CopyFrom_(x);

    private static Dictionary<string, Tensor>[] NewState(int count)
    {
        var result = new Dictionary<string, Tensor>[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        }
        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
