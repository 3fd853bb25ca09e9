namespace GanNotes.Gan;

/// <summary>
/// What a <see cref="TrainingRun"/> draws into its folder: G's samples after each sample epoch,
/// and the loss curves when training completes. <c>GanNotes.Reports.RunCharts</c> draws them:
/// Reports sits above both Gan and Plots in the library's layers, and Gan itself draws nothing.
/// </summary>
public interface IRunCharts
{
    /// <summary>Draws the samples of <paramref name="epoch"/> into <paramref name="path"/>.</summary>
    /// <returns>The file written, or null when the chart was skipped (a warning says why).</returns>
    string? WriteSample(TrainingRun run, int epoch, string path, IProgress<TrainingEvent>? progress);

    /// <summary>Draws the loss curves of the run's history (loss.html, loss.png).</summary>
    void WriteLosses(TrainingRun run, IProgress<TrainingEvent>? progress);
}
