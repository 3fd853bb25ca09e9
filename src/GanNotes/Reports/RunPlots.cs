using System.Globalization;
using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Gan;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// The figures of a training run: the loss curves, and G's samples at an epoch (an image grid
/// for images; p_g against p_data for toy data). <see cref="Regenerate"/> redraws them all from
/// a run folder's history.csv and checkpoints (what <c>gan-notes plots</c> does).
/// </summary>
public static class RunPlots
{
    /// <summary>The one line shown when chart images cannot be rendered: what is missing, and the fix.</summary>
    public static string NoChromiumWarning =>
        $"chart images (loss.png, toy-data samples) skipped: {FigureExport.UnavailableReason ?? "Chromium cannot render them"}; loss.html and everything else is still written";

    private const string BlueRaw = "rgba(31,119,180,0.25)";
    private const string Blue = "rgb(31,119,180)";
    private const string OrangeRaw = "rgba(255,127,14,0.25)";
    private const string Orange = "rgb(255,127,14)";

    // The course draws p_data black and p_g green, as the GAN paper's Figure 1 does (ToyGameFigure, RingFigure).
    private const string DataColor = "black";
    private const string GColor = "green";
    private const int MaxPointsPerLine = 4000;
    private const int ToySampleCount = 2000;
    private const ulong ToySampleSeed = 0x5EED_0F_70_5A_3B1EUL;

    /// <summary>
    /// D's and G's loss per generator step: the raw values faint, a trailing moving average
    /// bold, and a dashed line at log 2, D's loss at the game's optimum (D = 1/2 everywhere).
    /// </summary>
    /// <param name="history">The step records, in order.</param>
    /// <param name="window">Steps per moving average (default: a 50th of the run, between 1 and 200).</param>
    public static Figure LossFigure(IReadOnlyList<StepRecord> history, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        int w = window ?? Math.Clamp(history.Count / 50, 1, 200);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(w, nameof(window));
        var steps = history.Select(r => (double)r.Step).ToArray();
        var lossD = history.Select(r => (double)r.LossD).ToArray();
        var lossG = history.Select(r => (double)r.LossG).ToArray();
        int stride = Math.Max(1, (history.Count + MaxPointsPerLine - 1) / MaxPointsPerLine);
        var figure = new Figure()
            .AddLine(Every(steps, stride), Every(lossD, stride), "D loss", BlueRaw, width: 1)
            .AddLine(Every(steps, stride), Every(lossG, stride), "G loss", OrangeRaw, width: 1)
            .AddLine(Every(steps, stride), Every(Smoothing.MovingAverage(lossD, w), stride), $"D loss, mean of {w} steps", Blue, width: 2)
            .AddLine(Every(steps, stride), Every(Smoothing.MovingAverage(lossG, w), stride), $"G loss, mean of {w} steps", Orange, width: 2)
            .WithTitle("Discriminator and generator losses (dashed: log 2, D's loss at the optimum)")
            .WithAxes("generator step", "loss")
            .WithSize(900, 500);
        if (history.Count > 0)
        {
            figure.AddSegment(steps[0], Math.Log(2), steps[^1], Math.Log(2), "gray", LineDash.Dash);
        }
        return figure;
    }

    /// <summary>
    /// p_g against p_data for a toy run at <paramref name="epoch"/>: 1-D, a density histogram of
    /// 2,000 G samples over the exact pdf; 2-D, G samples over real samples; p_data black and p_g
    /// green, the course's colours. The noise is the same at every epoch, so successive charts show G moving.
    /// </summary>
    /// <exception cref="ArgumentException">The recipe is not for toy data.</exception>
    public static Figure SampleFigure(GanTrainer trainer, GanRecipe recipe, int epoch)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(recipe);
        var samples = trainer.Sample(ToySampleCount, new Tensors.Rng(ToySampleSeed)).ToArray();
        switch (RunBuilder.ToyDistribution(recipe))
        {
            case Gaussian1D normal:
                double lo = normal.Mean - 5 * normal.Std, hi = normal.Mean + 5 * normal.Std;
                var xs = Enumerable.Range(0, 201).Select(i => lo + (hi - lo) * i / 200).ToArray();
                return new Figure()
                    .Add(new HistogramTrace([.. samples.Select(v => (double)v)]) { Bins = 60, BinStart = lo, BinEnd = hi, Density = true, Name = "p_g: G(z) samples", Color = GColor })
                    .AddLine(xs, xs.Select(normal.Pdf), "p_data", DataColor, LineDash.Dot, width: 2)
                    .WithTitle($"Epoch {epoch}: p_g against p_data = {normal}")
                    .WithAxes("x", "density")
                    .WithXRange(lo, hi)
                    .WithSize(700, 450);
            case IToyDistribution toy when toy.Dimension == 2:
                var real = toy.Sample(ToySampleCount / 2, new Tensors.Rng(ToySampleSeed + 1)).ToArray();
                return new Figure()
                    .AddScatter(Column(real, 0), Column(real, 1), "p_data samples", "rgba(0,0,0,0.5)", 4)
                    .AddScatter(Column(samples, 0), Column(samples, 1), "p_g: G(z) samples", "rgba(0,128,0,0.45)", 4)
                    .WithTitle($"Epoch {epoch}: G(z) against the ring of Gaussians")
                    .WithAxes("x1", "x2")
                    .WithXRange(-3, 3)
                    .WithYRange(-3, 3)
                    .WithSize(600, 600);
            default:
                throw new ArgumentException($"A sample chart is drawn for toy data; {RecipeNames.Of(recipe.Dataset)} samples are images (see SaveImageGrid).", nameof(recipe));
        }
    }

    /// <summary>G(fixed z) as an 8-column image grid at twice the size (<see cref="SampleGridFile"/>), written atomically to <paramref name="path"/>.</summary>
    public static void SaveImageGrid(GanTrainer trainer, string path)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        SampleGridFile.Draw(trainer.SampleFixed()).Save(path);
    }

    /// <summary>
    /// Every sample grid of an image run (samples/epoch_NNN.png) as one animation with a slider,
    /// each grid at the size of its images (the files are drawn at twice that).
    /// </summary>
    /// <param name="directory">The run folder.</param>
    /// <param name="title">Shown above the picture (default: the folder's name).</param>
    /// <exception cref="FileNotFoundException">The run has written no sample grid yet.</exception>
    /// <exception cref="InvalidDataException">A sample file is not a grayscale PNG; the message names it.</exception>
    public static ImageAnimation ProgressAnimation(string directory, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var samples = RunFolder.Samples(directory);
        if (samples.Count == 0)
        {
            throw new FileNotFoundException($"{Path.Combine(directory, RunFolder.SamplesFolderName)} holds no epoch_NNN.png: the run has not finished a sample epoch yet.");
        }
        var animation = new ImageAnimation(title ?? $"Samples of G from the fixed noise, {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))}");
        foreach (var (epoch, path) in samples)
        {
            animation.Add(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}"), ImageGrid.Load(path, shrink: SampleGridFile.Scale));
        }
        return animation;
    }

    /// <summary>Where loss.html loads plotly.js from: inlined from the local copy when there is one (the page opens offline), else the CDN.</summary>
    public static PlotlyJs HtmlPlotly()
    {
        try
        {
            return PlotlyJs.TryLocatePath() is { } path ? PlotlyJs.Inline(path) : PlotlyJs.Cdn;
        }
        catch (FileNotFoundException)
        {
            return PlotlyJs.Cdn;
        }
    }

    /// <summary>
    /// Redraws a run folder's figures: epochs.csv, loss.html and loss.png from history.csv, and
    /// samples/epoch_NNN.png from every kept epoch checkpoint and from the last checkpoint
    /// (when it ends an epoch), and evaluation.html/png from evaluation.csv when the run has been scored. Chart PNGs are skipped, with one warning, when Chromium is missing.
    /// </summary>
    /// <returns>The files written.</returns>
    /// <exception cref="FileNotFoundException">The folder is not a run folder (no config.json or history.csv).</exception>
    /// <exception cref="InvalidDataException">A run file is damaged.</exception>
    public static IReadOnlyList<string> Regenerate(string directory, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var config = RunConfig.Read(RunFolder.ConfigPath(directory));
        var written = new List<string>();
        string historyPath = RunFolder.HistoryPath(directory);
        var history = File.Exists(historyPath)
            ? RunHistory.Read(historyPath)
            : throw new FileNotFoundException($"{historyPath} is missing: the run has no recorded steps, so there are no losses to draw.", historyPath);
        RunHistory.Write(RunFolder.EpochsPath(directory), RunHistory.EpochMeans(history, config.StepsPerEpoch));
        written.Add(RunFolder.EpochsPath(directory));
        var loss = LossFigure(history);
        loss.SaveHtml(RunFolder.LossHtmlPath(directory), HtmlPlotly());
        written.Add(RunFolder.LossHtmlPath(directory));
        bool charts = FigureExport.IsAvailable;
        if (charts)
        {
            loss.SavePng(RunFolder.LossPngPath(directory));
            written.Add(RunFolder.LossPngPath(directory));
        }
        else
        {
            // Only now that loss.html is on disk may the warning say it is.
            warn?.Invoke(NoChromiumWarning);
        }

        if (config.Recipe.IsToy && !charts)
        {
            return written; // toy samples are charts
        }
        var samples = RunFolder.EpochCheckpoints(directory)
            .Select(c => (c.Epoch, Load: (Func<GanTrainer>)(() => RunFolder.LoadForSampling(directory, c.Path))))
            .ToList();
        if (File.Exists(RunFolder.LastCheckpointPath(directory)))
        {
            var last = RunFolder.LoadForSampling(directory);
            // A run stopped mid-epoch has no sample epoch to redraw from its last checkpoint.
            if (last.Step > 0 && last.Step % config.StepsPerEpoch == 0 && samples.All(c => c.Epoch != last.Epoch))
            {
                samples.Add((last.Epoch, () => last));
            }
        }
        foreach (var (epoch, load) in samples)
        {
            var trainer = load();
            string path = RunFolder.SamplePath(directory, epoch);
            if (config.Recipe.IsToy)
            {
                SampleFigure(trainer, config.Recipe, epoch).SavePng(path);
            }
            else
            {
                SaveImageGrid(trainer, path);
            }
            written.Add(path);
        }
        string evaluation = EvaluationCsv.PathIn(directory);
        if (EvaluationChart(evaluation, warn) is { } figure)
        {
            figure.SaveHtml(Path.Combine(directory, EvaluationFigure.HtmlFileName), HtmlPlotly());
            written.Add(Path.Combine(directory, EvaluationFigure.HtmlFileName));
            if (charts)
            {
                figure.SavePng(Path.Combine(directory, EvaluationFigure.PngFileName));
                written.Add(Path.Combine(directory, EvaluationFigure.PngFileName));
            }
        }
        if (!config.Recipe.IsToy && RunFolder.Samples(directory).Count > 0)
        {
            var progress = ProgressAnimation(directory);
            progress.SaveHtml(RunFolder.ProgressHtmlPath(directory));
            progress.SavePng(RunFolder.ProgressPngPath(directory));
            written.Add(RunFolder.ProgressHtmlPath(directory));
            written.Add(RunFolder.ProgressPngPath(directory));
        }
        return written;
    }

    /// <summary>The chart of evaluation.csv; null when there is none, or (with a warning) when it is damaged, so the other figures are still drawn.</summary>
    private static Figure? EvaluationChart(string path, Action<string>? warn)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var scores = EvaluationCsv.Read(path);
            return scores.Count == 0 ? null : EvaluationFigure.Of(scores);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            warn?.Invoke($"evaluation chart skipped: {e.Message} (mend or remove {path}, then run gan-notes evaluate again)");
            return null;
        }
    }

    private static double[] Every(double[] values, int stride) =>
        stride == 1 ? values : [.. values.Where((_, i) => i % stride == 0 || i == values.Length - 1)];

    private static double[] Column(float[] rows, int column) => [.. Enumerable.Range(0, rows.Length / 2).Select(i => (double)rows[2 * i + column])];
}
