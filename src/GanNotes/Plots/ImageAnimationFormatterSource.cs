using System.Diagnostics.CodeAnalysis;

namespace GanNotes.Plots;

/// <summary>
/// The notebook formatters of <see cref="ImageAnimation"/>: <c>text/html</c> (the slider),
/// <c>image/png</c> (the static strip) and <c>text/plain</c> (which frames the strip shows).
/// </summary>
public sealed class ImageAnimationFormatterSource
{
    /// <summary>The formatters, as <see cref="DisplayFormatter"/> objects.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Hosts call it on an instance they create, as .NET Interactive's ITypeFormatterSource does.")]
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new DisplayFormatter(typeof(ImageAnimation), Figure.HtmlMimeType, (value, writer) =>
        {
            writer.Write(((ImageAnimation)value).ToHtml());
            return true;
        }),
        new DisplayFormatter(typeof(ImageAnimation), Figure.PngMimeType, (value, writer) =>
        {
            writer.Write(Convert.ToBase64String(((ImageAnimation)value).ToPng()));
            return true;
        }),
        new DisplayFormatter(typeof(ImageAnimation), Figure.PlainTextMimeType, (value, writer) =>
        {
            writer.Write(value.ToString());
            return true;
        }),
    ];
}
