using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>One axis of a <see cref="Layout"/> (plotly's <c>layout.xaxis</c> / <c>layout.yaxis</c>).</summary>
public sealed class Axis
{
    /// <summary>The axis label, e.g. "step" or "loss"; null for none.</summary>
    public string? Title { get; set; }

    /// <summary>The visible range; null lets plotly fit the data. On a log axis the bounds are log10 values.</summary>
    public (double Min, double Max)? Range { get; set; }

    /// <summary>
    /// True for a logarithmic axis (plotly's <c>type: "log"</c>), labelled in powers of ten
    /// (<c>exponentformat: "power"</c>: 10⁻⁶, not plotly's default SI prefixes such as "1μ").
    /// </summary>
    public bool Log { get; set; }

    /// <summary>Draws the axis from high to low (plotly's <c>autorange: "reversed"</c>), for image-like heatmaps.</summary>
    public bool Reversed { get; set; }

    /// <summary>False hides the axis line, ticks and grid (plotly's <c>visible: false</c>), for diagrams.</summary>
    public bool Visible { get; set; } = true;

    internal bool IsDefault => Title is null && Range is null && !Log && !Reversed && Visible;

    /// <param name="writer">Where the axis object goes.</param>
    /// <param name="name">"xaxis" or "yaxis".</param>
    /// <param name="titleRoom">How long the title may be, in pixels, before it is broken into lines (see <see cref="TitleFit"/>).</param>
    internal void WriteJson(Utf8JsonWriter writer, string name, double titleRoom)
    {
        writer.WriteStartObject(name);
        PlotValues.WriteTitle(writer, "title", TitleFit.Wrap(Title, titleRoom, TitleFit.AxisTitleFontSize));
        // plotly widens the margin when the tick labels or a title of several lines need more room.
        writer.WriteBoolean("automargin", true);
        if (Range is var (min, max))
        {
            writer.WriteStartArray("range");
            // A reversed axis with a fixed range is written high-to-low, which is how plotly reverses ranges.
            PlotValues.WriteNumber(writer, Reversed ? max : min);
            PlotValues.WriteNumber(writer, Reversed ? min : max);
            writer.WriteEndArray();
        }
        else if (Reversed)
        {
            writer.WriteString("autorange", "reversed");
        }
        if (Log)
        {
            writer.WriteString("type", "log");
            writer.WriteString("exponentformat", "power");
        }
        if (!Visible)
        {
            writer.WriteBoolean("visible", false);
        }
        writer.WriteEndObject();
    }
}
