namespace GanNotes.Nn;

/// <summary>The contents of a safetensors file, as read by <see cref="Safetensors.Read"/>.</summary>
public sealed class SafetensorsFile
{
    internal SafetensorsFile(string path, IReadOnlyList<string> names, IReadOnlyDictionary<string, SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Names = names;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The path the file was read from.</summary>
    public string Path { get; }

    /// <summary>The tensor names in the order their data lies in the file.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The tensors by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensor> Tensors { get; }

    /// <summary>The free-form <c>__metadata__</c> strings; empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
