using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Tensors;
using GanNotes.Theory;

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
        CheckArguments(game, dataPdf, xMin, xMax, title);
        var samples = game.SampleFixed().ToArray().Select(v => (double)v).ToArray();
        var xs = Enumerable.Range(0, 241).Select(i => xMin + (xMax - xMin) * i / 240).ToArray();
        var d = Evaluate(game.D, xs, sigmoid: true);
        double pdfPeak = xs.Max(dataPdf);
        double top = Math.Max(1.05, 1.08 * Math.Max(HistogramPeak(samples, xMin, xMax), pdfPeak));
        return new Figure()
            .Add(new HistogramTrace(samples) { Bins = Bins, BinStart = xMin, BinEnd = xMax, Density = true, Name = "p_g (samples of G)", Color = "green" })
            .AddLine(xs, xs.Select(dataPdf), name: "p_data", color: "black", dash: LineDash.Dot, width: 2)
            .AddLine(xs, d, name: "D(x)", color: "blue", dash: LineDash.Dash, width: 2)
            .WithXRange(xMin, xMax).WithYRange(0, top)
            .WithTitle(title).WithAxes("x", "density / probability").WithSize(700, 380);
    }

    /// <summary>
    /// A panel of the paper's Figure 1 drawn from <paramref name="game"/>, whose G maps one
    /// uniform z in [-1, 1] to one x: p_data black dotted, p_g green (a kernel density estimate of
    /// G's fixed-noise samples, bandwidth 0.1), D blue dashed, and below them the x line, the z
    /// line stretched to the plot's width (z = -1 at the left edge, +1 at the right) and arrows
    /// from 15 evenly spaced z to G(z). The y axis reaches above the peaks of p_g and p_data, and
    /// at least to 1.1 so D's whole range shows.
    /// </summary>
    /// <param name="game">The 1-D game (z of one dimension, uniform noise).</param>
    /// <param name="dataPdf">p_data's density.</param>
    /// <param name="xMin">The left end of the x range.</param>
    /// <param name="xMax">The right end of the x range.</param>
    /// <param name="title">The panel's title.</param>
    /// <param name="showOptimal">Also draws D* = p_data / (p_data + p_g), from the estimate of p_g, thin light blue.</param>
    /// <exception cref="ArgumentException">z is not one uniform number, G or D does not map one number, or the range is empty.</exception>
    public static Figure PaperPanel(GanTrainer game, Func<double, double> dataPdf, double xMin, double xMax, string title, bool showOptimal = false)
    {
        CheckArguments(game, dataPdf, xMin, xMax, title);
        if (game.Prior.ZDim != 1 || game.Prior.Kind != NoiseKind.Uniform)
        {
            throw new ArgumentException($"The paper's Figure 1 maps one uniform z to x; this game draws z from {game.Prior.Kind} noise of {game.Prior.ZDim} dimensions.", nameof(game));
        }
        const double xLineY = -0.12, zLineY = -0.55;
        var pg = new KernelDensityEstimate([.. game.SampleFixed().ToArray().Select(v => (double)v)], bandwidth: 0.1);
        var xs = Enumerable.Range(0, 281).Select(i => xMin + (xMax - xMin) * i / 280).ToArray();
        var d = Evaluate(game.D, xs, sigmoid: true);
        var pgAtXs = xs.Select(pg.Pdf).ToArray();
        double top = Math.Max(1.1, 1.08 * Math.Max(pgAtXs.Max(), xs.Max(dataPdf)));
        var figure = Figure.Line(xs, xs.Select(dataPdf), name: "p_data", color: "black", dash: LineDash.Dot, width: 2)
            .AddLine(xs, pgAtXs, name: "p_g", color: "green", width: 2)
            .AddLine(xs, d, name: "D(x)", color: "blue", dash: LineDash.Dash, width: 2);
        if (showOptimal)
        {
            figure.AddLine(xs, xs.Select(x => OptimalDiscriminator.FromDensities(dataPdf(x), pg.Pdf(x))), name: "D* (estimate of p_g)", color: "lightblue", width: 1);
        }
        figure.AddSegment(xMin, xLineY, xMax, xLineY, color: "gray").AddSegment(xMin, zLineY, xMax, zLineY, color: "gray")
            .AddText(xMin + 0.15, xLineY + 0.07, "x").AddText(xMin + 0.15, zLineY - 0.07, "z");
        var z = Enumerable.Range(0, 15).Select(i => -0.98 + i * (1.96 / 14)).ToArray();
        var gz = Evaluate(game.G, z, sigmoid: false);
        for (int i = 0; i < z.Length; i++)
        {
            double zAtX = xMin + (z[i] + 1) / 2 * (xMax - xMin);
            figure.AddArrow(zAtX, zLineY, Math.Clamp(gz[i], xMin, xMax), xLineY, color: "gray");
        }
        return figure.WithTitle(title).WithAxes("x", null).WithXRange(xMin, xMax).WithYRange(-0.7, top)
            .WithLegend(true, LegendPosition.Above).WithSize(700, 440);
    }

    private static void CheckArguments(GanTrainer game, Func<double, double> dataPdf, double xMin, double xMax, string title)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(dataPdf);
        ArgumentNullException.ThrowIfNull(title);
        if (!(xMin < xMax))
        {
            throw new ArgumentException($"The x range needs xMin < xMax, got [{xMin}, {xMax}].", nameof(xMax));
        }
    }

    /// <summary>A 1-to-1 module on each of <paramref name="at"/>, in evaluation mode and without gradients (its mode is restored).</summary>
    private static double[] Evaluate(Nn.Module module, double[] at, bool sigmoid)
    {
        bool training = module.Training;
        module.Eval();
        try
        {
            using (Autograd.NoGrad())
            {
                var input = Tensor.FromArray([.. at.Select(v => (float)v)], at.Length, 1).To(module.Device);
                var output = module.Forward(input);
                return [.. (sigmoid ? output.Sigmoid() : output).ToArray().Select(v => (double)v)];
            }
        }
        finally
        {
            module.Train(training);
        }
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
