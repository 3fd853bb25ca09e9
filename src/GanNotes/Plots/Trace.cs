using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// One data series of a <see cref="Figure"/>: an element of plotly's <c>data</c> array.
/// </summary>
/// <remarks>
/// The concrete kinds are <see cref="ScatterTrace"/> (lines, points, density curves),
/// <see cref="HistogramTrace"/> and <see cref="HeatmapTrace"/>. Their properties are
/// settable, so a trace can be restyled after <c>Figure.AddLine(...)</c> returned.
/// </remarks>
public abstract class Trace
{
    private protected Trace()
    {
    }

    /// <summary>The legend entry (plotly's <c>name</c>); null leaves it to plotly ("trace 0").</summary>
    public string? Name { get; set; }

    /// <summary>Whether the trace appears in the legend; null leaves it to plotly.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Opacity in [0, 1]; null is opaque (histograms overlaid on one chart default to 0.6).</summary>
    public double? Opacity { get; set; }

    /// <summary>plotly's trace type: <c>"scatter"</c>, <c>"histogram"</c>, <c>"heatmap"</c>.</summary>
    public abstract string Type { get; }

    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }
        if (ShowLegend is bool show)
        {
            writer.WriteBoolean("showlegend", show);
        }
        if (Opacity is double opacity)
        {
            PlotValues.WriteNumber(writer, "opacity", opacity);
        }
        WriteAttributes(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes the type-specific attributes into the open trace object.</summary>
    private protected abstract void WriteAttributes(Utf8JsonWriter writer);
}
