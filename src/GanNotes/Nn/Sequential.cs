using System.Globalization;
using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>Applies its modules in order, each to the previous one's output (PyTorch's <c>nn.Sequential</c>).</summary>
/// <remarks>Children are named "0", "1", ... so parameter names match PyTorch's (<c>0.weight</c>).</remarks>
public sealed class Sequential : Module
{
    private readonly List<Module> layers = [];

    /// <summary>Creates the container from <paramref name="modules"/>.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            Append(module);
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    public Module this[int index] => layers[index];

    /// <summary>Adds a module at the end.</summary>
    public Sequential Append(Module module)
    {
        layers.Add(RegisterModule(layers.Count.ToString(CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            x = layer.Forward(x);
        }
        return x;
    }
}
