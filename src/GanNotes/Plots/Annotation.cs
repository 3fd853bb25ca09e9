using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A text label or an arrow placed in data coordinates (an element of plotly's
/// <c>layout.annotations</c>). The GAN paper's Figure 1 draws its z -> x = G(z) mapping
/// as arrows from the z line up to the x line.
/// </summary>
/// <remarks>
/// With <see cref="ShowArrow"/>, the arrow points at (<see cref="X"/>, <see cref="Y"/>) and
/// its tail is at (<see cref="TailX"/>, <see cref="TailY"/>), both in data units (plotly's
/// <c>axref: "x"</c>, <c>ayref: "y"</c>); the text, if any, sits at the tail.
/// </remarks>
public sealed class Annotation
{
    /// <summary>The x of the label, or of the arrow's head.</summary>
    public double X { get; set; }

    /// <summary>The y of the label, or of the arrow's head.</summary>
    public double Y { get; set; }

    /// <summary>The label text (plotly accepts a little HTML: &lt;b&gt;, &lt;sub&gt;, &lt;br&gt;).</summary>
    public string Text { get; set; } = "";

    /// <summary>Whether to draw an arrow from the tail to (X, Y).</summary>
    public bool ShowArrow { get; set; }

    /// <summary>The x of the arrow's tail, in data units.</summary>
    public double TailX { get; set; }

    /// <summary>The y of the arrow's tail, in data units.</summary>
    public double TailY { get; set; }

    /// <summary>Arrow and text colour (any CSS colour); null is plotly's dark grey.</summary>
    public string? Color { get; set; }

    /// <summary>plotly's arrow-head style, 0 (none) to 8; 2 is a filled triangle.</summary>
    public int ArrowHead { get; set; } = 2;

    /// <summary>The arrow line's width in pixels.</summary>
    public double ArrowWidth { get; set; } = 1;

    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        PlotValues.WriteNumber(writer, "x", X);
        PlotValues.WriteNumber(writer, "y", Y);
        writer.WriteString("xref", "x");
        writer.WriteString("yref", "y");
        writer.WriteString("text", Text);
        writer.WriteBoolean("showarrow", ShowArrow);
        if (ShowArrow)
        {
            PlotValues.WriteNumber(writer, "ax", TailX);
            PlotValues.WriteNumber(writer, "ay", TailY);
            writer.WriteString("axref", "x");
            writer.WriteString("ayref", "y");
            writer.WriteNumber("arrowhead", ArrowHead);
            PlotValues.WriteNumber(writer, "arrowwidth", ArrowWidth);
            if (Color is not null)
            {
                writer.WriteString("arrowcolor", Color);
            }
        }
        if (Color is not null)
        {
            writer.WriteStartObject("font");
            writer.WriteString("color", Color);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
