using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Reports;

/// <summary>
/// A 1-D game at one moment, in the colours of the GAN paper's Figure 1: p_data black dotted,
/// p_g green (a density histogram of G's fixed-noise samples), D blue dashed.
/// </summary>
public static class ToyGameFigure
{
    private const int Bins = 60;

    /// <summary>
    /// The panel for <paramref name="game"/> (a trainer whose G and D map one number) on [xMin, xMax].
    /// The y axis reaches above the tallest of p_g's bars and p_data's peak, and at least to 1.05 so
    /// D's whole range shows.
    /// </summary>
    /// <param name="game">The 1-D game; its <see cref="GanTrainer.SampleFixed"/> draws p_g.</param>
    /// <param name="dataPdf">p_data's density.</param>
    /// <param name="xMin">The left end of the x range.</param>
    /// <param name="xMax">The right end of the x range.</param>
    /// <param name="title">The panel's title.</param>
    /// <exception cref="ArgumentException">G or D does not map one number, or the range is empty.</exception>
    public static Figure Panel(GanTrainer game, Func<double, double> dataPdf, double xMin, double xMax, string title)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(dataPdf);
        ArgumentNullException.ThrowIfNull(title);
        if (!(xMin < xMax))
        {
            throw new ArgumentException($"The x range needs xMin < xMax, got [{xMin}, {xMax}].", nameof(xMax));
        }
        var samples = game.SampleFixed().ToArray().Select(v => (double)v).ToArray();
        var xs = Enumerable.Range(0, 241).Select(i => xMin + (xMax - xMin) * i / 240).ToArray();
        float[] d;
        using (Autograd.NoGrad())
        {
            var grid = Tensor.FromArray([.. xs.Select(v => (float)v)], xs.Length, 1).To(game.D.Device);
            d = game.D.Forward(grid).Sigmoid().ToArray();
        }
        double pdfPeak = xs.Max(dataPdf);
        double top = Math.Max(1.05, 1.08 * Math.Max(HistogramPeak(samples, xMin, xMax), pdfPeak));
        return new Figure()
            .Add(new HistogramTrace(samples) { Bins = Bins, BinStart = xMin, BinEnd = xMax, Density = true, Name = "p_g (samples of G)", Color = "green" })
            .AddLine(xs, xs.Select(dataPdf), name: "p_data", color: "black", dash: LineDash.Dot, width: 2)
            .AddLine(xs, d, name: "D(x)", color: "blue", dash: LineDash.Dash, width: 2)
            .WithXRange(xMin, xMax).WithYRange(0, top)
            .WithTitle(title).WithAxes("x", "density / probability").WithSize(700, 380);
    }

    /// <summary>The tallest bar of a density histogram of <paramref name="samples"/> with the panel's bins (samples outside count in the total, as in plotly).</summary>
    internal static double HistogramPeak(double[] samples, double xMin, double xMax)
    {
        if (samples.Length == 0)
        {
            return 0;
        }
        double width = (xMax - xMin) / Bins;
        var counts = new int[Bins];
        foreach (double v in samples)
        {
            int bin = (int)Math.Floor((v - xMin) / width);
            if (bin >= 0 && bin < Bins)
            {
                counts[bin]++;
            }
        }
        return counts.Max() / (samples.Length * width);
    }
}
