using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A series of (x, y) points drawn as a line, as markers or both (plotly's <c>scatter</c>
/// trace): loss curves, density curves p(x), D(x), point clouds.
/// </summary>
public sealed class ScatterTrace : Trace
{
    /// <summary>Creates a series; x and y must have the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public ScatterTrace(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        PlotValues.RequireSameLength(x, y);
        X = x;
        Y = y;
    }

    /// <inheritdoc/>
    public override string Type => "scatter";

    /// <summary>The x coordinates (NaN is written as null: a gap).</summary>
    public double[] X { get; }

    /// <summary>The y coordinates (NaN is written as null: a gap).</summary>
    public double[] Y { get; }

    /// <summary>Lines, markers or both.</summary>
    public ScatterMode Mode { get; set; } = ScatterMode.Lines;

    /// <summary>Any CSS colour ("black", "#1f77b4", "rgba(0,0,255,0.5)"); null takes plotly's colour cycle.</summary>
    public string? Color { get; set; }

    /// <summary>The line's dash pattern.</summary>
    public LineDash Dash { get; set; } = LineDash.Solid;

    /// <summary>Line width in pixels; null is plotly's 2.</summary>
    public double? Width { get; set; }

    /// <summary>Marker diameter in pixels; null is plotly's 6.</summary>
    public double? MarkerSize { get; set; }

    /// <summary>
    /// Symmetric error bars: point i spans y ± ErrorY[i] (plotly's <c>error_y</c> of type
    /// <c>data</c>), e.g. one standard deviation over seeds; null draws none.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an array of another length than <see cref="Y"/>.</exception>
    public double[]? ErrorY
    {
        get => errorY;
        set
        {
            if (value is not null)
            {
                PlotValues.RequireSameLength(Y, value);
            }
            errorY = value;
        }
    }

    private double[]? errorY;

    private protected override void WriteAttributes(Utf8JsonWriter writer)
    {
        writer.WriteString("mode", Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.Markers => "markers",
            ScatterMode.LinesAndMarkers => "lines+markers",
            _ => throw new InvalidOperationException($"Unknown scatter mode {Mode}."),
        });
        PlotValues.WriteArray(writer, "x", X);
        PlotValues.WriteArray(writer, "y", Y);
        if (ErrorY is not null)
        {
            writer.WriteStartObject("error_y");
            writer.WriteString("type", "data");
            PlotValues.WriteArray(writer, "array", ErrorY);
            writer.WriteBoolean("visible", true);
            if (Color is not null)
            {
                writer.WriteString("color", Color);
            }
            writer.WriteEndObject();
        }
        if (Mode != ScatterMode.Markers)
        {
            writer.WriteStartObject("line");
            if (Color is not null)
            {
                writer.WriteString("color", Color);
            }
            if (Width is double width)
            {
                PlotValues.WriteNumber(writer, "width", width);
            }
            writer.WriteString("dash", PlotValues.DashName(Dash));
            writer.WriteEndObject();
        }
        if (Mode != ScatterMode.Lines)
        {
            writer.WriteStartObject("marker");
            if (Color is not null)
            {
                writer.WriteString("color", Color);
            }
            if (MarkerSize is double size)
            {
                PlotValues.WriteNumber(writer, "size", size);
            }
            writer.WriteEndObject();
        }
    }
}
