using System.Diagnostics;
using GanNotes.Optim;

namespace GanNotes.Gan;

/// <summary>
/// A GAN training run on disk: builds everything from a <see cref="GanRecipe"/>, trains with
/// Algorithm 1 epoch by epoch, and keeps the run folder (<see cref="RunFolder"/>) up to date, so
/// that a stopped run (Ctrl+C, a crash) resumes bit for bit where it stopped.
/// </summary>
/// <remarks>
/// <para>
/// After every epoch: the epoch's lines are appended to history.csv, then the checkpoint is
/// saved (atomically), then, on sample epochs, <see cref="Charts"/> draws the samples. When
/// training completes, <see cref="Charts"/> draws the loss curves (loss.html and loss.png).
/// Without <see cref="Charts"/> the run writes no pictures.
/// </para>
/// <para>
/// A NaN or infinite loss or gradient stops training with <see cref="TrainingDivergedException"/>
/// (naming the step) before that update is applied; the history up to it is kept, and the last
/// checkpoint on disk is the end of the last good epoch.
/// </para>
/// </remarks>
public sealed class TrainingRun
{
    private readonly RunConfig config;

    private TrainingRun(string directory, RunConfig config, GanTrainer trainer)
    {
        Directory = directory;
        this.config = config;
        Trainer = trainer;
    }

    /// <summary>The run folder (full path).</summary>
    public string Directory { get; }

    /// <summary>The recipe the run follows.</summary>
    public GanRecipe Recipe => config.Recipe;

    /// <summary>G, D, their optimizers and Algorithm 1's state.</summary>
    public GanTrainer Trainer { get; }

    /// <summary>
    /// Draws the samples and loss curves into the run folder (null, the default: none are
    /// drawn). The <c>gan-notes train</c> command sets <c>GanNotes.Reports.RunCharts</c>.
    /// </summary>
    public IRunCharts? Charts { get; set; }

    /// <summary>Starts a new run in <paramref name="directory"/>, which must not exist or be empty.</summary>
    /// <remarks>The data is loaded and the networks built before anything is written, so a failure leaves no folder behind.</remarks>
    /// <exception cref="InvalidRecipeException">The recipe is invalid (the message names the setting and value).</exception>
    /// <exception cref="IOException">The folder already holds files.</exception>
    /// <exception cref="FileNotFoundException">The dataset is missing (the message says how to get it).</exception>
    /// <param name="recipe">What to train.</param>
    /// <param name="directory">The run folder to create.</param>
    /// <param name="dataDirectory">The data folder (null: located).</param>
    /// <param name="device">Where to compute (null: <see cref="Tensors.Device.Default"/>).</param>
    public static TrainingRun Create(GanRecipe recipe, string directory, string? dataDirectory = null, Tensors.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        recipe.Validate();
        string full = Path.GetFullPath(directory);
        if (System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new IOException($"{full} already exists and is not empty: resume the run in it, or choose another folder.");
        }
        var trainer = RunBuilder.Trainer(recipe, RunBuilder.Sampler(recipe, dataDirectory), device);
        var config = new RunConfig(recipe, RunConfig.CurrentVersion, trainer.StepsPerEpoch);
        System.IO.Directory.CreateDirectory(full);
        config.Save(RunFolder.ConfigPath(full));
        RunHistory.Create(RunFolder.HistoryPath(full));
        return new TrainingRun(full, config, trainer);
    }

    /// <summary>
    /// Reopens the run in <paramref name="directory"/> at its last checkpoint (or at step 0 if it
    /// never finished an epoch), truncating history.csv to that step.
    /// </summary>
    /// <param name="directory">The run folder.</param>
    /// <param name="epochs">A new total number of epochs, to train further (null: the recipe's).</param>
    /// <param name="lr">A new learning rate, e.g. after a divergence (null: the recipe's). The run then no longer equals an uninterrupted one.</param>
    /// <param name="dataDirectory">The data folder (null: located).</param>
    /// <exception cref="FileNotFoundException">The folder has no config.json, or the dataset is missing.</exception>
    /// <exception cref="InvalidDataException">config.json, history.csv or the checkpoint is damaged or does not fit the data.</exception>
    /// <exception cref="InvalidRecipeException">The new epochs or lr are invalid, or fewer epochs than already done.</exception>
    /// <param name="device">Where to compute (null: <see cref="Tensors.Device.Default"/>); a run may resume on another device than it started on.</param>
    public static TrainingRun Resume(string directory, int? epochs = null, float? lr = null, string? dataDirectory = null, Tensors.Device? device = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        var saved = RunConfig.Read(RunFolder.ConfigPath(full));
        var recipe = saved.Recipe with { Epochs = epochs ?? saved.Recipe.Epochs, Lr = lr ?? saved.Recipe.Lr };
        recipe.Validate();
        var trainer = RunBuilder.Trainer(recipe, RunBuilder.Sampler(recipe, dataDirectory), device);
        if (trainer.StepsPerEpoch != saved.StepsPerEpoch)
        {
            throw new InvalidDataException(
                $"{RunFolder.ConfigPath(full)}: the run has {saved.StepsPerEpoch} steps per epoch but the data now gives {trainer.StepsPerEpoch}; was the dataset changed?");
        }
        string checkpoint = RunFolder.LastCheckpointPath(full);
        string historyPath = RunFolder.HistoryPath(full);
        if (File.Exists(checkpoint))
        {
            GanCheckpoint.Load(trainer, checkpoint);
        }
        else if (File.Exists(historyPath) && RunHistory.Read(historyPath) is { Count: > 0 } done)
        {
            // Starting again from step 0 would cut the history back and lose every finished epoch.
            throw new InvalidDataException(
                $"{checkpoint} is missing, but {historyPath} records {done.Count} finished steps; resuming would restart from step 0 and discard them. Restore the checkpoint, or train a new run into another --out folder.");
        }
        if (trainer.Epoch > recipe.Epochs)
        {
            throw new InvalidRecipeException(new RecipeProblem("epochs", recipe.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the run in {full} has already done {trainer.Epoch} epochs"));
        }
        RunHistory.Truncate(RunFolder.HistoryPath(full), trainer.Step);
        var config = recipe == saved.Recipe ? saved : saved with { Recipe = recipe, Version = RunConfig.CurrentVersion };
        if (!ReferenceEquals(config, saved))
        {
            config.Save(RunFolder.ConfigPath(full));
        }
        return new TrainingRun(full, config, trainer);
    }

    /// <summary>Trains until the recipe's last epoch, or until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="progress">Receives the <see cref="TrainingEvent"/>s, synchronously on this thread.</param>
    /// <param name="cancellationToken">Checked before every step; on cancellation the history is flushed, a checkpoint saved, and the call returns <see cref="TrainingOutcome.Cancelled"/>.</param>
    /// <exception cref="TrainingDivergedException">A loss or gradient became NaN or infinite (the step is named); the last epoch's checkpoint stays on disk.</exception>
    public TrainingResult Train(IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        int stepsPerEpoch = Trainer.StepsPerEpoch;
        int totalSteps = checked(Recipe.Epochs * stepsPerEpoch);
        string historyPath = RunFolder.HistoryPath(Directory);
        var epochRecords = new List<StepRecord>(stepsPerEpoch);
        if (Trainer.Step % stepsPerEpoch is > 0 and var doneThisEpoch && File.Exists(historyPath))
        {
            // Resumed mid-epoch: the epoch's means cover its steps before the stop too.
            epochRecords.AddRange(RunHistory.Read(historyPath).Where(r => r.Step > Trainer.Step - doneThisEpoch && r.Step <= Trainer.Step));
        }
        var history = new RunHistory.Appender(historyPath);
        var alarms = new GanAlarms(maxGradNorm: Recipe.MaxGradNorm);
        var clock = Stopwatch.StartNew();
        progress?.Report(new TrainingStarted(Recipe, Directory, Trainer.Step, stepsPerEpoch, totalSteps, Trainer.G.Device));
        string checkpoint = RunFolder.LastCheckpointPath(Directory);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        while (Trainer.Step < totalSteps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                history.Flush();
                GanCheckpoint.Save(Trainer, checkpoint);
                return new TrainingResult(TrainingOutcome.Cancelled, Trainer.Step, Trainer.Epoch, checkpoint);
            }
            ApplyMomentum(Trainer.Step / stepsPerEpoch);
            StepRecord record;
            try
            {
                record = Trainer.TrainStep();
            }
            catch (TrainingDivergedException)
            {
                history.Flush(); // the losses that led up to it are worth seeing; resuming truncates them
                throw;
            }
            history.Add(record);
            epochRecords.Add(record);
            progress?.Report(new StepCompleted(record, totalSteps));
            foreach (var alarm in alarms.Observe(record))
            {
                progress?.Report(new AlarmRaised(alarm));
            }
            if (Trainer.Step % stepsPerEpoch == 0)
            {
                int epoch = Trainer.Step / stepsPerEpoch;
                history.Flush();
                GanCheckpoint.Save(Trainer, checkpoint);
                string? sample = null;
                if (Recipe.IsSampleEpoch(epoch))
                {
                    sample = Charts?.WriteSample(this, epoch, RunFolder.SamplePath(Directory, epoch), progress);
                    if (Recipe.KeepSampleCheckpoints)
                    {
                        GanCheckpoint.Save(Trainer, RunFolder.EpochCheckpointPath(Directory, epoch));
                    }
                }
                progress?.Report(new EpochCompleted(epoch, Recipe.Epochs,
                    epochRecords.Average(r => r.LossD), epochRecords.Average(r => r.LossG),
                    epochRecords.Average(r => r.DReal), epochRecords.Average(r => r.DFake), sample, clock.Elapsed));
                epochRecords.Clear();
            }
        }
        Charts?.WriteLosses(this, progress);
        return new TrainingResult(TrainingOutcome.Completed, Trainer.Step, Trainer.Epoch, checkpoint);
    }

    /// <summary>The GAN paper's momentum ramp: SGD's momentum for the epoch about to run.</summary>
    private void ApplyMomentum(int epochIndex)
    {
        if (Recipe.Optimizer != OptimizerKind.Sgd)
        {
            return;
        }
        float momentum = Recipe.MomentumAt(epochIndex);
        foreach (var optimizer in new[] { Trainer.OptimizerG, Trainer.OptimizerD })
        {
            ((Sgd)optimizer).Momentum = momentum;
        }
    }
}
