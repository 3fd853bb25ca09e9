namespace GanNotes.Notebooks;

/// <summary>
/// The handle <see cref="NotebookKernel.display"/> and <see cref="DisplayExtensions.Display"/>
/// return, as in .NET Interactive: <see cref="Update"/> replaces what the output shows (the
/// saved notebook keeps the last value).
/// </summary>
public sealed class DisplayedValue
{
    private readonly CellOutputs? outputs;
    private readonly IReadOnlyList<string> requestedMimeTypes;

    internal DisplayedValue(string displayId, IReadOnlyList<string> mimeTypes, IReadOnlyList<string> requestedMimeTypes, CellOutputs? outputs)
    {
        DisplayId = displayId;
        MimeTypes = mimeTypes;
        this.requestedMimeTypes = requestedMimeTypes;
        this.outputs = outputs;
    }

    /// <summary>A unique id for this display.</summary>
    public string DisplayId { get; }

    /// <summary>The mime types the value was shown as.</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Shows <paramref name="updatedValue"/> in place of the displayed value.</summary>
    public void Update(object? updatedValue)
    {
        var bundle = MimeBundleFormatter.Format(updatedValue, requestedMimeTypes);
        if (outputs is null)
        {
            Console.WriteLine(bundle.ToConsoleText());
            return;
        }
        outputs.ReplaceDisplay(DisplayId, bundle);
    }
}
