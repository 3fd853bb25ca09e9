using System.Globalization;
using GanNotes.Plots;

namespace GanNotes.Benchmarks;

/// <summary>
/// The scaling figure of scaling.sh: median ms per GAN training step against batch size, one
/// line per implementation and thread count, drawn with GanNotes.Plots from the script's
/// rows (a TSV with the header <c>round batch threads gannotes_ms torch_ms</c>).
/// </summary>
/// <remarks>
/// Both axes are logarithmic: a step whose cost grows in proportion to the batch is a straight
/// line of slope 1, and a gap between two lines is a constant ratio wherever it is read.
/// GanNotes is blue and PyTorch orange; 1 thread is dashed, 2 threads solid. Plots has no
/// tick-value setting, so the x ticks are plotly's own log ticks and the axis title lists the
/// batch sizes measured.
/// </remarks>
internal static class ScalingPlot
{
    /// <summary>The TSV header that scaling.sh writes.</summary>
    public const string Header = "round\tbatch\tthreads\tgannotes_ms\ttorch_ms";

    private const string GanNotesColor = "#1f77b4";
    private const string TorchColor = "#ff7f0e";

    /// <summary>
    /// The <c>scaling-plot</c> mode: reads the rows, writes <c>&lt;stem&gt;.png</c> (headless
    /// Chromium) and <c>&lt;stem&gt;.html</c> (plotly.js from its CDN), and prints their paths.
    /// </summary>
    /// <param name="args">The TSV path and the output path without extension.</param>
    /// <returns>The process exit code: 0, or 2 after a one-line error on standard error.</returns>
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("error: usage: scaling-plot <rows.tsv> <out-stem> (writes <out-stem>.png and <out-stem>.html)");
            return 2;
        }
        try
        {
            var figure = Build(Medians(ReadRows(args[0])));
            string png = args[1] + ".png", html = args[1] + ".html";
            figure.SavePng(png);
            figure.SaveHtml(html);
            Console.WriteLine($"wrote {png} and {html}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or TimeoutException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>One row of the TSV: one round's ms/step of each implementation at one batch size and thread count.</summary>
    /// <param name="Round">The round, from 1.</param>
    /// <param name="Batch">Examples per step.</param>
    /// <param name="Threads">Threads each implementation was given.</param>
    /// <param name="GanNotesMs">GanNotes' ms per step.</param>
    /// <param name="TorchMs">PyTorch's ms per step.</param>
    public readonly record struct Row(int Round, int Batch, int Threads, double GanNotesMs, double TorchMs);

    /// <summary>Reads scaling.sh's TSV.</summary>
    /// <exception cref="InvalidDataException">The header is not <see cref="Header"/>, a row is malformed, or there are no rows.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<Row> ReadRows(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            throw new InvalidDataException($"{path}: the first line must be the header '{Header.Replace('\t', ' ')}' (tab-separated).");
        }
        var rows = new List<Row>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }
            string[] f = lines[n].Split('\t');
            if (f.Length != 5
                || !TryPositiveInt(f[0], out int round) || !TryPositiveInt(f[1], out int batch) || !TryPositiveInt(f[2], out int threads)
                || !TryPositiveMs(f[3], out double ours) || !TryPositiveMs(f[4], out double torch))
            {
                throw new InvalidDataException($"{path}:{n + 1}: expected 5 tab-separated fields (three positive integers, two positive ms), got '{lines[n]}'.");
            }
            rows.Add(new Row(round, batch, threads, ours, torch));
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: no rows after the header.");
        }
        return rows;
    }

    /// <summary>The median ms/step of each implementation at each (batch, threads), ordered by threads then batch.</summary>
    public static IReadOnlyList<(int Batch, int Threads, double GanNotesMs, double TorchMs)> Medians(IEnumerable<Row> rows)
        => rows.GroupBy(r => (r.Batch, r.Threads))
            .OrderBy(g => g.Key.Threads).ThenBy(g => g.Key.Batch)
            .Select(g => (g.Key.Batch, g.Key.Threads, Median(g.Select(r => r.GanNotesMs)), Median(g.Select(r => r.TorchMs))))
            .ToList();

    /// <summary>The figure: ms/step against batch size on log-log axes, four lines (GanNotes and PyTorch at 1 and 2 threads).</summary>
    public static Figure Build(IReadOnlyList<(int Batch, int Threads, double GanNotesMs, double TorchMs)> medians)
    {
        ArgumentNullException.ThrowIfNull(medians);
        var figure = new Figure()
            .WithTitle("GAN training step time against batch size (medians)")
            .WithAxes("batch size (32, 64, 128, 256, 512, 1024; log scale)", "ms per step (log scale)")
            .WithLogY()
            .WithLegend(true, LegendPosition.Outside) // inside, it would hide points of whichever line runs through its corner
            .WithSize(900, 500);
        figure.Layout.XAxis.Log = true;
        foreach (var group in medians.GroupBy(m => m.Threads))
        {
            double[] x = group.Select(m => (double)m.Batch).ToArray();
            var dash = group.Key == 1 ? LineDash.Dash : LineDash.Solid;
            string threads = group.Key == 1 ? "1 thread" : $"{group.Key} threads";
            figure.Add(Line(x, group.Select(m => m.GanNotesMs).ToArray(), $"GanNotes, {threads}", GanNotesColor, dash));
            figure.Add(Line(x, group.Select(m => m.TorchMs).ToArray(), $"PyTorch, {threads}", TorchColor, dash));
        }
        return figure;
    }

    private static ScatterTrace Line(double[] x, double[] y, string name, string color, LineDash dash)
        => new(x, y) { Mode = ScatterMode.LinesAndMarkers, Name = name, Color = color, Dash = dash };

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2; // as Python's statistics.median
    }

    private static bool TryPositiveInt(string text, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryPositiveMs(string text, out double value)
        => double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
}
