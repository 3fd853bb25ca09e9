using System.Text.Json;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class TitleFitTests
{
    private const string LongYTitle = "Fréchet distance of the classifier's features";

    [Fact]
    public void Wrap_ShortText_Unchanged()
    {
        Assert.Equal("loss", TitleFit.Wrap("loss", 100, 14));
        Assert.Null(TitleFit.Wrap(null, 100, 14));
    }

    [Fact]
    public void Wrap_LongText_LinesThatFitAtWordBoundaries()
    {
        string wrapped = TitleFit.Wrap(LongYTitle, 170, 14)!;

        var lines = wrapped.Split("<br>");
        Assert.True(lines.Length > 1, wrapped);
        Assert.Equal(LongYTitle, string.Join(' ', lines));
        Assert.All(lines, line => Assert.True(TitleFit.EstimatedWidth(line, 14) <= 170, $"'{line}' is too long"));
    }

    [Fact]
    public void Wrap_TwoLines_EvenRatherThanALoneLastWord()
    {
        string title = "Fréchet distance to the test set per epoch (10000 samples; lower is better)";
        double room = TitleFit.ChartTitleRoom(700);

        var lines = TitleFit.Wrap(title, room, TitleFit.ChartTitleFontSize)!.Split("<br>");

        Assert.Equal(2, lines.Length);
        Assert.Equal(title, string.Join(' ', lines));
        double first = TitleFit.EstimatedWidth(lines[0], TitleFit.ChartTitleFontSize);
        double second = TitleFit.EstimatedWidth(lines[1], TitleFit.ChartTitleFontSize);
        Assert.True(first <= room && second <= room);
        Assert.True(Math.Abs(first - second) < 0.25 * (first + second), $"'{lines[0]}' / '{lines[1]}'");
    }

    [Fact]
    public void Wrap_GivenBreaksKeptAndOverlongWordWhole()
    {
        Assert.Equal("a<br>b", TitleFit.Wrap("a<br>b", 1000, 14));
        Assert.Equal("Fréchet<br>distance", TitleFit.Wrap("Fréchet distance", 10, 14));
    }

    [Fact]
    public void EstimatedWidth_AtLeastVerdanasAndAboveArials()
    {
        // Measured with Chromium's canvas at 14 px: 265 px in Liberation Sans (Arial's metrics, what
        // headless Chromium on Linux draws plotly's text in) and 301 px in DejaVu Sans (close to Verdana).
        double width = TitleFit.EstimatedWidth(LongYTitle, 14);
        Assert.InRange(width, 301, 1.5 * 265);
    }

    [Fact]
    public void EstimatedWidth_TagsTakeNoRoomAndLongestLineCounts()
    {
        Assert.Equal(TitleFit.EstimatedWidth("p_g", 12), TitleFit.EstimatedWidth("p<sub>_g</sub>", 12), 9);
        Assert.Equal(TitleFit.EstimatedWidth("a x b", 12), TitleFit.EstimatedWidth("a &amp; b", 12), 9);
        Assert.Equal(TitleFit.EstimatedWidth("abcdef", 12), TitleFit.EstimatedWidth("abc<br>abcdef", 12), 9);
    }

    [Fact]
    public void FigureJson_LongYTitleOnShortChart_BrokenToThePlotHeightAndAxesAutomargin()
    {
        var figure = Figure.Line(new[] { 1.0, 2 }).WithAxes("epoch", LongYTitle).WithSize(700, 350);

        var layout = JsonDocument.Parse(figure.ToJson()).RootElement.GetProperty("layout");

        string y = layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString()!;
        Assert.Contains("<br>", y, StringComparison.Ordinal);
        Assert.All(y.Split("<br>"), line => Assert.True(TitleFit.EstimatedWidth(line, TitleFit.AxisTitleFontSize) <= 350 - 180, line));
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.True(layout.GetProperty("xaxis").GetProperty("automargin").GetBoolean());
        Assert.True(layout.GetProperty("yaxis").GetProperty("automargin").GetBoolean());
        // The same title on a taller chart fits on one line.
        var tall = JsonDocument.Parse(figure.WithSize(700, 700).ToJson()).RootElement.GetProperty("layout");
        Assert.Equal(LongYTitle, tall.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        // The figure keeps its titles as given; only the JSON breaks them.
        Assert.Equal(LongYTitle, figure.Layout.YAxis.Title);
    }

    [Fact]
    public void FigureJson_ChartTitleWiderThanTheFigure_Broken()
    {
        string title = "seed004 (lr 1e-5, 250 epochs): Fréchet distance every 10 epochs, 10,000 samples";
        var narrow = JsonDocument.Parse(Figure.Line(new[] { 1.0 }).WithTitle(title).WithSize(500, 350).ToJson()).RootElement;
        var wide = JsonDocument.Parse(Figure.Line(new[] { 1.0 }).WithTitle(title).WithSize(1200, 350).ToJson()).RootElement;

        Assert.Contains("<br>", narrow.GetProperty("layout").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(title, wide.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }
}
