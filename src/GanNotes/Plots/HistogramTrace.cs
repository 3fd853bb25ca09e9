using System.Text.Json;

namespace GanNotes.Plots;

/// <summary>
/// A histogram of raw samples (plotly's <c>histogram</c> trace), optionally normalised to a
/// probability density so it can be drawn against a density curve p(x).
/// </summary>
/// <remarks>
/// With <see cref="Bins"/> set, the bins are exactly <c>Bins</c> equal intervals from
/// <see cref="BinStart"/> (default: the smallest sample) to <see cref="BinEnd"/> (default:
/// the largest), written as plotly's <c>xbins {start, end, size}</c>; plotly's own
/// <c>nbinsx</c> is only an upper bound and picks "nice" edges instead. NaN samples are
/// written as null, which plotly skips.
/// </remarks>
public sealed class HistogramTrace : Trace
{
    /// <summary>Creates a histogram of <paramref name="values"/>.</summary>
    public HistogramTrace(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <inheritdoc/>
    public override string Type => "histogram";

    /// <summary>The samples.</summary>
    public double[] Values { get; }

    /// <summary>The number of equal-width bins; null lets plotly choose.</summary>
    public int? Bins { get; set; }

    /// <summary>The left edge of the first bin; null is the smallest finite sample.</summary>
    public double? BinStart { get; set; }

    /// <summary>The right edge of the last bin; null is the largest finite sample.</summary>
    public double? BinEnd { get; set; }

    /// <summary>
    /// True: bar heights are count / (total * bin width), so the bars integrate to 1
    /// (plotly's <c>histnorm: "probability density"</c>, numpy's <c>density=True</c>).
    /// </summary>
    public bool Density { get; set; }

    /// <summary>Any CSS colour for the bars; null takes plotly's colour cycle.</summary>
    public string? Color { get; set; }

    private protected override void WriteAttributes(Utf8JsonWriter writer)
    {
        PlotValues.WriteArray(writer, "x", Values);
        if (Density)
        {
            writer.WriteString("histnorm", "probability density");
        }
        if (Bins is int bins)
        {
            if (bins <= 0)
            {
                throw new InvalidOperationException($"A histogram needs a positive number of bins, got {bins}.");
            }
            WriteBins(writer, bins);
        }
        if (Color is not null)
        {
            writer.WriteStartObject("marker");
            writer.WriteString("color", Color);
            writer.WriteEndObject();
        }
    }

    private void WriteBins(Utf8JsonWriter writer, int bins)
    {
        var finite = Values.Where(double.IsFinite).ToArray();
        double start = BinStart ?? (finite.Length > 0 ? finite.Min() : 0);
        double end = BinEnd ?? (finite.Length > 0 ? finite.Max() : 1);
        if (!(end > start))
        {
            // All samples equal: one unit-wide bin per requested bin, centred on the value.
            start -= 0.5;
            end += 0.5;
        }
        // plotly's bins are [left, right): widen them by a hair so the largest sample lands
        // inside the last bin instead of opening a bin of its own.
        double size = (end - start) / bins * (1 + 1e-9);
        writer.WriteStartObject("xbins");
        PlotValues.WriteNumber(writer, "start", start);
        PlotValues.WriteNumber(writer, "end", end);
        writer.WriteNumber("size", size);
        writer.WriteEndObject();
    }
}
