using System.Globalization;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// One measurement taken every few steps in several runs of one setting, one run per seed:
/// its mean ± standard deviation at each step (drawn as error bars), and the two summaries a
/// comparison of settings needs: when each run first fell below a threshold, and its mean over
/// the second half.
/// </summary>
/// <example><code>
/// var curves = new SeedCurves("k = 5", every: 50, runs);   // runs[seed][i]: the value after 50 (i + 1) steps
/// Console.WriteLine(curves.Summary(0.2));
/// curves.AddTo(figure, "orange");
/// </code></example>
public sealed class SeedCurves
{
    private readonly double[][] runs;

    /// <summary>Collects the runs of one setting.</summary>
    /// <param name="label">The setting's name, for the legend and the summary (e.g. "k = 5").</param>
    /// <param name="every">Steps between measurements: value i of a run was taken after every × (i + 1) steps.</param>
    /// <param name="runs">One array per seed, all of one length.</param>
    /// <exception cref="ArgumentException">No runs, runs of different lengths or empty, or every below 1.</exception>
    public SeedCurves(string label, int every, IEnumerable<double[]> runs)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        this.runs = [.. runs.Select(r => (double[])r.Clone())];
        if (this.runs.Length == 0 || this.runs[0].Length == 0)
        {
            throw new ArgumentException($"{label}: SeedCurves needs at least one run with at least one value.", nameof(runs));
        }
        if (this.runs.Any(r => r.Length != this.runs[0].Length))
        {
            throw new ArgumentException($"{label}: the runs differ in length ({string.Join(", ", this.runs.Select(r => r.Length).Distinct())}); measure every run at the same steps.", nameof(runs));
        }
        Label = label;
        Every = every;
    }

    /// <summary>The setting's name.</summary>
    public string Label { get; }

    /// <summary>Steps between measurements.</summary>
    public int Every { get; }

    /// <summary>The number of runs (seeds).</summary>
    public int Count => runs.Length;

    /// <summary>The step of each measurement: Every, 2 Every, ...</summary>
    public int[] Steps => [.. Enumerable.Range(1, runs[0].Length).Select(i => i * Every)];

    /// <summary>The mean over the runs at each step.</summary>
    public double[] Mean => [.. Columns().Select(c => MeanAndSd(c).Mean)];

    /// <summary>The sample standard deviation over the runs at each step (0 with one run).</summary>
    public double[] StandardDeviation => [.. Columns().Select(c => MeanAndSd(c).Sd)];

    /// <summary>For each run that fell below <paramref name="threshold"/>, the step of its first measurement below it.</summary>
    public double[] FirstStepsBelow(double threshold) =>
        [.. runs.Select(r => Array.FindIndex(r, v => v < threshold)).Where(i => i >= 0).Select(i => (double)(i + 1) * Every)];

    /// <summary>Each run's mean over the second half of its measurements.</summary>
    public double[] SecondHalfMeans() => [.. runs.Select(r => r.Skip(r.Length / 2).Average())];

    /// <summary>
    /// One line: how many runs fell below <paramref name="threshold"/> and when (mean ± sd over
    /// those runs), and the mean over the second half (mean ± sd over all runs).
    /// </summary>
    public string Summary(double threshold)
    {
        var first = FirstStepsBelow(threshold);
        var (late, lateSd) = MeanAndSd(SecondHalfMeans());
        string t = threshold.ToString(CultureInfo.InvariantCulture);
        string when = "";
        if (first.Length > 0)
        {
            var (step, stepSd) = MeanAndSd(first);
            when = string.Create(CultureInfo.InvariantCulture, $", first at step {step:F0} ± {stepSd:F0}");
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{Label}: below {t} in {first.Length} of {Count} seeds{when}; mean over the second half {late:F3} ± {lateSd:F3}");
    }

    /// <summary>Adds the mean with error bars of one standard deviation to <paramref name="figure"/>, named by <see cref="Label"/>.</summary>
    public Figure AddTo(Figure figure, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.AddErrorBars(Steps, Mean, StandardDeviation, name: Label, color: color);
    }

    /// <summary>The mean and the sample standard deviation (n - 1 in the denominator; 0 for one value).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static (double Mean, double Sd) MeanAndSd(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.ToArray();
        if (v.Length == 0)
        {
            throw new ArgumentException("The mean of no values is undefined.", nameof(values));
        }
        double mean = v.Average();
        double sd = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (mean, sd);
    }

    private IEnumerable<double[]> Columns() =>
        Enumerable.Range(0, runs[0].Length).Select(i => runs.Select(r => r[i]).ToArray());
}
