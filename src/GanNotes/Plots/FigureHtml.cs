using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace GanNotes.Plots;

/// <summary>Writes a figure as HTML: a notebook/page fragment, and the page Chromium photographs.</summary>
internal static class FigureHtml
{
    internal const string StaticImageClass = "gannotes-static";
    private static int counter;

    /// <summary>
    /// A div holding the optional static PNG, then a script that loads plotly.js, removes the
    /// PNG and draws the interactive chart in its place. Where no JavaScript runs (GitHub's
    /// notebook view, nbconvert HTML) the PNG is what readers see.
    /// </summary>
    public static string Fragment(Figure figure, PlotlyJs plotly, byte[]? staticPng)
    {
        string json = figure.ToJson();
        string id = NewId(json);
        var html = new StringBuilder();
        string width = figure.Layout.Width is int w ? $"{w}px" : "100%";
        int height = figure.Layout.Height ?? FigureExport.DefaultHeight;
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"gannotes-plot\" style=\"width:{width};height:{height}px;\">");
        if (staticPng is not null)
        {
            var (pngWidth, pngHeight) = PngWriter.ReadSize(staticPng);
            string alt = WebUtility.HtmlEncode(figure.Layout.Title ?? "plot");
            html.Append(CultureInfo.InvariantCulture, $"<img class=\"{StaticImageClass}\" src=\"data:image/png;base64,{Convert.ToBase64String(staticPng)}\" width=\"{pngWidth}\" height=\"{pngHeight}\" alt=\"{alt}\" style=\"max-width:100%;height:auto;\">");
        }
        html.Append("</div>\n");
        if (plotly.IsInline)
        {
            // Evaluate the 4.8 MB library once per page even when several inline charts are shown.
            html.Append("<script type=\"text/javascript\">\nif (!window.Plotly) {\n").Append(plotly.ReadScript()).Append("\n}\n</script>\n");
        }
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var figure = ").Append(json).Append(";\n");
        html.Append("  var config = {\"responsive\": true, \"displaylogo\": false};\n");
        html.Append(CultureInfo.InvariantCulture, $$"""
              function draw(Plotly) {
                var el = document.getElementById("{{id}}");
                if (!el) { return; }
                var img = el.querySelector("img.{{StaticImageClass}}");
                if (img) { img.parentNode.removeChild(img); }
                Plotly.newPlot(el, figure.data, figure.layout, config);
              }
              if (window.Plotly) { draw(window.Plotly); return; }

            """);
        if (plotly.Url is string url)
        {
            string src = JavaScriptString(url);
            html.Append(CultureInfo.InvariantCulture, $$"""
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

                """);
        }
        html.Append("})();\n</script>\n");
        return html.ToString();
    }

    /// <summary>A complete HTML document around <see cref="Fragment"/>.</summary>
    public static string Page(Figure figure, PlotlyJs plotly, byte[]? staticPng)
    {
        string title = WebUtility.HtmlEncode(figure.Layout.Title ?? "GanNotes plot");
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            + $"<title>{title}</title>\n</head>\n<body>\n"
            + Fragment(figure, plotly, staticPng)
            + "</body>\n</html>\n";
    }

    /// <summary>
    /// The page Chromium loads for a PNG export: plotly.js inlined, the chart drawn at exactly
    /// width x height with <c>staticPlot</c> (no mode bar, no hover layer), no margins or scrollbars.
    /// </summary>
    public static string ExportPage(Figure figure, string plotlyScript, int width, int height)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<style>html, body { margin: 0; padding: 0; background: #ffffff; overflow: hidden; }</style>\n");
        html.Append("</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"plot\" style=\"width:{width}px;height:{height}px;\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n").Append(plotlyScript).Append("\n</script>\n");
        html.Append("<script type=\"text/javascript\">\n");
        html.Append("var figure = ").Append(figure.ToJson()).Append(";\n");
        html.Append(CultureInfo.InvariantCulture, $"figure.layout.width = {width};\nfigure.layout.height = {height};\n");
        html.Append("Plotly.newPlot(document.getElementById(\"plot\"), figure.data, figure.layout, {\"staticPlot\": true});\n");
        html.Append("</script>\n</body>\n</html>\n");
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
