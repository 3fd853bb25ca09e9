namespace GanNotes.Gan;

/// <summary>What a teacher can point at when training goes wrong.</summary>
public enum AlarmKind
{
    /// <summary>D's loss stayed near 0: it separates real from fake perfectly and G's gradient vanishes.</summary>
    DiscriminatorWins,
    /// <summary>A gradient norm above the limit: the step size is about to blow the parameters up.</summary>
    ExplodingGradient,
}

/// <summary>One raised alarm.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Step">The generator step at which it was raised.</param>
/// <param name="Message">One line for the student.</param>
public sealed record Alarm(AlarmKind Kind, int Step, string Message);

/// <summary>
/// Watches the step records for the classic failure signs. Each alarm is raised once when its
/// condition starts and again only after the condition has cleared.
/// </summary>
/// <param name="lossDNearZero">D's loss counts as "near 0" below this (default 0.01).</param>
/// <param name="patience">How many consecutive steps of it raise the alarm (default 100).</param>
/// <param name="maxGradNorm">A gradient norm above this raises an alarm (default 100).</param>
public sealed class GanAlarms(float lossDNearZero = 0.01f, int patience = 100, float maxGradNorm = 100f)
{
    private int nearZeroRun;
    private bool discriminatorAlarmRaised;
    private bool gradientAlarmRaised;

    /// <summary>Feeds one record; returns the alarms it raises (usually none).</summary>
    public IReadOnlyList<Alarm> Observe(StepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var raised = new List<Alarm>();
        nearZeroRun = record.LossD < lossDNearZero ? nearZeroRun + 1 : 0;
        if (nearZeroRun >= patience && !discriminatorAlarmRaised)
        {
            discriminatorAlarmRaised = true;
            raised.Add(new Alarm(AlarmKind.DiscriminatorWins, record.Step,
                $"Step {record.Step}: D's loss has been below {lossDNearZero} for {nearZeroRun} steps; D wins and G learns nothing (try the non-saturating loss, a lower D learning rate or k = 1)."));
        }
        else if (nearZeroRun == 0)
        {
            discriminatorAlarmRaised = false;
        }

        float norm = Math.Max(record.GradNormD, record.GradNormG);
        if (norm > maxGradNorm && !gradientAlarmRaised)
        {
            gradientAlarmRaised = true;
            string who = record.GradNormD >= record.GradNormG ? "D" : "G";
            raised.Add(new Alarm(AlarmKind.ExplodingGradient, record.Step,
                $"Step {record.Step}: {who}'s gradient norm is {norm:F1} (> {maxGradNorm}); lower the learning rate."));
        }
        else if (norm <= maxGradNorm)
        {
            gradientAlarmRaised = false;
        }
        return raised;
    }

    /// <summary>
    /// Feeds a whole run's records, in order, to a fresh watcher with the default thresholds and
    /// returns every alarm it raised: what <c>gan-notes train</c> would have printed during that run.
    /// </summary>
    /// <param name="history">The run's step records, first step first.</param>
    public static IReadOnlyList<Alarm> Replay(IEnumerable<StepRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var alarms = new GanAlarms();
        return [.. history.SelectMany(alarms.Observe)];
    }
}
