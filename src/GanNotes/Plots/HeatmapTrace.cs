using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A grid of values drawn as colours (plotly's <c>heatmap</c> trace): V(D, G) over a
/// parameter grid, a 2-D density, a weight matrix.
/// </summary>
/// <remarks>
/// <c>Z[i, j]</c> is the value at row i (y = <see cref="Y"/>[i]) and column j
/// (x = <see cref="X"/>[j]); plotly puts row 0 at the bottom. Without X and Y the
/// coordinates are the indices.
/// </remarks>
public sealed class HeatmapTrace : Trace
{
    /// <summary>Creates a heatmap of <paramref name="z"/> ([rows, columns]).</summary>
    public HeatmapTrace(double[,] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        Z = z;
    }

    /// <inheritdoc/>
    public override string Type => "heatmap";

    /// <summary>The values, [rows, columns].</summary>
    public double[,] Z { get; }

    /// <summary>The x of each column (length = columns), or null for 0, 1, ...</summary>
    public double[]? X { get; set; }

    /// <summary>The y of each row (length = rows), or null for 0, 1, ...</summary>
    public double[]? Y { get; set; }

    /// <summary>A plotly colour-scale name ("Viridis", "Greys", "RdBu", ...).</summary>
    public string ColorScale { get; set; } = "Viridis";

    /// <summary>The value drawn with the lowest colour; null is the data minimum.</summary>
    public double? ZMin { get; set; }

    /// <summary>The value drawn with the highest colour; null is the data maximum.</summary>
    public double? ZMax { get; set; }

    /// <summary>Whether to draw the colour bar.</summary>
    public bool ShowScale { get; set; } = true;

    /// <summary>The colour bar's title, or null.</summary>
    public string? ColorBarTitle { get; set; }

    private protected override void WriteAttributes(Utf8JsonWriter writer)
    {
        int rows = Z.GetLength(0);
        int columns = Z.GetLength(1);
        if (X is not null && X.Length != columns)
        {
            throw new InvalidOperationException($"Heatmap X has {X.Length} values but z has {columns} columns.");
        }
        if (Y is not null && Y.Length != rows)
        {
            throw new InvalidOperationException($"Heatmap Y has {Y.Length} values but z has {rows} rows.");
        }
        writer.WriteStartArray("z");
        for (int i = 0; i < rows; i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < columns; j++)
            {
                PlotValues.WriteNumber(writer, Z[i, j]);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        if (X is not null)
        {
            PlotValues.WriteArray(writer, "x", X);
        }
        if (Y is not null)
        {
            PlotValues.WriteArray(writer, "y", Y);
        }
        writer.WriteString("colorscale", ColorScale);
        if (ZMin is double zmin)
        {
            PlotValues.WriteNumber(writer, "zmin", zmin);
        }
        if (ZMax is double zmax)
        {
            PlotValues.WriteNumber(writer, "zmax", zmax);
        }
        writer.WriteBoolean("showscale", ShowScale);
        if (ColorBarTitle is not null)
        {
            writer.WriteStartObject("colorbar");
            PlotValues.WriteTitle(writer, "title", ColorBarTitle);
            writer.WriteEndObject();
        }
    }
}
