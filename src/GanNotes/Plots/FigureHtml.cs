using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GanNotes.IO;

namespace GanNotes.Plots;

/// <summary>Writes a figure as HTML: a notebook/page fragment, and the page Chromium photographs.</summary>
/// <remarks>
/// Pages that inline plotly.js are about 5 MB, so files are written straight to a stream
/// (<see cref="WritePage"/>, <see cref="WriteExportPage"/>) rather than built as strings first.
/// </remarks>
internal static class FigureHtml
{
    internal const string StaticImageClass = "gannotes-static";
    private static int counter;

    /// <summary>
    /// A div holding the optional static PNG, then a script that loads plotly.js, removes the
    /// PNG and draws the interactive chart in its place. Where no JavaScript runs (GitHub's
    /// notebook view, nbconvert HTML) the PNG is what readers see.
    /// </summary>
    public static string Fragment(Figure figure, PlotlyJs plotly, byte[]? staticPng) =>
        Build(html => WriteFragment(html, figure, plotly, staticPng));

    /// <summary>Writes <see cref="Fragment"/> to <paramref name="html"/>.</summary>
    public static void WriteFragment(TextWriter html, Figure figure, PlotlyJs plotly, byte[]? staticPng)
    {
        string json = figure.ToJson();
        string id = NewId(json);
        string width = figure.Layout.Width is int w ? $"{w}px" : "100%";
        int height = figure.Layout.Height ?? FigureExport.DefaultHeight;
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"gannotes-plot\" style=\"width:{width};height:{height}px;\">"));
        if (staticPng is not null)
        {
            var (pngWidth, pngHeight) = PngWriter.ReadSize(staticPng);
            string alt = WebUtility.HtmlEncode(figure.Layout.Title ?? "plot");
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<img class=\"{StaticImageClass}\" src=\"data:image/png;base64,{Convert.ToBase64String(staticPng)}\" width=\"{pngWidth}\" height=\"{pngHeight}\" alt=\"{alt}\" style=\"max-width:100%;height:auto;\">"));
        }
        html.Write("</div>\n");
        if (plotly.IsInline)
        {
            // Evaluate the 4.8 MB library once per page even when several inline charts are shown.
            html.Write("<script type=\"text/javascript\">\nif (!window.Plotly) {\n");
            html.Write(plotly.ReadScript());
            html.Write("\n}\n</script>\n");
        }
        html.Write("<script type=\"text/javascript\">\n(function () {\n");
        html.Write("  var figure = ");
        html.Write(json);
        html.Write(";\n");
        html.Write("  var config = {\"responsive\": true, \"displaylogo\": false};\n");
        html.Write(string.Create(CultureInfo.InvariantCulture, $$"""
              function draw(Plotly) {
                var el = document.getElementById("{{id}}");
                if (!el) { return; }
                var img = el.querySelector("img.{{StaticImageClass}}");
                if (img) { img.parentNode.removeChild(img); }
                Plotly.newPlot(el, figure.data, figure.layout, config);
              }
              if (window.Plotly) { draw(window.Plotly); return; }

            """));
        if (plotly.Url is string url)
        {
            string src = JavaScriptString(url);
            html.Write(string.Create(CultureInfo.InvariantCulture, $$"""
                  // One download per page, shared by every chart waiting for it.
                  if (!window.gannotesPlotlyLoading) {
                    window.gannotesPlotlyLoading = new Promise(function (resolve, reject) {
                      var s = document.createElement("script");
                      s.src = {{src}};
                      s.onload = function () { resolve(window.Plotly); };
                      s.onerror = function () { window.gannotesPlotlyLoading = null; reject(new Error("plotly.js did not load from " + s.src)); };
                      document.head.appendChild(s);
                    });
                  }
                  // Offline: the promise fails and the static image stays.
                  window.gannotesPlotlyLoading.then(draw, function (e) { if (window.console) { console.warn(e.message); } });

                """));
        }
        html.Write("})();\n</script>\n");
    }

    /// <summary>A complete HTML document around <see cref="Fragment"/>.</summary>
    public static string Page(Figure figure, PlotlyJs plotly, byte[]? staticPng) =>
        Build(html => WritePage(html, figure, plotly, staticPng));

    /// <summary>Writes <see cref="Page"/> to <paramref name="html"/>.</summary>
    public static void WritePage(TextWriter html, Figure figure, PlotlyJs plotly, byte[]? staticPng)
    {
        string title = WebUtility.HtmlEncode(figure.Layout.Title ?? "GanNotes plot");
        html.Write("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        html.Write($"<title>{title}</title>\n</head>\n<body>\n");
        WriteFragment(html, figure, plotly, staticPng);
        html.Write("</body>\n</html>\n");
    }

    /// <summary>
    /// The page Chromium loads for a PNG export: plotly.js inlined, the chart drawn at exactly
    /// width x height with <c>staticPlot</c> (no mode bar, no hover layer), no margins or scrollbars.
    /// </summary>
    public static string ExportPage(Figure figure, string plotlyScript, int width, int height) =>
        Build(html => WriteExportPage(html, figure, plotlyScript, width, height));

    /// <summary>Writes <see cref="ExportPage"/> to <paramref name="html"/>.</summary>
    public static void WriteExportPage(TextWriter html, Figure figure, string plotlyScript, int width, int height)
    {
        html.Write("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        html.Write("<style>html, body { margin: 0; padding: 0; background: #ffffff; overflow: hidden; }</style>\n");
        html.Write("</head>\n<body>\n");
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<div id=\"plot\" style=\"width:{width}px;height:{height}px;\"></div>\n"));
        html.Write("<script type=\"text/javascript\">\n");
        html.Write(plotlyScript);
        html.Write("\n</script>\n");
        html.Write("<script type=\"text/javascript\">\n");
        html.Write("var figure = ");
        html.Write(figure.ToJson());
        html.Write(";\n");
        html.Write(string.Create(CultureInfo.InvariantCulture, $"figure.layout.width = {width};\nfigure.layout.height = {height};\n"));
        html.Write("Plotly.newPlot(document.getElementById(\"plot\"), figure.data, figure.layout, {\"staticPlot\": true});\n");
        html.Write("</script>\n</body>\n</html>\n");
    }

    /// <summary>Writes <paramref name="write"/>'s HTML to <paramref name="path"/> as UTF-8, atomically, without building it as a string first.</summary>
    public static void Save(string path, Action<TextWriter> write, bool createDirectory) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            write(writer);
        }, createDirectory, bufferSize: 1 << 16);

    private static string Build(Action<TextWriter> write)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        write(html);
        return html.ToString();
    }

    /// <summary>
    /// A page-unique element id: a hash of the figure (so re-running a notebook gives the same
    /// ids and committed outputs do not churn) plus a per-process counter (so two equal figures
    /// in one notebook still differ).
    /// </summary>
    private static string NewId(string json)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 6);
        return $"gannotes-plot-{hash}-{Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture)}";
    }

    private static string JavaScriptString(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
