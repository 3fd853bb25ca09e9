using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace GanNotes.Plots;

/// <summary>
/// The notebook formatters of <see cref="Figure"/> (named by its <see cref="TypeFormatterSourceAttribute"/>):
/// <c>text/html</c>, the interactive plotly chart; <c>image/png</c>, the static PNG (base64);
/// <c>text/plain</c>, a one-line summary. The three form one output's MIME bundle.
/// </summary>
/// <remarks>
/// The PNG is stored once, as the image/png entry, for the readers that show no script
/// (GitHub's notebook view, nbconvert's PDF); the HTML does not embed a copy of it, only a line
/// naming the chart that its script replaces by the chart. Whether a PNG is rendered at all
/// follows <see cref="PlotDisplay.StaticImage"/>; when it is skipped the HTML says why in a
/// comment and the image/png formatter writes nothing and returns false. One Chromium rendering
/// serves both formatters (cached per figure).
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
            // Rendered here only to learn whether it can be (the image/png formatter reuses it).
            _ = PlotDisplay.StaticPng(figure, out string? skipped);
            if (skipped is not null)
            {
                // "--" may not appear inside an HTML comment.
                writer.Write($"<!-- static image skipped: {WebUtility.HtmlEncode(skipped).Replace("--", "- -", StringComparison.Ordinal)} -->\n");
            }
            FigureHtml.WriteFragment(writer, figure, PlotDisplay.PlotlyJs, staticPng: null);
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
