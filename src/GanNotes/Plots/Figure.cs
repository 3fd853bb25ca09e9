using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A chart: a list of traces (lines, histograms, heatmaps) and a layout, built fluently and
/// written as a plotly.js figure <c>{"data": [...], "layout": {...}}</c>.
/// </summary>
/// <remarks>
/// Reads like matplotlib for a PyTorch reader:
/// <code>
/// Figure.Line(steps, dLoss, "D loss")
///       .AddLine(steps, gLoss, "G loss", dash: LineDash.Dash)
///       .WithTitle("Losses").WithAxes("step", "loss");
/// </code>
/// Series accept float[], double[], int[], lists and LINQ queries of any number type, and
/// 1-D <see cref="Tensors.Tensor"/>s. A figure is mutable: every <c>Add...</c>/<c>With...</c>
/// changes it and returns it. In a notebook the value of a cell that ends with a figure is
/// drawn as an interactive plotly chart with a PNG fallback (see <see cref="FigureFormatterSource"/>);
/// <see cref="ToHtml(PlotlyJs?, bool)"/>, <see cref="SaveHtml"/> and <see cref="SavePng"/> write it out.
/// </remarks>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = [HtmlMimeType, PlainTextMimeType])]
public sealed partial class Figure
{
    internal const string HtmlMimeType = "text/html";
    internal const string PngMimeType = "image/png";
    internal const string PlainTextMimeType = "text/plain";

    /// <summary>The series, drawn in order (later ones on top).</summary>
    public IList<Trace> Traces { get; } = new List<Trace>();

    /// <summary>Title, axes, size, legend, annotations.</summary>
    public Layout Layout { get; } = new();

    /// <summary>Appends a trace built by hand.</summary>
    public Figure Add(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Traces.Add(trace);
        return this;
    }

    /// <summary>Sets the chart title.</summary>
    public Figure WithTitle(string title)
    {
        Layout.Title = title;
        return this;
    }

    /// <summary>Labels the axes (null leaves a label unchanged).</summary>
    public Figure WithAxes(string? xTitle, string? yTitle)
    {
        Layout.XAxis.Title = xTitle ?? Layout.XAxis.Title;
        Layout.YAxis.Title = yTitle ?? Layout.YAxis.Title;
        return this;
    }

    /// <summary>Fixes the visible x range.</summary>
    /// <exception cref="ArgumentException">min is not below max, or a bound is not finite.</exception>
    public Figure WithXRange(double min, double max)
    {
        Layout.XAxis.Range = CheckedRange(min, max);
        return this;
    }

    /// <summary>Fixes the visible y range (log10 units on a log axis).</summary>
    /// <exception cref="ArgumentException">min is not below max, or a bound is not finite.</exception>
    public Figure WithYRange(double min, double max)
    {
        Layout.YAxis.Range = CheckedRange(min, max);
        return this;
    }

    /// <summary>Makes the y axis logarithmic (or linear again).</summary>
    public Figure WithLogY(bool log = true)
    {
        Layout.YAxis.Log = log;
        return this;
    }

    /// <summary>Sets the size in pixels (the PNG export uses it too).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 10 or above 10000 pixels.</exception>
    public Figure WithSize(int width, int height)
    {
        Layout.Width = CheckedPixels(width, nameof(width));
        Layout.Height = CheckedPixels(height, nameof(height));
        return this;
    }

    /// <summary>Shows or hides the legend and places it.</summary>
    public Figure WithLegend(bool show = true, LegendPosition position = LegendPosition.Outside)
    {
        Layout.ShowLegend = show;
        Layout.LegendPosition = position;
        return this;
    }

    /// <summary>Adds an arrow from (fromX, fromY) to (toX, toY) in data units, with optional text at its tail.</summary>
    public Figure AddArrow(double fromX, double fromY, double toX, double toY, string? color = null, string? text = null)
    {
        Layout.Annotations.Add(new Annotation
        {
            X = toX, Y = toY, TailX = fromX, TailY = fromY, ShowArrow = true, Color = color, Text = text ?? "",
        });
        return this;
    }

    /// <summary>Adds a text label centred at (x, y) in data units.</summary>
    public Figure AddText(double x, double y, string text, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Layout.Annotations.Add(new Annotation { X = x, Y = y, Text = text, Color = color });
        return this;
    }

    /// <summary>Adds a straight segment from (x0, y0) to (x1, y1) in data units, drawn under the traces.</summary>
    public Figure AddSegment(double x0, double y0, double x1, double y1, string? color = null, LineDash dash = LineDash.Solid, double width = 1)
    {
        Layout.Segments.Add(new Segment { X0 = x0, Y0 = y0, X1 = x1, Y1 = y1, Color = color, Dash = dash, Width = width });
        return this;
    }

    /// <summary>
    /// The plotly.js figure as JSON: <c>{"data": [...], "layout": {...}}</c>. Numbers are
    /// invariant-culture, NaN and infinities are null, and &lt; &gt; &amp; are escaped so the
    /// text is safe inside an HTML script element.
    /// </summary>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var trace in Traces)
            {
                trace.WriteJson(writer);
            }
            writer.WriteEndArray();
            Layout.WriteJson(writer, (IReadOnlyList<Trace>)Traces);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A one-line summary: title, traces and size.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Figure");
        if (Layout.Title is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" \"{Layout.Title}\"");
        }
        text.Append(CultureInfo.InvariantCulture, $": {Traces.Count} trace{(Traces.Count == 1 ? "" : "s")}");
        if (Traces.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", Traces.Select(t => t.Name is null ? t.Type : $"{t.Type} \"{t.Name}\"")).Append(')');
        }
        if (Layout.Width is int w && Layout.Height is int h)
        {
            text.Append(CultureInfo.InvariantCulture, $", {w}x{h}");
        }
        return text.ToString();
    }

    internal static int CheckedPixels(int pixels, string paramName)
    {
        if (pixels is < 10 or > 10000)
        {
            throw new ArgumentOutOfRangeException(paramName, pixels, $"A figure size must be between 10 and 10000 pixels, got {paramName} = {pixels}.");
        }
        return pixels;
    }

    private static (double, double) CheckedRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException($"An axis range needs finite min < max, got [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].", nameof(max));
        }
        return (min, max);
    }
}
