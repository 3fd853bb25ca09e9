using GanNotes.Gan;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// The pictures a <see cref="TrainingRun"/> keeps in its folder (<see cref="TrainingRun.Charts"/>):
/// after each sample epoch an image grid of G's samples (a p_g against p_data chart for toy
/// data), and when training completes epochs.csv (the history's mean per epoch), loss.html and loss.png, and for images progress.html
/// (every sample grid behind a slider) and progress.png (a strip of them) (<see cref="RunPlots"/>).
/// </summary>
/// <remarks>
/// Charts (loss.png, toy-data samples) are rendered by Chromium; without it they are skipped
/// with one <see cref="TrainingWarning"/>, and after the first failed rendering no more are
/// tried. Image grids and loss.html need no browser.
/// </remarks>
public sealed class RunCharts : IRunCharts
{
    private bool? chartsAvailable;

    /// <summary>Whether to render charts to PNG through Chromium (default true); false skips them silently.</summary>
    public bool ChartImages { get; init; } = true;

    /// <inheritdoc/>
    public string? WriteSample(TrainingRun run, int epoch, string path, IProgress<TrainingEvent>? progress)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Recipe.IsToy)
        {
            RunPlots.SaveImageGrid(run.Trainer, path);
            return path;
        }
        return ChartsAvailable(progress) && TrySaveChart(RunPlots.SampleFigure(run.Trainer, run.Recipe, epoch), path, progress) ? path : null;
    }

    /// <inheritdoc/>
    public void WriteLosses(TrainingRun run, IProgress<TrainingEvent>? progress)
    {
        ArgumentNullException.ThrowIfNull(run);
        var history = RunHistory.Read(RunFolder.HistoryPath(run.Directory));
        RunHistory.Write(RunFolder.EpochsPath(run.Directory), RunHistory.EpochMeans(history, run.Trainer.StepsPerEpoch));
        var figure = RunPlots.LossFigure(history);
        figure.SaveHtml(RunFolder.LossHtmlPath(run.Directory), RunPlots.HtmlPlotly());
        if (ChartsAvailable(progress))
        {
            TrySaveChart(figure, RunFolder.LossPngPath(run.Directory), progress);
        }
        if (!run.Recipe.IsToy && RunFolder.Samples(run.Directory).Count > 0)
        {
            var animation = RunPlots.ProgressAnimation(run.Directory);
            animation.SaveHtml(RunFolder.ProgressHtmlPath(run.Directory));
            animation.SavePng(RunFolder.ProgressPngPath(run.Directory));
        }
    }

    private bool ChartsAvailable(IProgress<TrainingEvent>? progress)
    {
        if (chartsAvailable is null)
        {
            chartsAvailable = ChartImages && FigureExport.IsAvailable;
            if (ChartImages && chartsAvailable == false)
            {
                progress?.Report(new TrainingWarning(RunPlots.NoChromiumWarning));
            }
        }
        return chartsAvailable.Value;
    }

    private bool TrySaveChart(Figure figure, string path, IProgress<TrainingEvent>? progress)
    {
        try
        {
            figure.SavePng(path, figure.Layout.Width, figure.Layout.Height);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
        {
            // A chart is not worth stopping training for; stop trying after the first failure.
            chartsAvailable = false;
            progress?.Report(new TrainingWarning($"chart images skipped from now on: {e.Message}"));
            return false;
        }
    }
}
