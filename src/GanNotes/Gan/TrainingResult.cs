namespace GanNotes.Gan;

/// <summary>How a call of <see cref="TrainingRun.Train"/> ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All the recipe's epochs are done; the loss plots are written.</summary>
    Completed,

    /// <summary>Cancelled: a checkpoint of the last finished step is saved; <see cref="TrainingRun.Resume"/> continues from it.</summary>
    Cancelled,
}

/// <summary>The end of a <see cref="TrainingRun.Train"/> call.</summary>
/// <param name="Outcome">Completed or cancelled.</param>
/// <param name="Step">Generator steps done in total.</param>
/// <param name="Epoch">Whole epochs done in total.</param>
/// <param name="Checkpoint">The checkpoint holding that state.</param>
public sealed record TrainingResult(TrainingOutcome Outcome, int Step, int Epoch, string Checkpoint);
