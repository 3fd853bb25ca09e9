using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace GanNotes.Plots;

/// <summary>
/// The notebook formatters of <see cref="Figure"/> (named by its <see cref="TypeFormatterSourceAttribute"/>):
/// <c>text/html</c>, the interactive plotly chart with the static PNG inside it as its fallback,
/// and <c>text/plain</c>, a one-line summary.
/// </summary>
/// <remarks>
/// The PNG is stored once, inside the HTML, where the readers that run no script show it
/// (nbconvert's HTML and GitHub's notebook view prefer text/html over image/png, so a separate
/// image/png entry would be a second copy that they never show). Where a script runs, it
/// replaces the PNG by the interactive chart. Whether a PNG is rendered at all follows
/// <see cref="PlotDisplay.StaticImage"/>; when it is skipped the HTML says why in a comment.
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
        new DisplayFormatter(typeof(Figure), Figure.PlainTextMimeType, (value, writer) =>
        {
            writer.Write(value.ToString());
            return true;
        }),
    ];
}
