using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>Everything about a <see cref="Figure"/> that is not data (plotly's <c>layout</c>).</summary>
public sealed class Layout
{
    /// <summary>The chart title, or null.</summary>
    public string? Title { get; set; }

    /// <summary>The horizontal axis.</summary>
    public Axis XAxis { get; } = new();

    /// <summary>The vertical axis.</summary>
    public Axis YAxis { get; } = new();

    /// <summary>Width in pixels; null fills the notebook cell (and is 700 in a PNG export).</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels; null is 450.</summary>
    public int? Height { get; set; }

    /// <summary>Whether to draw the legend; null lets plotly decide (shown when there are two or more named traces).</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Where the legend goes.</summary>
    public LegendPosition LegendPosition { get; set; } = LegendPosition.Outside;

    /// <summary>Text labels and arrows.</summary>
    public IList<Annotation> Annotations { get; } = new List<Annotation>();

    /// <summary>Straight line segments drawn under the traces.</summary>
    public IList<Segment> Segments { get; } = new List<Segment>();

    internal void WriteJson(Utf8JsonWriter writer, IReadOnlyList<Trace> traces)
    {
        writer.WriteStartObject("layout");
        // Titles are broken into lines that fit the figure, whatever font the browser finds (TitleFit).
        int figureWidth = Width ?? FigureExport.DefaultWidth, figureHeight = Height ?? FigureExport.DefaultHeight;
        PlotValues.WriteTitle(writer, "title", TitleFit.Wrap(Title, TitleFit.ChartTitleRoom(figureWidth), TitleFit.ChartTitleFontSize));
        XAxis.WriteJson(writer, "xaxis", TitleFit.XAxisRoom(figureWidth));
        YAxis.WriteJson(writer, "yaxis", TitleFit.YAxisRoom(figureHeight));
        if (Width is int width)
        {
            writer.WriteNumber("width", width);
        }
        if (Height is int height)
        {
            writer.WriteNumber("height", height);
        }
        if (ShowLegend is bool show)
        {
            writer.WriteBoolean("showlegend", show);
        }
        WriteLegend(writer);
        if (traces.Count(t => t is HistogramTrace) > 1)
        {
            // Several histograms on one chart (samples of p_data against samples of p_g) overlap
            // rather than stand side by side.
            writer.WriteString("barmode", "overlay");
        }
        if (Annotations.Count > 0)
        {
            writer.WriteStartArray("annotations");
            foreach (var annotation in Annotations)
            {
                annotation.WriteJson(writer);
            }
            writer.WriteEndArray();
        }
        if (Segments.Count > 0)
        {
            writer.WriteStartArray("shapes");
            foreach (var segment in Segments)
            {
                segment.WriteJson(writer);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private void WriteLegend(Utf8JsonWriter writer)
    {
        if (LegendPosition == LegendPosition.Outside)
        {
            return;
        }
        writer.WriteStartObject("legend");
        if (LegendPosition == LegendPosition.Above)
        {
            writer.WriteString("orientation", "h");
            writer.WriteNumber("x", 0);
            writer.WriteNumber("y", 1.02);
            writer.WriteString("xanchor", "left");
            writer.WriteString("yanchor", "bottom");
            writer.WriteEndObject();
            return;
        }
        bool right = LegendPosition is LegendPosition.TopRight or LegendPosition.BottomRight;
        bool top = LegendPosition is LegendPosition.TopRight or LegendPosition.TopLeft;
        writer.WriteNumber("x", right ? 0.99 : 0.01);
        writer.WriteNumber("y", top ? 0.99 : 0.01);
        writer.WriteString("xanchor", right ? "right" : "left");
        writer.WriteString("yanchor", top ? "top" : "bottom");
        writer.WriteString("bgcolor", "rgba(255,255,255,0.6)");
        writer.WriteEndObject();
    }
}
