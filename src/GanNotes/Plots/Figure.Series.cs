using System.Numerics;
using GanNotes.Tensors;

namespace GanNotes.Plots;

// The series builders: Figure.Line(...) starts a figure, fig.AddLine(...) adds to one.
// Each takes any numeric sequence (float[], double[], int[], List<T>, LINQ) or a 1-D Tensor.
public sealed partial class Figure
{
    /// <summary>A new figure with one line through (x[i], y[i]) (matplotlib's <c>plt.plot(x, y)</c>).</summary>
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        => new Figure().AddLine(x, y, name, color, dash, width);

    /// <summary>A new figure with one line through (i, y[i]) (matplotlib's <c>plt.plot(y)</c>).</summary>
    public static Figure Line<T>(IEnumerable<T> y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        where T : INumberBase<T>
        => new Figure().AddLine(y, name, color, dash, width);

    /// <summary>A new figure with one line through the values of two 1-D tensors.</summary>
    public static Figure Line(Tensor x, Tensor y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        => new Figure().AddLine(x, y, name, color, dash, width);

    /// <summary>A new figure with one line through (i, y[i]) for a 1-D tensor y.</summary>
    public static Figure Line(Tensor y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        => new Figure().AddLine(y, name, color, dash, width);

    /// <summary>Adds a line through (x[i], y[i]); a density curve p(x) is such a line.</summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    public Figure AddLine<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        => AddScatterTrace(PlotValues.From(x, nameof(x)), PlotValues.From(y, nameof(y)), ScatterMode.Lines, name, color, dash, width);

    /// <summary>Adds a line through (i, y[i]), i = 0, 1, ...</summary>
    public Figure AddLine<T>(IEnumerable<T> y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        where T : INumberBase<T>
    {
        var values = PlotValues.From(y, nameof(y));
        return AddScatterTrace(PlotValues.Indices(values.Length), values, ScatterMode.Lines, name, color, dash, width);
    }

    /// <summary>Adds a line through the values of two 1-D tensors.</summary>
    public Figure AddLine(Tensor x, Tensor y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
        => AddScatterTrace(PlotValues.From(x, nameof(x)), PlotValues.From(y, nameof(y)), ScatterMode.Lines, name, color, dash, width);

    /// <summary>Adds a line through (i, y[i]) for a 1-D tensor y.</summary>
    public Figure AddLine(Tensor y, string? name = null, string? color = null, LineDash dash = LineDash.Solid, double? width = null)
    {
        var values = PlotValues.From(y, nameof(y));
        return AddScatterTrace(PlotValues.Indices(values.Length), values, ScatterMode.Lines, name, color, dash, width);
    }

    /// <summary>
    /// A new figure with a line through (x[i], y[i]) and error bars y[i] ± error[i], e.g. a mean
    /// over seeds ± one standard deviation (matplotlib's <c>plt.errorbar</c>).
    /// </summary>
    /// <exception cref="ArgumentException">x, y and error differ in length.</exception>
    public static Figure ErrorBars<TX, TY, TE>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<TE> error, string? name = null, string? color = null, LineDash dash = LineDash.Solid)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        where TE : INumberBase<TE>
        => new Figure().AddErrorBars(x, y, error, name, color, dash);

    /// <summary>Adds a line through (x[i], y[i]) with error bars y[i] ± error[i] (<see cref="ErrorBars"/>).</summary>
    /// <exception cref="ArgumentException">x, y and error differ in length.</exception>
    public Figure AddErrorBars<TX, TY, TE>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<TE> error, string? name = null, string? color = null, LineDash dash = LineDash.Solid)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        where TE : INumberBase<TE>
    {
        var trace = new ScatterTrace(PlotValues.From(x, nameof(x)), PlotValues.From(y, nameof(y)))
        {
            Mode = ScatterMode.LinesAndMarkers, Name = name, Color = color, Dash = dash, MarkerSize = 5,
        };
        trace.ErrorY = PlotValues.From(error, nameof(error));
        return Add(trace);
    }

    /// <summary>A new figure with points at (x[i], y[i]) (matplotlib's <c>plt.scatter</c>).</summary>
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null, double? size = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        => new Figure().AddScatter(x, y, name, color, size);

    /// <summary>A new figure with points at the values of two 1-D tensors.</summary>
    public static Figure Scatter(Tensor x, Tensor y, string? name = null, string? color = null, double? size = null)
        => new Figure().AddScatter(x, y, name, color, size);

    /// <summary>Adds points at (x[i], y[i]); <paramref name="size"/> is the marker diameter in pixels.</summary>
    public Figure AddScatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null, double? size = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
        => AddMarkers(PlotValues.From(x, nameof(x)), PlotValues.From(y, nameof(y)), name, color, size);

    /// <summary>Adds points at the values of two 1-D tensors.</summary>
    public Figure AddScatter(Tensor x, Tensor y, string? name = null, string? color = null, double? size = null)
        => AddMarkers(PlotValues.From(x, nameof(x)), PlotValues.From(y, nameof(y)), name, color, size);

    /// <summary>A new figure with a histogram of <paramref name="values"/>.</summary>
    public static Figure Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null, bool density = false, string? color = null)
        where T : INumberBase<T>
        => new Figure().AddHistogram(values, bins, name, density, color);

    /// <summary>A new figure with a histogram of a 1-D tensor's values.</summary>
    public static Figure Histogram(Tensor values, int? bins = null, string? name = null, bool density = false, string? color = null)
        => new Figure().AddHistogram(values, bins, name, density, color);

    /// <summary>
    /// Adds a histogram with <paramref name="bins"/> equal bins spanning the samples;
    /// <paramref name="density"/> normalises it to a probability density (numpy's <c>density=True</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">bins is not positive.</exception>
    public Figure AddHistogram<T>(IEnumerable<T> values, int? bins = null, string? name = null, bool density = false, string? color = null)
        where T : INumberBase<T>
        => AddHistogramTrace(PlotValues.From(values, nameof(values)), bins, name, density, color);

    /// <summary>Adds a histogram of a 1-D tensor's values.</summary>
    public Figure AddHistogram(Tensor values, int? bins = null, string? name = null, bool density = false, string? color = null)
        => AddHistogramTrace(PlotValues.From(values, nameof(values)), bins, name, density, color);

    /// <summary>A new figure with a heatmap of z [rows, columns]; see <see cref="HeatmapTrace"/>.</summary>
    public static Figure Heatmap(double[,] z, double[]? x = null, double[]? y = null, string? name = null, string colorScale = "Viridis")
        => new Figure().AddHeatmap(z, x, y, name, colorScale);

    /// <summary>A new figure with a heatmap of a 2-D tensor [rows, columns].</summary>
    public static Figure Heatmap(Tensor z, double[]? x = null, double[]? y = null, string? name = null, string colorScale = "Viridis")
        => new Figure().AddHeatmap(z, x, y, name, colorScale);

    /// <summary>Adds a heatmap: z[i, j] coloured at (x[j], y[i]); row 0 is at the bottom.</summary>
    public Figure AddHeatmap(double[,] z, double[]? x = null, double[]? y = null, string? name = null, string colorScale = "Viridis")
    {
        ArgumentNullException.ThrowIfNull(z);
        return Add(new HeatmapTrace((double[,])z.Clone()) { X = x, Y = y, Name = name, ColorScale = colorScale });
    }

    /// <summary>Adds a heatmap of a float array [rows, columns].</summary>
    public Figure AddHeatmap(float[,] z, double[]? x = null, double[]? y = null, string? name = null, string colorScale = "Viridis")
    {
        ArgumentNullException.ThrowIfNull(z);
        var copy = new double[z.GetLength(0), z.GetLength(1)];
        for (int i = 0; i < copy.GetLength(0); i++)
        {
            for (int j = 0; j < copy.GetLength(1); j++)
            {
                copy[i, j] = z[i, j];
            }
        }
        return Add(new HeatmapTrace(copy) { X = x, Y = y, Name = name, ColorScale = colorScale });
    }

    /// <summary>Adds a heatmap of a 2-D tensor [rows, columns].</summary>
    /// <exception cref="ArgumentException">The tensor is not 2-D.</exception>
    public Figure AddHeatmap(Tensor z, double[]? x = null, double[]? y = null, string? name = null, string colorScale = "Viridis")
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Rank != 2)
        {
            throw new ArgumentException($"A heatmap needs a 2-D tensor [rows, columns], got shape [{string.Join(", ", z.Shape)}].", nameof(z));
        }
        return AddHeatmap(z.ToArray2D(), x, y, name, colorScale);
    }

    private Figure AddScatterTrace(double[] x, double[] y, ScatterMode mode, string? name, string? color, LineDash dash, double? width)
        => Add(new ScatterTrace(x, y) { Mode = mode, Name = name, Color = color, Dash = dash, Width = width });

    private Figure AddMarkers(double[] x, double[] y, string? name, string? color, double? size)
        => Add(new ScatterTrace(x, y) { Mode = ScatterMode.Markers, Name = name, Color = color, MarkerSize = size });

    private Figure AddHistogramTrace(double[] values, int? bins, string? name, bool density, string? color)
    {
        if (bins is int b)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b, nameof(bins));
        }
        var trace = new HistogramTrace(values) { Bins = bins, Name = name, Density = density, Color = color };
        Add(trace);
        var histograms = Traces.OfType<HistogramTrace>().ToList();
        if (histograms.Count > 1)
        {
            // Overlaid histograms hide each other unless they are see-through.
            foreach (var h in histograms)
            {
                h.Opacity ??= 0.6;
            }
        }
        return this;
    }
}
