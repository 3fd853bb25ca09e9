using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Tests.Plots;

/// <summary>
/// Displays values the way .NET Interactive does for types that carry a convention-based
/// formatter source (dotnet/interactive, src/Microsoft.DotNet.Interactive.Formatting/Formatter.cs,
/// TryRegisterFromConventionBasedFormatterSources; FormattedValue.CreateManyFromObject): the same
/// reflection calls, in the same order, with the same compiled Format call.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DisplayConventionTests : IDisposable
{
    private readonly StaticImageMode previousMode = PlotDisplay.StaticImage;

    public void Dispose() => PlotDisplay.StaticImage = previousMode;

    private sealed record Formatter(Type Type, string MimeType, Func<object, TextWriter, bool> Format);

    private static (List<Formatter> Formatters, string[]? Preferred) Discover(Type type)
    {
        var formatters = new List<Formatter>();
        string[]? preferred = null;
        foreach (var attribute in type.GetCustomAttributes(true).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
        {
            if (Property<object>(attribute, "FormatterSourceType") is Type sourceType)
            {
                object source = Activator.CreateInstance(sourceType)!;
                if (source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null) is IEnumerable created)
                {
                    foreach (object formatter in created)
                    {
                        if (Property<string>(formatter, "MimeType") is string mimeType)
                        {
                            // Exactly .NET Interactive's binding: GetMethod by name (one overload only),
                            // called with (object, TextWriter), returning bool.
                            var method = formatter.GetType().GetMethod("Format")!;
                            var value = Expression.Parameter(typeof(object));
                            var writer = Expression.Parameter(typeof(TextWriter));
                            var call = Expression.Call(Expression.Constant(formatter), method, value, writer);
                            var format = Expression.Lambda<Func<object, TextWriter, bool>>(call, value, writer).Compile();
                            formatters.Add(new Formatter(Property<Type>(formatter, "Type") ?? type, mimeType, format));
                        }
                    }
                }
            }
            preferred = Property<string[]>(attribute, "PreferredMimeTypes") ?? preferred;
        }
        return (formatters, preferred);
    }

    private static T? Property<T>(object from, string name) where T : class =>
        from.GetType().GetProperty(name)?.GetGetMethod()?.Invoke(from, null) as T;

    private static Dictionary<string, (bool Wrote, string Text)> Display(object value)
    {
        var (formatters, preferred) = Discover(value.GetType());
        Assert.NotNull(preferred);
        var bundle = new Dictionary<string, (bool, string)>();
        foreach (string mimeType in preferred)
        {
            var formatter = formatters.Single(f => f.MimeType == mimeType && f.Type.IsInstanceOfType(value));
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            bool wrote = formatter.Format(value, writer);
            bundle[mimeType] = (wrote, writer.ToString());
        }
        return bundle;
    }

    [Fact]
    public void Figure_Convention_DiscoveredByAttributeName()
    {
        var (formatters, preferred) = Discover(typeof(Figure));
        Assert.NotNull(preferred);
        Assert.Equal(["text/html", "text/plain"], preferred);
        Assert.Equal(["text/html", "text/plain"], formatters.Select(f => f.MimeType));
        Assert.All(formatters, f => Assert.Equal(typeof(Figure), f.Type));
        Assert.Equal("GanNotes.Plots", typeof(TypeFormatterSourceAttribute).Namespace);
    }

    [Fact]
    public void Figure_Always_HtmlWithItsPngOnceAndSummary()
    {
        PlotDisplay.StaticImage = StaticImageMode.Always;
        var figure = FigureTests.PaperFigure1();
        int before = FigureExport.RenderCount;
        var bundle = Display(figure);

        var (htmlWrote, html) = bundle["text/html"];
        Assert.True(htmlWrote);
        Assert.False(bundle.ContainsKey("image/png")); // the PNG is stored once, in the HTML
        Assert.Contains("<div id=\"gannotes-plot-", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("https://cdn.plot.ly/plotly-3.7.0.min.js", html, StringComparison.Ordinal);
        const string source = "src=\"data:image/png;base64,";
        int start = html.IndexOf(source, StringComparison.Ordinal) + source.Length;
        Assert.Equal(-1, html.IndexOf(source, start, StringComparison.Ordinal));
        var png = PngTestDecoder.Decode(Convert.FromBase64String(html[start..html.IndexOf('"', start)]));
        Assert.Equal((640, 400), (png.Width, png.Height));
        Assert.Equal(before + 1, FigureExport.RenderCount);
        Assert.Equal((true, figure.ToString()), bundle["text/plain"]);
    }

    [Fact]
    public void Figure_Never_InteractiveOnlyAndNoPng()
    {
        PlotDisplay.StaticImage = StaticImageMode.Never;
        int before = FigureExport.RenderCount;
        var bundle = Display(Figure.Line(new[] { 1.0, 2 }));
        Assert.DoesNotContain("<img", bundle["text/html"].Text, StringComparison.Ordinal);
        Assert.Contains("static image skipped", bundle["text/html"].Text, StringComparison.Ordinal);
        Assert.Equal(before, FigureExport.RenderCount);
    }

    [Fact]
    public void Figure_AutoWithoutChromium_DegradesToInteractiveOnly()
    {
        PlotDisplay.StaticImage = StaticImageMode.Auto;
        using var scope = new EnvironmentVariableScope(FigureExport.ChromiumEnvironmentVariable, "/nonexistent/chromium");
        var bundle = Display(Figure.Line(new[] { 1.0, 2 }));
        Assert.True(bundle["text/html"].Wrote);
        Assert.Contains("Plotly.newPlot", bundle["text/html"].Text, StringComparison.Ordinal);
        Assert.Contains("GANNOTES_CHROMIUM", bundle["text/html"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", bundle["text/html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_AlwaysWithoutChromium_FailsWithClearMessage()
    {
        PlotDisplay.StaticImage = StaticImageMode.Always;
        using var scope = new EnvironmentVariableScope(FigureExport.ChromiumEnvironmentVariable, "/nonexistent/chromium");
        var ex = Assert.Throws<FileNotFoundException>(() => Display(Figure.Line(new[] { 1.0, 2 })));
        Assert.Contains("GANNOTES_CHROMIUM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageGrid_Convention_PngFirstWithHtmlOnRequest()
    {
        var grid = ImageGrid.FromTensor(Tensor.Rand([6, 64], new Rng(2)), columns: 3, scale: 2);
        var (formatters, preferred) = Discover(typeof(ImageGrid));
        Assert.NotNull(preferred);
        Assert.Equal(["image/png", "text/plain"], preferred);
        Assert.Equal(["image/png", "text/html", "text/plain"], formatters.Select(f => f.MimeType));

        var bundle = Display(grid);
        Assert.Equal(grid.ToPng(), Convert.FromBase64String(bundle["image/png"].Text));
        Assert.Equal(grid.ToString(), bundle["text/plain"].Text);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Assert.True(formatters.Single(f => f.MimeType == "text/html").Format(grid, writer));
        Assert.Equal(grid.ToHtml(), writer.ToString());
    }

    [Fact]
    public void Formatter_OtherType_ReturnsFalseAndWritesNothing()
    {
        var (formatters, _) = Discover(typeof(Figure));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Assert.All(formatters, f => Assert.False(f.Format("not a figure", writer)));
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void PlotDisplay_ParseMode_AcceptsThreeWordsAndNamesBadValue()
    {
        Assert.Equal(StaticImageMode.Auto, PlotDisplay.ParseMode(null));
        Assert.Equal(StaticImageMode.Always, PlotDisplay.ParseMode("Always"));
        Assert.Equal(StaticImageMode.Never, PlotDisplay.ParseMode(" never "));
        Assert.Contains("'sometimes'", Assert.Throws<InvalidOperationException>(() => PlotDisplay.ParseMode("sometimes")).Message, StringComparison.Ordinal);
    }
}
