using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace GanNotes.Plots;

/// <summary>
/// The notebook formatters of <see cref="Figure"/> (named by its <see cref="TypeFormatterSourceAttribute"/>):
/// <c>text/html</c>, the interactive plotly chart with the static PNG inside it as a fallback;
/// <c>image/png</c>, the PNG alone (base64); <c>text/plain</c>, a one-line summary.
/// </summary>
/// <remarks>
/// Both PNG outputs come from one Chromium rendering (cached per figure). Whether a PNG is
/// rendered at all follows <see cref="PlotDisplay.StaticImage"/>; when it is skipped the HTML
/// says why in a comment and the image/png formatter writes nothing and returns false.
/// </remarks>
public sealed class FigureFormatterSource
{
    /// <summary>The formatters, as <see cref="DisplayFormatter"/> objects.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Hosts call it on an instance they create, as .NET Interactive's ITypeFormatterSource does.")]
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new DisplayFormatter(typeof(Figure), Figure.HtmlMimeType, (value, writer) =>
        {
            var figure = (Figure)value;
            byte[]? png = PlotDisplay.StaticPng(figure, out string? skipped);
            if (skipped is not null)
            {
                // "--" may not appear inside an HTML comment.
                writer.Write($"<!-- static image skipped: {WebUtility.HtmlEncode(skipped).Replace("--", "- -", StringComparison.Ordinal)} -->\n");
            }
            FigureHtml.WriteFragment(writer, figure, PlotDisplay.PlotlyJs, png);
            return true;
        }),
        new DisplayFormatter(typeof(Figure), Figure.PngMimeType, (value, writer) =>
        {
            byte[]? png = PlotDisplay.StaticPng((Figure)value, out _);
            if (png is null)
            {
                return false;
            }
            writer.Write(Convert.ToBase64String(png));
            return true;
        }),
        new DisplayFormatter(typeof(Figure), Figure.PlainTextMimeType, (value, writer) =>
        {
            writer.Write(value.ToString());
            return true;
        }),
    ];
}
