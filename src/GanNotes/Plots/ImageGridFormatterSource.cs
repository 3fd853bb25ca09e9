using System.Diagnostics.CodeAnalysis;

namespace GanNotes.Plots;

/// <summary>
/// The notebook formatters of <see cref="ImageGrid"/>: <c>image/png</c> (base64 of the grid's
/// PNG), <c>text/html</c> (an <c>&lt;img&gt;</c> with the PNG inline) and <c>text/plain</c>
/// (a one-line summary). No browser is involved: the library writes the PNG itself.
/// </summary>
public sealed class ImageGridFormatterSource
{
    /// <summary>The formatters, as <see cref="DisplayFormatter"/> objects.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Hosts call it on an instance they create, as .NET Interactive's ITypeFormatterSource does.")]
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new DisplayFormatter(typeof(ImageGrid), Figure.PngMimeType, (value, writer) =>
        {
            writer.Write(Convert.ToBase64String(((ImageGrid)value).ToPng()));
            return true;
        }),
        new DisplayFormatter(typeof(ImageGrid), Figure.HtmlMimeType, (value, writer) =>
        {
            writer.Write(((ImageGrid)value).ToHtml());
            return true;
        }),
        new DisplayFormatter(typeof(ImageGrid), Figure.PlainTextMimeType, (value, writer) =>
        {
            writer.Write(value.ToString());
            return true;
        }),
    ];
}
