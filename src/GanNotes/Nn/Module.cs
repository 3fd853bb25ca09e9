using System.Text;
using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// The base of every layer and model (PyTorch's <c>nn.Module</c>): owns named parameters,
/// buffers and child modules, switches between training and evaluation, and prints as a
/// tree the way PyTorch does.
/// </summary>
/// <remarks>
/// Subclasses register what they own in their constructor with
/// <see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/> and <see cref="RegisterModule{T}"/>;
/// registration order is the order of <see cref="NamedParameters"/> and of saved files.
/// </remarks>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> buffers = [];
    private readonly List<KeyValuePair<string, Module>> children = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Computes the module's output.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>All parameters of this module and its descendants, depth first.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Value);

    /// <summary>Parameters with PyTorch's dotted names (<c>0.weight</c>, <c>1.bias</c>, ...).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => Named(m => m.parameters);

    /// <summary>Buffers (state that is saved but not trained, like BatchNorm's running mean) with dotted names.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers() => Named(m => m.buffers);

    /// <summary>The direct children with their names.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => children;

    /// <summary>Everything that is saved: parameters then buffers, by dotted name (PyTorch's <c>state_dict</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateDict() => [.. NamedParameters(), .. NamedBuffers()];

    /// <summary>
    /// A snapshot of <see cref="StateDict"/>: the same names with copies of the tensors, which later
    /// training does not change (PyTorch's <c>copy.deepcopy(module.state_dict())</c>). Give it to
    /// <see cref="LoadStateDict"/> to put the module back as it was.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> CopyStateDict() =>
        [.. StateDict().Select(p => KeyValuePair.Create(p.Key, Tensor.Empty(p.Value.ShapeArray, p.Value.Device).CopyFrom_(p.Value)))];

    /// <summary>
    /// Copies the values of <paramref name="stateDict"/> into this module's parameters and buffers, by
    /// name (PyTorch's <c>module.load_state_dict(state_dict)</c>, strict): every name of
    /// <see cref="StateDict"/> must be there once, with its shape, and no other name. The module keeps its
    /// own tensors, so an optimizer made for it still holds them; gradients are not recorded.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A name is missing, unexpected or repeated, or a tensor has the wrong shape; the message names
    /// each one, and nothing was changed.
    /// </exception>
    public void LoadStateDict(IEnumerable<KeyValuePair<string, Tensor>> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var targets = StateDict().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var sources = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, value) in stateDict)
        {
            if (!targets.TryGetValue(name, out var target))
            {
                problems.Add($"unexpected '{name}'");
            }
            else if (value is null)
            {
                problems.Add($"'{name}' is null");
            }
            else if (!sources.TryAdd(name, value))
            {
                problems.Add($"'{name}' appears twice");
            }
            else if (!value.Shape.SequenceEqual(target.Shape))
            {
                problems.Add($"'{name}' has shape {ShapeUtil.Format(value.ShapeArray)}, the module needs {ShapeUtil.Format(target.ShapeArray)}");
            }
        }
        problems.AddRange(targets.Keys.Where(name => !sources.ContainsKey(name)).Select(name => $"'{name}' is missing"));
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Cannot load the state into {GetType().Name}: {string.Join("; ", problems)}. The module was not changed.", nameof(stateDict));
        }
        using (Autograd.NoGrad())
        {
            foreach (var (name, source) in sources)
            {
                targets[name].CopyFrom_(source);
            }
        }
    }

    /// <summary>
    /// Moves every parameter and buffer to <paramref name="device"/> in place (PyTorch's <c>module.to(device)</c>):
    /// they stay the same tensor objects, so make the optimizer before or after alike.
    /// </summary>
    /// <returns>This module, for chaining.</returns>
    public Module To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        foreach (var (_, tensor) in StateDict())
        {
            tensor.MoveTo_(device);
        }
        return this;
    }

    /// <summary>The device of the first parameter or buffer (the CPU for a module that has none).</summary>
    /// <remarks>Read on every training step: it stops at the first tensor instead of listing the whole state.</remarks>
    public Device Device => NamedParameters().Concat(NamedBuffers()).Select(p => p.Value.Device).FirstOrDefault() ?? Device.Cpu;

    /// <summary>The number of parameter values (elements, not tensors).</summary>
    public long ParameterCount() => Parameters().Sum(p => (long)p.NumElements);

    /// <summary>Sets training mode on this module and all descendants.</summary>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var child in children)
        {
            child.Value.Train(mode);
        }
        return this;
    }

    /// <summary>Sets evaluation mode (BatchNorm uses running statistics, Dropout is the identity).</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.Grad = null;
        }
    }

    /// <summary>Registers a trainable tensor; it is marked <see cref="Tensor.RequiresGrad"/>.</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequireNewName(name);
        value.RequiresGrad = true;
        parameters.Add(new(name, value));
        return value;
    }

    /// <summary>Registers saved, untrained state.</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequireNewName(name);
        buffers.Add(new(name, value));
        return value;
    }

    /// <summary>Registers a child module.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        RequireNewName(name);
        children.Add(new(name, module));
        return module;
    }

    /// <summary>The text inside the parentheses of this module's line, e.g. <c>in_features=5, out_features=7, bias=True</c>.</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>
    /// The module's name in its repr: PyTorch's own spelling (<c>ReLU</c> for <see cref="Relu"/>), so
    /// a model tree prints as it does in PyTorch; the class name by default.
    /// </summary>
    protected virtual string PyTorchName => GetType().Name;

    /// <summary>The module tree in PyTorch's format.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(PyTorchName).Append('(').Append(ExtraRepr());
        if (children.Count > 0)
        {
            sb.Append('\n');
            foreach (var (name, child) in children)
            {
                var lines = child.ToString().Split('\n');
                sb.Append("  (").Append(name).Append("): ").Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    sb.Append("  ").Append(line).Append('\n');
                }
            }
        }
        return sb.Append(')').ToString();
    }

    private IEnumerable<KeyValuePair<string, Tensor>> Named(Func<Module, List<KeyValuePair<string, Tensor>>> select)
    {
        foreach (var item in select(this))
        {
            yield return item;
        }
        foreach (var (childName, child) in children)
        {
            foreach (var (name, tensor) in child.Named(select))
            {
                yield return new($"{childName}.{name}", tensor);
            }
        }
    }

    private void RequireNewName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid name '{name}': names may not contain '.'.", nameof(name));
        }
        if (parameters.Any(p => p.Key == name) || buffers.Any(b => b.Key == name) || children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"'{name}' is already registered on {GetType().Name}.", nameof(name));
        }
    }
}
