using System.Text.Json;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class AxisTests
{
    private static JsonElement Layout(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement.GetProperty("layout");

    [Fact]
    public void LogAxis_LabelledInPowersOfTen()
    {
        // Without it plotly labels 1e-4 as "100μ": SI prefixes mean nothing on a gradient norm.
        var yaxis = Layout(Figure.Line(new[] { 1.0, 2, 3 }, new[] { 1e-7, 1e-3, 20 }).WithLogY()).GetProperty("yaxis");

        Assert.Equal("log", yaxis.GetProperty("type").GetString());
        Assert.Equal("power", yaxis.GetProperty("exponentformat").GetString());
    }

    [Fact]
    public void LinearAxis_KeepsPlotlysDefaultLabels()
    {
        var layout = Layout(Figure.Line(new[] { 1.0, 2, 3 }, new[] { 1e-7, 1e-3, 20 }).WithLogY().WithLogY(false).WithAxes("step", "norm"));

        Assert.False(layout.GetProperty("yaxis").TryGetProperty("exponentformat", out _));
        Assert.False(layout.GetProperty("xaxis").TryGetProperty("exponentformat", out _));
    }
}
