using System.Globalization;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// A short training run of a <see cref="GanTrainer"/>, kept for study: the record of every
/// generator step, and G's samples of the trainer's fixed noise every few steps, so that the same
/// z can be followed through the run (how many modes they hit, where their mean goes).
/// </summary>
/// <remarks>
/// Step s of the run is one <see cref="GanTrainer.TrainStep"/> (k discriminator steps, then one
/// generator step); steps count from the start of this run. After steps every, 2 every, ... the
/// run keeps <see cref="GanTrainer.SampleFixed"/>, G in evaluation mode, which changes nothing in
/// the game; after the last step it keeps <see cref="Final"/>.
/// </remarks>
/// <example><code>
/// var run = TrackedRun.Train(game, steps: 2000, every: 100, new LearningRateDrop(1400, 1e-4f));
/// Console.WriteLine(run.SamplesAt(500).Mean().Item());   // the mean of G's samples after step 500
/// </code></example>
public sealed class TrackedRun
{
    private readonly Dictionary<int, int> indexOfStep;

    private TrackedRun(int steps, int every, IReadOnlyList<StepRecord> history, IReadOnlyList<int> measuredAt, IReadOnlyList<Tensor> samples, Tensor final)
    {
        Steps = steps;
        Every = every;
        History = history;
        MeasuredAt = measuredAt;
        Samples = samples;
        Final = final;
        indexOfStep = measuredAt.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => p.i);
    }

    /// <summary>The run's number of generator steps.</summary>
    public int Steps { get; }

    /// <summary>Steps between two samplings of the fixed noise.</summary>
    public int Every { get; }

    /// <summary>Every step's losses, mean D outputs and gradient norms, in order.</summary>
    public IReadOnlyList<StepRecord> History { get; }

    /// <summary>The steps after which G's samples were kept: every, 2 every, ..., up to <see cref="Steps"/>.</summary>
    public IReadOnlyList<int> MeasuredAt { get; }

    /// <summary>G(z) for the trainer's fixed noise after each step of <see cref="MeasuredAt"/>.</summary>
    public IReadOnlyList<Tensor> Samples { get; }

    /// <summary>G(z) for the fixed noise after the run's last step.</summary>
    public Tensor Final { get; }

    /// <summary>G's samples of the fixed noise after <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The samples of that step were not kept.</exception>
    public Tensor SamplesAt(int step) => step == Steps ? Final : Samples[IndexOf(step)];

    /// <summary>The position of <paramref name="step"/> in <see cref="MeasuredAt"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The samples of that step were not kept.</exception>
    public int IndexOf(int step) => indexOfStep.TryGetValue(step, out int i) ? i
        : throw new ArgumentOutOfRangeException(nameof(step), step, string.Create(CultureInfo.InvariantCulture,
            $"The run kept G's samples after steps {Every}, {2 * Every}, ... up to {Steps}, not after step {step}; choose a multiple of {Every}."));

    /// <summary>
    /// Trains <paramref name="game"/> for <paramref name="steps"/> generator steps, keeping every
    /// step's record and G's samples of the fixed noise after every <paramref name="every"/> steps.
    /// </summary>
    /// <param name="game">The game, trained in place.</param>
    /// <param name="steps">How many steps to train, 1 or more.</param>
    /// <param name="every">Steps between two samplings, 1 or more.</param>
    /// <param name="drop">Lowers both learning rates after a step of the run; null keeps them.</param>
    /// <exception cref="ArgumentOutOfRangeException">steps or every is below 1.</exception>
    /// <exception cref="TrainingDivergedException">A loss or gradient became NaN or infinite.</exception>
    public static TrackedRun Train(GanTrainer game, int steps, int every, LearningRateDrop? drop = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Invalid steps: {steps}; train at least 1 step.");
        }
        if (every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, $"Invalid every: {every}; sample at least every 1 step.");
        }
        var history = new List<StepRecord>(steps);
        var measuredAt = new List<int>();
        var samples = new List<Tensor>();
        for (int step = 1; step <= steps; step++)
        {
            if (drop is not null && step == drop.AfterStep + 1)
            {
                game.OptimizerG.Lr = game.OptimizerD.Lr = drop.Lr;
            }
            history.Add(game.TrainStep());
            if (step % every == 0)
            {
                measuredAt.Add(step);
                samples.Add(game.SampleFixed());
            }
        }
        var final = steps % every == 0 ? samples[^1] : game.SampleFixed();
        return new TrackedRun(steps, every, history, measuredAt, samples, final);
    }
}
