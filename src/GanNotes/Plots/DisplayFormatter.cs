namespace GanNotes.Plots;

/// <summary>
/// One notebook formatter in .NET Interactive's convention: writes a value of
/// <see cref="Type"/> as <see cref="MimeType"/> text. Created by a formatter source
/// (<see cref="FigureFormatterSource"/>, <see cref="ImageGridFormatterSource"/>).
/// </summary>
/// <remarks>
/// Hosts find the members by name: the <c>MimeType</c> and <c>Type</c> properties and the
/// single public <c>Format(object, TextWriter)</c> method, which returns false when it wrote
/// nothing (the host then leaves that MIME type out). Binary formats are written as base64,
/// as Jupyter stores them.
/// </remarks>
public sealed class DisplayFormatter
{
    private readonly Func<object, TextWriter, bool> format;

    internal DisplayFormatter(Type type, string mimeType, Func<object, TextWriter, bool> format)
    {
        Type = type;
        MimeType = mimeType;
        this.format = format;
    }

    /// <summary>The MIME type written: "text/html", "image/png" (base64), "text/plain".</summary>
    public string MimeType { get; }

    /// <summary>The type of value this formatter handles.</summary>
    public Type Type { get; }

    /// <summary>Writes <paramref name="instance"/>; false (nothing written) when it is not a <see cref="Type"/> or this format is unavailable.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return Type.IsInstanceOfType(instance) && format(instance, writer);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type.Name} as {MimeType}";
}
