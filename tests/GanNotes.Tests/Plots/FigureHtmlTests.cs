using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public partial class FigureHtmlTests
{
    [GeneratedRegex("<div id=\"(gannotes-plot-([0-9a-f]{12})-[0-9]+)\"")]
    private static partial Regex DivId();

    private static readonly byte[] TinyPng = PngWriter.Encode([0, 255, 255, 0], 2, 2, PngColorType.Grayscale);

    [Fact]
    public void ToHtml_Cdn_DivScriptAndPinnedUrl()
    {
        string html = FigureTests.PaperFigure1().ToHtml();
        string id = DivId().Match(html).Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains($"document.getElementById(\"{id}\")", html, StringComparison.Ordinal);
        Assert.Contains("https://cdn.plot.ly/plotly-3.7.0.min.js", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(el, figure.data, figure.layout, config)", html, StringComparison.Ordinal);
        Assert.Contains("width:640px;height:400px;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v3", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EmbedsFigureJsonVerbatim()
    {
        var figure = FigureTests.PaperFigure1();
        Assert.Contains("var figure = " + figure.ToJson() + ";", figure.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TwoCalls_DistinctIds()
    {
        var figure = Figure.Line(new[] { 1.0, 2 });
        var a = DivId().Match(figure.ToHtml()).Groups;
        var b = DivId().Match(figure.ToHtml()).Groups;
        Assert.NotEqual(a[1].Value, b[1].Value);
        // Same figure, same hash part: re-running a notebook does not churn the ids' stable half.
        Assert.Equal(a[2].Value, b[2].Value);
        Assert.NotEqual(a[2].Value, DivId().Match(Figure.Line(new[] { 1.0, 3 }).ToHtml()).Groups[2].Value);
    }

    [Fact]
    public void Fragment_StaticPng_ImgInsideDivRemovedBeforeNewPlot()
    {
        var figure = Figure.Line(new[] { 1.0, 2 }).WithTitle("a & b");
        string html = FigureHtml.Fragment(figure, PlotlyJs.Cdn, TinyPng);
        int div = html.IndexOf("<div id=", StringComparison.Ordinal);
        int img = html.IndexOf("<img class=\"gannotes-static\" src=\"data:image/png;base64," + Convert.ToBase64String(TinyPng) + "\"", StringComparison.Ordinal);
        int divEnd = html.IndexOf("</div>", StringComparison.Ordinal);
        Assert.True(div >= 0 && div < img && img < divEnd, "the fallback image sits inside the plot's div");
        Assert.Contains("width=\"2\" height=\"2\" alt=\"a &amp; b\"", html, StringComparison.Ordinal);
        int remove = html.IndexOf("removeChild(img)", StringComparison.Ordinal);
        int newPlot = html.IndexOf("Plotly.newPlot", StringComparison.Ordinal);
        Assert.True(divEnd < remove && remove < newPlot, "the script removes the image right before drawing");
    }

    [Fact]
    public void ToHtml_Inline_CarriesLocalPlotlyAndNoCdn()
    {
        string html = Figure.Line(new[] { 1.0, 2 }).ToHtml(PlotlyJs.Inline());
        Assert.Contains("plotly.js v" + PlotlyJs.Version, html, StringComparison.Ordinal);
        Assert.Contains("if (!window.Plotly) {", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyJs.Cdn.Url!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("gannotesPlotlyLoading", html, StringComparison.Ordinal);
        Assert.True(html.Length > 1_000_000);
        Assert.True(html.IndexOf("window.Plotly = Plotly", StringComparison.Ordinal) < html.IndexOf("Plotly.newPlot(el, figure.data", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtmlPage_CompleteDocumentWithTitle()
    {
        string page = Figure.Line(new[] { 1.0 }).WithTitle("Losses <1>").ToHtmlPage(PlotlyJs.FromUrl(new Uri("https://example.org/plotly.js")));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Losses &lt;1&gt;</title>", page, StringComparison.Ordinal);
        Assert.Contains("s.src = \"https://example.org/plotly.js\";", page, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveHtml_WritesPageAtomically()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            string path = Path.Combine(dir.FullName, "plots", "loss.html");
            string script = Path.Combine(dir.FullName, "plotly.min.js");
            File.WriteAllText(script, "/* local plotly: é */");
            var figure = Figure.Line(new[] { 1.0, 2 });

            figure.SaveHtml(path, PlotlyJs.Inline(script));

            // Streamed to the file, the page is the one ToHtmlPage builds (up to the
            // per-render element id), as UTF-8 without a byte-order mark.
            byte[] bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            static string WithoutIds(string html) => Regex.Replace(html, "gannotes-plot-[0-9a-f]+-[0-9]+", "ID");
            Assert.Equal(WithoutIds(figure.ToHtmlPage(PlotlyJs.Inline(script))), WithoutIds(Encoding.UTF8.GetString(bytes)));
            Assert.Contains("/* local plotly: é */", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ExportPage_StaticPlotAtRequestedSize()
    {
        string page = FigureHtml.ExportPage(Figure.Line(new[] { 1.0, 2 }), "/* plotly */", 321, 123);
        Assert.Contains("{\"staticPlot\": true}", page, StringComparison.Ordinal);
        Assert.Contains("figure.layout.width = 321;", page, StringComparison.Ordinal);
        Assert.Contains("width:321px;height:123px;", page, StringComparison.Ordinal);
        Assert.Contains("/* plotly */", page, StringComparison.Ordinal);
    }
}
