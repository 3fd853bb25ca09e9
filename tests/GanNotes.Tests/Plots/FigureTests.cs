using System.Globalization;
using System.Text.Json;
using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Tests.Plots;

public class FigureTests
{
    private static JsonElement Parse(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement;

    /// <summary>The GAN paper's Figure 1: black dotted p_data, green solid p_g, blue dashed D, z -> x arrows.</summary>
    internal static Figure PaperFigure1()
    {
        var x = Enumerable.Range(0, 101).Select(i => -4 + 8 * i / 100.0).ToArray();
        var pData = x.Select(v => Math.Exp(-(v - 1) * (v - 1) / 2) / Math.Sqrt(2 * Math.PI)).ToArray();
        var pG = x.Select(v => Math.Exp(-(v + 0.5) * (v + 0.5) / 2) / Math.Sqrt(2 * Math.PI)).ToArray();
        var d = pData.Zip(pG, (a, b) => a / (a + b)).ToArray();
        var figure = Figure.Line(x, pData, "p_data", color: "black", dash: LineDash.Dot)
            .AddLine(x, pG, "p_g", color: "green")
            .AddLine(x, d, "D", color: "blue", dash: LineDash.Dash)
            .AddSegment(-4, -0.25, 4, -0.25, color: "black")
            .WithTitle("Figure 1 (b)")
            .WithAxes("x", "density")
            .WithSize(640, 400);
        foreach (double z in new[] { -3.0, -1.5, 0.0, 1.5, 3.0 })
        {
            figure.AddArrow(z, -0.25, 0.6 * z - 0.5, 0, color: "gray");
        }
        return figure;
    }

    [Fact]
    public void ErrorBars_LineWithMarkersAndDataErrorY()
    {
        var trace = Parse(Figure.ErrorBars(new[] { 1, 2 }, new[] { 0.5, 0.25 }, new[] { 0.1, 0.05 }, "k = 1", "green"))
            .GetProperty("data")[0];

        Assert.Equal("lines+markers", trace.GetProperty("mode").GetString());
        var error = trace.GetProperty("error_y");
        Assert.Equal("data", error.GetProperty("type").GetString());
        Assert.Equal([0.1, 0.05], error.GetProperty("array").EnumerateArray().Select(e => e.GetDouble()));
        Assert.True(error.GetProperty("visible").GetBoolean());
        Assert.Equal("green", error.GetProperty("color").GetString());
    }

    [Fact]
    public void ErrorBars_LengthsDiffer_Refused()
    {
        Assert.Throws<ArgumentException>(() => Figure.ErrorBars(new[] { 1, 2 }, new[] { 0.5, 0.25 }, new[] { 0.1 }));
    }

    [Fact]
    public void ToJson_PaperFigure1_NamesModesDashesAndColours()
    {
        var root = Parse(PaperFigure1());
        var data = root.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        string[] names = ["p_data", "p_g", "D"], colors = ["black", "green", "blue"], dashes = ["dot", "solid", "dash"];
        for (int i = 0; i < 3; i++)
        {
            var trace = data[i];
            Assert.Equal("scatter", trace.GetProperty("type").GetString());
            Assert.Equal("lines", trace.GetProperty("mode").GetString());
            Assert.Equal(names[i], trace.GetProperty("name").GetString());
            Assert.Equal(colors[i], trace.GetProperty("line").GetProperty("color").GetString());
            Assert.Equal(dashes[i], trace.GetProperty("line").GetProperty("dash").GetString());
            Assert.Equal(101, trace.GetProperty("x").GetArrayLength());
            Assert.Equal(101, trace.GetProperty("y").GetArrayLength());
        }
        var layout = root.GetProperty("layout");
        Assert.Equal("Figure 1 (b)", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("x", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("density", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(640, layout.GetProperty("width").GetInt32());
        Assert.Equal(400, layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void ToJson_Arrow_IsAnnotationWithTailInDataUnits()
    {
        var arrow = Parse(PaperFigure1()).GetProperty("layout").GetProperty("annotations")[0];
        Assert.True(arrow.GetProperty("showarrow").GetBoolean());
        Assert.Equal(-2.3, arrow.GetProperty("x").GetDouble(), 12);  // head: G(z) = 0.6 z - 0.5 at z = -3
        Assert.Equal(0, arrow.GetProperty("y").GetDouble());
        Assert.Equal(-3, arrow.GetProperty("ax").GetDouble());       // tail: z
        Assert.Equal(-0.25, arrow.GetProperty("ay").GetDouble());
        Assert.Equal("x", arrow.GetProperty("axref").GetString());
        Assert.Equal("y", arrow.GetProperty("ayref").GetString());
        Assert.Equal("x", arrow.GetProperty("xref").GetString());
        Assert.Equal("gray", arrow.GetProperty("arrowcolor").GetString());
        Assert.Equal(2, arrow.GetProperty("arrowhead").GetInt32());
    }

    [Fact]
    public void ToJson_SegmentAndText_AreShapeAndLabel()
    {
        var layout = Parse(new Figure().AddSegment(0, 0.5, 1, 0.5, "red", LineDash.Dash).AddText(0.5, 0.6, "D = 1/2")).GetProperty("layout");
        var shape = layout.GetProperty("shapes")[0];
        Assert.Equal("line", shape.GetProperty("type").GetString());
        Assert.Equal((0.0, 0.5, 1.0, 0.5), (shape.GetProperty("x0").GetDouble(), shape.GetProperty("y0").GetDouble(), shape.GetProperty("x1").GetDouble(), shape.GetProperty("y1").GetDouble()));
        Assert.Equal("red", shape.GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("dash", shape.GetProperty("line").GetProperty("dash").GetString());
        var text = layout.GetProperty("annotations")[0];
        Assert.Equal("D = 1/2", text.GetProperty("text").GetString());
        Assert.False(text.GetProperty("showarrow").GetBoolean());
    }

    [Fact]
    public void ToJson_DensityHistogram_HistnormAndExactBins()
    {
        double[] samples = [0, 1, 1, 2, 3, 4, 4, 4, 5, 10];
        var trace = Parse(Figure.Histogram(samples, bins: 20, name: "p_g samples", density: true)).GetProperty("data")[0];
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        Assert.Equal("probability density", trace.GetProperty("histnorm").GetString());
        Assert.Equal("p_g samples", trace.GetProperty("name").GetString());
        Assert.Equal(10, trace.GetProperty("x").GetArrayLength());
        var bins = trace.GetProperty("xbins");
        double start = bins.GetProperty("start").GetDouble(), end = bins.GetProperty("end").GetDouble(), size = bins.GetProperty("size").GetDouble();
        Assert.Equal((0.0, 10.0), (start, end));
        // 20 bins of [left, right): the 20th right edge lies just past the largest sample.
        Assert.True(start + 20 * size > 10 && start + 20 * size < 10 + 1e-6);
        Assert.True(start + 19 * size < 10);
    }

    [Fact]
    public void ToJson_CountHistogram_NoHistnorm()
    {
        var trace = Parse(Figure.Histogram(new[] { 1f, 2f, 3f })).GetProperty("data")[0];
        Assert.False(trace.TryGetProperty("histnorm", out _));
        Assert.False(trace.TryGetProperty("xbins", out _));
    }

    [Fact]
    public void ToJson_TwoHistograms_OverlaidAndSeeThrough()
    {
        var root = Parse(Figure.Histogram(new[] { 1.0, 2.0 }, bins: 5, name: "real", density: true)
            .AddHistogram(new[] { 1.5, 2.5 }, bins: 5, name: "fake", density: true, color: "green"));
        Assert.Equal("overlay", root.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.All(root.GetProperty("data").EnumerateArray(), t => Assert.Equal(0.6, t.GetProperty("opacity").GetDouble()));
        Assert.Equal("green", root.GetProperty("data")[1].GetProperty("marker").GetProperty("color").GetString());
    }

    [Fact]
    public void ToJson_Heatmap_RowsColumnsAndAxes()
    {
        var z = new double[,] { { 1, 2, 3 }, { 4, 5, double.NaN } };
        var trace = Parse(Figure.Heatmap(z, x: [10, 20, 30], y: [-1, 1], name: "V", colorScale: "RdBu")).GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var rows = trace.GetProperty("z");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(3, rows[0].GetArrayLength());
        Assert.Equal(5, rows[1][1].GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1][2].ValueKind);
        Assert.Equal(30, trace.GetProperty("x")[2].GetDouble());
        Assert.Equal(-1, trace.GetProperty("y")[0].GetDouble());
        Assert.Equal("RdBu", trace.GetProperty("colorscale").GetString());
    }

    [Fact]
    public void ToJson_HeatmapFromTensor_MatchesArray()
    {
        var tensor = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal(Figure.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }).ToJson(), Figure.Heatmap(tensor).ToJson());
        Assert.Throws<ArgumentException>(() => Figure.Heatmap(Tensor.Zeros(4)));
    }

    [Fact]
    public void ToJson_NaNAndInfinity_WrittenAsNull()
    {
        var y = Parse(Figure.Line(new[] { 0.0, 1, 2 }, new[] { double.NaN, double.PositiveInfinity, 1.5 })).GetProperty("data")[0].GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(1.5, y[2].GetDouble());
    }

    [Fact]
    public void ToJson_CommaDecimalCulture_StillInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = comma;
            string json = Figure.Line(new[] { 0.5, 1.25 }, new[] { 2.5, 3.75 }).WithXRange(0.5, 1.5).ToJson();
            Assert.Contains("[0.5,1.25]", json, StringComparison.Ordinal);
            Assert.Contains("\"range\":[0.5,1.5]", json, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToJson_Float32Values_WrittenInShortestForm()
    {
        string json = Figure.Line(new[] { 0.1f, 0.7f }).ToJson();
        Assert.Contains("\"y\":[0.1,0.7]", json, StringComparison.Ordinal);
        Assert.Contains("\"x\":[0,1]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_NumberContainersAndTensors_GiveSameSeries()
    {
        string expected = Figure.Line(new[] { 0.0, 1, 2 }, new[] { 3.0, 4, 5 }).ToJson();
        Assert.Equal(expected, Figure.Line(new[] { 0f, 1, 2 }, new[] { 3f, 4, 5 }).ToJson());
        Assert.Equal(expected, Figure.Line(new[] { 0, 1, 2 }, new List<float> { 3, 4, 5 }).ToJson());
        Assert.Equal(expected, Figure.Line(Enumerable.Range(0, 3), Enumerable.Range(3, 3).Select(i => (double)i)).ToJson());
        Assert.Equal(expected, Figure.Line(Tensor.FromArray([0f, 1, 2]), Tensor.FromArray([3f, 4, 5])).ToJson());
        Assert.Equal(expected, Figure.Line(new[] { 3.0, 4, 5 }).ToJson());
        Assert.Equal(expected, Figure.Line(Tensor.FromArray([3f, 4, 5])).ToJson());
        // A discriminator's [N, 1] output column counts as 1-D.
        Assert.Equal(expected, Figure.Line(Tensor.FromArray([3f, 4, 5], 3, 1)).ToJson());
    }

    [Fact]
    public void Line_YAndName_PicksYOnlyOverload()
    {
        var trace = Parse(Figure.Line(new List<float> { 5, 6 }, "D loss")).GetProperty("data")[0];
        Assert.Equal("D loss", trace.GetProperty("name").GetString());
        Assert.Equal(1, trace.GetProperty("x")[1].GetDouble());
    }

    [Fact]
    public void Line_MatrixTensor_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Figure.Line(Tensor.Zeros(2, 3)));
        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_LengthMismatch_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Figure.Line(new[] { 1.0, 2 }, new[] { 1.0, 2, 3 }));
        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scatter_Markers_WritesMarkerNotLine()
    {
        var trace = Parse(Figure.Scatter(new[] { 1.0 }, new[] { 2.0 }, "z", color: "red", size: 4)).GetProperty("data")[0];
        Assert.Equal("markers", trace.GetProperty("mode").GetString());
        Assert.Equal("red", trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(4, trace.GetProperty("marker").GetProperty("size").GetDouble());
        Assert.False(trace.TryGetProperty("line", out _));
    }

    [Fact]
    public void LayoutOptions_RangeLogLegend_Written()
    {
        var layout = Parse(Figure.Line(new[] { 1.0, 10 }).WithYRange(-1, 2).WithLogY().WithXRange(0, 5)
            .WithLegend(true, LegendPosition.BottomLeft)).GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(2, layout.GetProperty("yaxis").GetProperty("range")[1].GetDouble());
        Assert.Equal(5, layout.GetProperty("xaxis").GetProperty("range")[1].GetDouble());
        Assert.True(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal("left", layout.GetProperty("legend").GetProperty("xanchor").GetString());
        Assert.Equal("bottom", layout.GetProperty("legend").GetProperty("yanchor").GetString());
    }

    [Fact]
    public void WithLegendAbove_OneHorizontalRowOverThePlotArea()
    {
        var legend = Parse(Figure.Line(new[] { 1.0, 2 }).WithLegend(true, LegendPosition.Above)).GetProperty("layout").GetProperty("legend");
        Assert.Equal("h", legend.GetProperty("orientation").GetString());
        Assert.Equal("bottom", legend.GetProperty("yanchor").GetString());
        Assert.True(legend.GetProperty("y").GetDouble() > 1);
    }

    [Fact]
    public void With_BadArguments_ThrowNamingValue()
    {
        var figure = new Figure();
        Assert.Contains("5", Assert.Throws<ArgumentOutOfRangeException>(() => figure.WithSize(5, 100)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => figure.WithXRange(2, 1));
        Assert.Throws<ArgumentException>(() => figure.WithYRange(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => figure.AddHistogram(new[] { 1.0 }, bins: 0));
    }

    [Fact]
    public void ToJson_TitleWithMarkup_EscapedForScriptElements()
    {
        string json = new Figure().WithTitle("</script><script>alert(1)</script>").ToJson();
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(json).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ToString_Summary_NamesTitleTracesAndSize()
    {
        Assert.Equal("Figure \"Figure 1 (b)\": 3 traces (scatter \"p_data\", scatter \"p_g\", scatter \"D\"), 640x400", PaperFigure1().ToString());
        Assert.Equal("Figure: 0 traces", new Figure().ToString());
    }

    [Fact]
    public void Traces_MutatedAfterAdd_ReflectedInJson()
    {
        var figure = Figure.Line(new[] { 1.0, 2 }, "before");
        ((ScatterTrace)figure.Traces[0]).Name = "after";
        ((ScatterTrace)figure.Traces[0]).Mode = ScatterMode.LinesAndMarkers;
        var trace = Parse(figure).GetProperty("data")[0];
        Assert.Equal("after", trace.GetProperty("name").GetString());
        Assert.Equal("lines+markers", trace.GetProperty("mode").GetString());
        Assert.True(trace.TryGetProperty("marker", out _));
    }
}
