using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A straight line from (X0, Y0) to (X1, Y1) in data coordinates, drawn under the traces
/// (plotly's <c>layout.shapes</c> with <c>type: "line"</c>): reference lines such as
/// D = 1/2, or the horizontal z and x axes of the GAN paper's Figure 1.
/// </summary>
public sealed class Segment
{
    /// <summary>Start x.</summary>
    public double X0 { get; set; }

    /// <summary>Start y.</summary>
    public double Y0 { get; set; }

    /// <summary>End x.</summary>
    public double X1 { get; set; }

    /// <summary>End y.</summary>
    public double Y1 { get; set; }

    /// <summary>Any CSS colour; null is plotly's default.</summary>
    public string? Color { get; set; }

    /// <summary>Line width in pixels.</summary>
    public double Width { get; set; } = 1;

    /// <summary>The dash pattern.</summary>
    public LineDash Dash { get; set; } = LineDash.Solid;

    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "line");
        writer.WriteString("xref", "x");
        writer.WriteString("yref", "y");
        PlotValues.WriteNumber(writer, "x0", X0);
        PlotValues.WriteNumber(writer, "y0", Y0);
        PlotValues.WriteNumber(writer, "x1", X1);
        PlotValues.WriteNumber(writer, "y1", Y1);
        writer.WriteStartObject("line");
        if (Color is not null)
        {
            writer.WriteString("color", Color);
        }
        PlotValues.WriteNumber(writer, "width", Width);
        writer.WriteString("dash", PlotValues.DashName(Dash));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
