namespace GanNotes.Gan;

/// <summary>
/// What a <see cref="TrainingRun"/> reports while it trains, on the training thread and in
/// order: one <see cref="TrainingStarted"/>, a <see cref="StepCompleted"/> per generator step,
/// an <see cref="EpochCompleted"/> per epoch, and <see cref="AlarmRaised"/> or
/// <see cref="TrainingWarning"/> when something deserves a look.
/// </summary>
/// <remarks>Report to a synchronous <see cref="IProgress{T}"/>: the framework's <see cref="Progress{T}"/> posts to the thread pool and may reorder events.</remarks>
public abstract record TrainingEvent;

/// <summary>Training begins (or resumes).</summary>
/// <param name="Recipe">The run's recipe.</param>
/// <param name="Directory">The run folder.</param>
/// <param name="StartStep">Generator steps already done (0 for a new run).</param>
/// <param name="StepsPerEpoch">Generator steps per epoch.</param>
/// <param name="TotalSteps">The step at which training will end.</param>
/// <param name="Device">Where G and D compute.</param>
public sealed record TrainingStarted(GanRecipe Recipe, string Directory, int StartStep, int StepsPerEpoch, int TotalSteps, Tensors.Device Device) : TrainingEvent;

/// <summary>One iteration of Algorithm 1 finished.</summary>
/// <param name="Record">Its losses, D outputs and gradient norms.</param>
/// <param name="TotalSteps">The step at which training will end.</param>
public sealed record StepCompleted(StepRecord Record, int TotalSteps) : TrainingEvent;

/// <summary>An epoch finished; its checkpoint is on disk.</summary>
/// <param name="Epoch">The epoch just finished (1-based).</param>
/// <param name="Epochs">The run's total.</param>
/// <param name="MeanLossD">D's loss averaged over the epoch's steps (those run in this session, after a resume).</param>
/// <param name="MeanLossG">G's loss averaged likewise.</param>
/// <param name="MeanDReal">Mean D(x), averaged likewise.</param>
/// <param name="MeanDFake">Mean D(G(z)), averaged likewise.</param>
/// <param name="SamplePath">The sample image written for this epoch, or null.</param>
/// <param name="Elapsed">Time since training started in this session.</param>
public sealed record EpochCompleted(int Epoch, int Epochs, double MeanLossD, double MeanLossG, double MeanDReal, double MeanDFake, string? SamplePath, TimeSpan Elapsed) : TrainingEvent;

/// <summary>A failure alarm (<see cref="GanAlarms"/>): training goes on, but a teacher would point at it.</summary>
/// <param name="Alarm">What was seen, at which step.</param>
public sealed record AlarmRaised(Alarm Alarm) : TrainingEvent;

/// <summary>Something was skipped (e.g. chart images without Chromium); training goes on.</summary>
/// <param name="Message">One line.</param>
public sealed record TrainingWarning(string Message) : TrainingEvent;
