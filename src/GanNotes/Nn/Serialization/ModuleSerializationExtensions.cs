using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// <c>module.Save(path)</c> and <c>module.Load(path)</c>: a module's <see cref="Module.StateDict"/>
/// in the safetensors format, readable by PyTorch (<c>safetensors.torch.load_file</c> then
/// <c>load_state_dict</c>).
/// </summary>
/// <remarks>
/// Names are PyTorch's dotted <c>state_dict</c> names (<c>0.weight</c>, <c>1.running_mean</c>),
/// so a GanNotes model and the same-shaped PyTorch model exchange files both ways.
/// Everything is saved as F32, including BatchNorm's <c>num_batches_tracked</c>
/// (an I64 in PyTorch; <c>load_state_dict</c> converts it back on copy).
/// </remarks>
public static class ModuleSerializationExtensions
{
    /// <summary>
    /// Writes the module's parameters and buffers to <paramref name="path"/> (metadata
    /// <c>{"format": "pt"}</c>), replacing any existing file atomically.
    /// </summary>
    /// <exception cref="IOException">The folder does not exist or the file cannot be written.</exception>
    public static void Save(this Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        var tensors = module.StateDict().Select(p =>
            KeyValuePair.Create(p.Key, new SafetensorsTensor([.. p.Value.Shape], p.Value.ValuesForReading())));
        Safetensors.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt" });
    }

    /// <summary>
    /// Copies the tensors of the safetensors file at <paramref name="path"/> into the module's
    /// parameters and buffers, in place (PyTorch's <c>load_state_dict(strict=True)</c>).
    /// </summary>
    /// <remarks>
    /// Everything is checked before anything changes: the file must be valid, hold exactly the
    /// module's names (none missing, none extra) and match every shape. On any error the
    /// module keeps all its values. Values of other dtypes (F64, I64, ...) are converted to float32.
    /// </remarks>
    /// <returns>The module, for chaining (<c>var g = new Sequential(...).Load(path)</c>).</returns>
    /// <exception cref="InvalidDataException">
    /// The file is malformed or does not match the module; the message names the file and
    /// every missing, unexpected or mis-shaped tensor.
    /// </exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static T Load<T>(this T module, string path)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        var file = Safetensors.Read(path);
        var state = module.StateDict();

        var problems = new List<string>();
        var missing = state.Where(p => !file.Tensors.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing tensors (in the module, not in the file): {string.Join(", ", missing)}");
        }
        var moduleNames = state.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var unexpected = file.Names.Where(n => !moduleNames.Contains(n)).ToList();
        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected tensors (in the file, not in the module): {string.Join(", ", unexpected)}");
        }
        foreach (var (name, tensor) in state)
        {
            if (file.Tensors.TryGetValue(name, out var stored) && !stored.Shape.SequenceEqual(tensor.Shape))
            {
                problems.Add($"shape mismatch for '{name}': the file has {SafetensorsTensor.FormatShape(stored.Shape)}, the module has {SafetensorsTensor.FormatShape(tensor.Shape)}");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: cannot load into {module.GetType().Name}: {string.Join("; ", problems)}. The module was not changed.");
        }

        using (Autograd.NoGrad())
        {
            foreach (var (name, tensor) in state)
            {
                var stored = file.Tensors[name];
                tensor.CopyFrom_(Tensor.FromArray(stored.Data, stored.ShapeArray));
            }
        }
        return module;
    }
}
