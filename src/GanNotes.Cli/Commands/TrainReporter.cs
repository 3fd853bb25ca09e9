using System.Diagnostics;
using System.Globalization;
using GanNotes.Gan;
using Spectre.Console;

namespace GanNotes.Cli.Commands;

/// <summary>
/// Shows a training run: on a terminal a live progress bar (steps, ETA) whose description
/// carries the running D loss, G loss, D(x) and D(G(z)), with one line per epoch above it; when
/// output is redirected, the epoch lines only. Alarms and warnings are yellow lines.
/// </summary>
internal sealed class TrainReporter(ConsoleLines lines) : IProgress<TrainingEvent>
{
    /// <summary>Weight of the newest step in the running averages shown (about the last 50 steps).</summary>
    private const double Smoothing = 0.02;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly Stopwatch clock = new();
    private ProgressTask? task;
    private int epochs;
    private int stepsThisSession;
    private int totalSteps;
    private int lastStep;
    private double lossD, lossG, dReal, dFake;

    /// <summary>Runs <paramref name="train"/> on a worker thread, inside the live display on a terminal.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<TrainingEvent>, T> train)
    {
        if (!lines.Interactive)
        {
            return await Task.Run(() => train(this)).ConfigureAwait(false);
        }
        T result = default!;
        await lines.Console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = 16 },
                new PercentageColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                task = context.AddTask("starting", autoStart: false);
                try
                {
                    result = await Task.Run(() => train(this)).ConfigureAwait(false);
                }
                finally
                {
                    task.StopTask();
                }
            }).ConfigureAwait(false);
        return result;
    }

    public void Report(TrainingEvent value)
    {
        switch (value)
        {
            case TrainingStarted started:
                epochs = started.Recipe.Epochs;
                totalSteps = started.TotalSteps;
                lastStep = started.StartStep;
                clock.Restart();
                lines.Line(Describe(started));
                if (task is not null)
                {
                    task.MaxValue = Math.Max(1, started.TotalSteps);
                    task.Value = started.StartStep;
                    task.Description = $"epoch {started.StartStep / started.StepsPerEpoch + 1}/{epochs}";
                    task.StartTask();
                }
                break;
            case StepCompleted step:
                Smooth(step.Record);
                lastStep = step.Record.Step;
                if (task is not null)
                {
                    task.Value = step.Record.Step;
                    task.Description = string.Create(Invariant,
                        $"{Math.Clamp((int)Math.Ceiling(step.Record.Epoch), 1, epochs)}/{epochs} D {lossD:F3} G {lossG:F3} D(x) {dReal:F2} D(G(z)) {dFake:F2}");
                }
                break;
            case EpochCompleted epoch:
                lines.Line(string.Create(Invariant,
                    $"epoch {epoch.Epoch}/{epoch.Epochs}  D loss {epoch.MeanLossD:F3}  G loss {epoch.MeanLossG:F3}  D(x) {epoch.MeanDReal:F3}  D(G(z)) {epoch.MeanDFake:F3}  {Duration(epoch.Elapsed)}  ETA {Duration(Eta())}")
                    + (epoch.SamplePath is { } sample ? $"  sample {sample}" : ""));
                break;
            case AlarmRaised alarm:
                lines.Warn(alarm.Alarm.Message);
                break;
            case TrainingWarning warning:
                lines.Warn(warning.Message);
                break;
        }
    }

    /// <summary>"1h 02m", "3m 05s", "12.3 s".</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(Invariant, $"{(int)t.TotalHours}h {t.Minutes:D2}m")
        : t.TotalMinutes >= 1 ? string.Create(Invariant, $"{(int)t.TotalMinutes}m {t.Seconds:D2}s")
        : string.Create(Invariant, $"{t.TotalSeconds:F1} s");

    /// <summary>"1 epoch", "20 epochs".</summary>
    public static string Count(int n, string noun) => string.Create(Invariant, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private void Smooth(StepRecord r)
    {
        double a = stepsThisSession++ == 0 ? 1 : Smoothing;
        lossD += a * (r.LossD - lossD);
        lossG += a * (r.LossG - lossG);
        dReal += a * (r.DReal - dReal);
        dFake += a * (r.DFake - dFake);
    }

    private TimeSpan Eta() => stepsThisSession == 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / stepsThisSession * (totalSteps - lastStep));

    private static string Describe(TrainingStarted s)
    {
        var r = s.Recipe;
        string optimizer = r.Optimizer == OptimizerKind.Adam
            ? string.Create(Invariant, $"adam lr {r.Lr:G4} betas ({r.Beta1:G3}, {r.Beta2:G4})")
            : string.Create(Invariant, $"sgd lr {r.Lr:G4} momentum {r.MomentumStart:G3}") + (r.MomentumRampEpochs > 0 && r.MomentumEnd != r.MomentumStart
                ? string.Create(Invariant, $" to {r.MomentumEnd:G3} over {r.MomentumRampEpochs} epochs") : "");
        string what = string.Create(Invariant,
            $"{r.Name} ({RecipeNames.Of(r.Architecture)}) on {RecipeNames.Of(r.Dataset)}: {Count(r.Epochs, "epoch")} of {s.StepsPerEpoch} steps, m {r.BatchSize}, k {r.K}, {RecipeNames.Of(r.Loss)} loss, {optimizer}, z {r.ZDim}, h {r.Hidden}, seed {r.Seed}");
        string device = s.Device.Description == s.Device.ToString() ? $"on {s.Device}" : $"on {s.Device} ({s.Device.Description})";
        return s.StartStep == 0
            ? $"Training {what}\n  {device}, into {s.Directory}"
            : string.Create(Invariant, $"Resuming at step {s.StartStep} (epoch {s.StartStep / s.StepsPerEpoch} done): {what}\n  {device}, in {s.Directory}");
    }
}
