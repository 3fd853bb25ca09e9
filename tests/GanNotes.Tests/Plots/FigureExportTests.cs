using System.Diagnostics;
using GanNotes.Plots;
using Xunit.Abstractions;

namespace GanNotes.Tests.Plots;

[Collection(ProcessEnvironment.Name)]
public class FigureExportTests(ITestOutputHelper output)
{
    [Fact]
    public void ToPng_PaperFigure1_RequestedSizeAndDrawnInColour()
    {
        var figure = FigureTests.PaperFigure1();
        var watch = Stopwatch.StartNew();
        byte[] bytes = FigureExport.ToPng(figure, 640, 400);
        output.WriteLine($"Chromium export 640x400: {watch.ElapsedMilliseconds} ms");

        var png = PngTestDecoder.Decode(bytes);
        Assert.Equal((640, 400), (png.Width, png.Height));
        int nonWhite = 0, green = 0, blue = 0;
        var colours = new HashSet<int>();
        for (int y = 0; y < png.Height; y++)
        {
            for (int x = 0; x < png.Width; x++)
            {
                var p = png.Pixel(x, y);
                int r = p[0], g = png.Channels >= 3 ? p[1] : p[0], b = png.Channels >= 3 ? p[2] : p[0];
                colours.Add((r << 16) | (g << 8) | b);
                if (r < 245 || g < 245 || b < 245)
                {
                    nonWhite++;
                }
                if (g > 100 && r < 60 && b < 60)
                {
                    green++; // p_g, plotly's "green" is rgb(0, 128, 0)
                }
                if (b > 180 && r < 60 && g < 60)
                {
                    blue++;  // D
                }
            }
        }
        output.WriteLine($"non-white {nonWhite}, green {green}, blue {blue}, distinct colours {colours.Count}");
        Assert.True(nonWhite > 2000, $"only {nonWhite} non-white pixels: the chart looks blank");
        Assert.True(colours.Count > 20, $"only {colours.Count} distinct colours");
        Assert.True(green > 200, $"only {green} green pixels: the p_g line was not drawn");
        Assert.True(blue > 100, $"only {blue} blue pixels: the D line was not drawn");
    }

    [Fact]
    public void ToPng_SameFigureTwice_RendersOnceUntilChanged()
    {
        var figure = FigureTests.PaperFigure1();
        int before = FigureExport.RenderCount;
        byte[] first = figure.ToPng();
        var watch = Stopwatch.StartNew();
        byte[] second = figure.ToPng();
        output.WriteLine($"cached export: {watch.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.Equal(first, second);
        Assert.Equal(before + 1, FigureExport.RenderCount);

        figure.WithTitle("changed");
        figure.ToPng();
        Assert.Equal(before + 2, FigureExport.RenderCount);
        figure.ToPng(300, 200);
        Assert.Equal(before + 3, FigureExport.RenderCount);
    }

    [Fact]
    public void SavePng_DefaultSize_700By450File()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            string path = Path.Combine(dir.FullName, "out", "hist.png");
            var samples = Enumerable.Range(0, 500).Select(i => Math.Sin(i * 0.37) * 2);
            Figure.Histogram(samples, bins: 30, name: "samples", density: true).SavePng(path);
            var png = PngTestDecoder.Decode(File.ReadAllBytes(path));
            Assert.Equal((FigureExport.DefaultWidth, FigureExport.DefaultHeight), (png.Width, png.Height));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ToPng_YTitleLongerThanTheFigureIsTall_DrawnWholeInsideTheImage()
    {
        // About 440 px of text at 14 px in Arial, on a figure 350 px tall: unbroken, plotly centres
        // it on the plot area and both of its ends fall outside the image.
        const string title = "the Fréchet distance of the classifier's penultimate features, per epoch";
        var figure = Figure.Line(new[] { 1.0, 2, 3 }).WithAxes("epoch", title).WithSize(500, 350);

        var png = PngTestDecoder.Decode(figure.ToPng());

        // The title sits left of the plot area: nothing of it in the image's first and last rows,
        // and some of it in the rows between.
        bool Dark(int x, int y) => png.Pixel(x, y)[0] < 200;
        int inTitleColumns = 0;
        for (int x = 0; x < 60; x++)
        {
            Assert.False(Dark(x, 0) || Dark(x, 1) || Dark(x, png.Height - 2) || Dark(x, png.Height - 1),
                $"the y title touches the image's edge at x = {x}");
            for (int y = 2; y < png.Height - 2; y++)
            {
                inTitleColumns += Dark(x, y) ? 1 : 0;
            }
        }
        Assert.True(inTitleColumns > 100, $"only {inTitleColumns} dark pixels where the y title should be");
    }

    [Fact]
    public void ToHtml_StaticImage_EmbedsChromiumPng()
    {
        var figure = Figure.Line(new[] { 1.0, 3, 2 }, "loss").WithSize(400, 300);
        string html = figure.ToHtml(staticImage: true);
        Assert.Contains("<img class=\"gannotes-static\" src=\"data:image/png;base64," + Convert.ToBase64String(figure.ToPng()), html, StringComparison.Ordinal);
        Assert.Contains("width=\"400\" height=\"300\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPng_BogusChromiumVariable_ClearErrorNamingIt()
    {
        using var scope = new EnvironmentVariableScope(FigureExport.ChromiumEnvironmentVariable, "/nonexistent/chromium");
        var ex = Assert.Throws<FileNotFoundException>(() => FigureExport.ToPng(Figure.Line(new[] { 1.0, 2 })));
        Assert.Contains("GANNOTES_CHROMIUM", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/chromium", ex.Message, StringComparison.Ordinal);
        Assert.False(FigureExport.IsAvailable);
    }

    [Fact]
    public void LocateChromium_NoneOnPath_MessageNamesPackageAndVariable()
    {
        using var hidden = new ChromiumHidden();
        var ex = Assert.Throws<FileNotFoundException>(FigureExport.LocateChromium);
        Assert.Contains("apt-get install chromium", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GANNOTES_CHROMIUM", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPng_ChromiumThatWritesNothing_ClearError()
    {
        // /bin/true exits at once without a screenshot: the error must say so, not hand back garbage.
        using var scope = new EnvironmentVariableScope(FigureExport.ChromiumEnvironmentVariable, "/bin/true");
        var ex = Assert.Throws<InvalidOperationException>(() => FigureExport.ToPng(Figure.Line(new[] { 1.0, 2 })));
        Assert.Contains("without writing a screenshot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPng_BogusPlotlyVariable_ClearErrorNamingIt()
    {
        using var scope = new EnvironmentVariableScope(PlotlyJs.EnvironmentVariable, "/nonexistent/plotly.min.js");
        var ex = Assert.Throws<FileNotFoundException>(() => FigureExport.ToPng(Figure.Line(new[] { 1.0, 2 })));
        Assert.Contains("GANNOTES_PLOTLYJS", ex.Message, StringComparison.Ordinal);
    }
}
