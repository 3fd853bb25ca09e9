using GanNotes.Evaluation;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// A run's scores per epoch, from its evaluation.csv (what <c>gan-notes plots</c> draws as
/// evaluation.html and evaluation.png): the classifier's Fréchet distance for image runs, the modes
/// hit for ring runs.
/// </summary>
public static class EvaluationFigure
{
    /// <summary>The interactive chart's file name.</summary>
    public const string HtmlFileName = "evaluation.html";

    /// <summary>The static chart's file name.</summary>
    public const string PngFileName = "evaluation.png";

    /// <summary>The main score of each row against its epoch (rows in any order), with markers at the scored epochs.</summary>
    /// <exception cref="ArgumentException">No rows, or rows with neither score.</exception>
    public static Figure Of(IReadOnlyList<EvaluationScores> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        rows = [.. rows.OrderBy(r => r.Epoch)];
        var epochs = rows.Select(r => (double)r.Epoch).ToArray();
        if (rows.Count > 0 && rows.All(r => r.FrechetDistance is not null))
        {
            return new Figure()
                .Add(new ScatterTrace(epochs, [.. rows.Select(r => r.FrechetDistance!.Value)])
                {
                    Mode = ScatterMode.LinesAndMarkers, Name = "Fréchet distance", Color = "rgb(31,119,180)", MarkerSize = 7,
                })
                .WithTitle($"Fréchet distance to the test set per epoch ({rows[^1].Count} samples; lower is better)")
                .WithAxes("epoch", "Fréchet distance")
                .WithSize(800, 450);
        }
        if (rows.Count > 0 && rows.All(r => r.ModesHit is not null))
        {
            return new Figure()
                .Add(new ScatterTrace(epochs, [.. rows.Select(r => (double)r.ModesHit!.Value)])
                {
                    Mode = ScatterMode.LinesAndMarkers, Name = "modes hit", Color = "rgb(255,127,14)", MarkerSize = 7,
                })
                .WithTitle($"Modes of the ring hit per epoch ({rows[^1].Count} samples)")
                .WithAxes("epoch", "modes hit")
                .WithSize(800, 450);
        }
        throw new ArgumentException("An evaluation chart needs rows that all hold a Fréchet distance (image runs) or all a mode count (ring runs).", nameof(rows));
    }
}
