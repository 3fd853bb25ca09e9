using System.Globalization;
using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>
/// A training run on the ring of Gaussians (<see cref="GaussianRing2D"/>) with the coverage of
/// G's samples measured as it trains: after every few steps, the modes hit and the high-quality
/// share of G's samples of the same fixed noise (<see cref="RingCoverage"/>), so that mode
/// collapse, and a generator that hops from mode to mode, can be seen over time.
/// </summary>
/// <example><code>
/// var run = RingRun.Train(game, ring, steps: 2000, every: 100, new LearningRateDrop(1400, 1e-4f));
/// Console.WriteLine(run.Final);                                    // 8 of 8 modes hit, ...
/// RingFigure.Panels(ring, data, run.Panels(200, 500, 1000, 2000), "G on the ring");
/// </code></example>
public sealed class RingRun
{
    private RingRun(TrackedRun run, GaussianRing2D ring)
    {
        Run = run;
        Ring = ring;
        Coverage = [.. run.Samples.Select(s => RingCoverage.Measure(ring, s))];
        Final = RingCoverage.Measure(ring, run.Final);
    }

    /// <summary>The run: every step's record and G's samples of the fixed noise.</summary>
    public TrackedRun Run { get; }

    /// <summary>p_data, the ring the samples are measured against.</summary>
    public GaussianRing2D Ring { get; }

    /// <summary>The coverage after each step of <see cref="TrackedRun.MeasuredAt"/>.</summary>
    public IReadOnlyList<RingCoverage> Coverage { get; }

    /// <summary>The coverage after the run's last step.</summary>
    public RingCoverage Final { get; }

    /// <summary>Every step's losses, mean D outputs and gradient norms (for <see cref="GanAlarms.Replay"/>).</summary>
    public IReadOnlyList<StepRecord> History => Run.History;

    /// <summary>
    /// The modes hit after every, 2 every, ... steps, as a new array (value i after
    /// every × (i + 1) steps, the form <c>SeedCurves</c> takes).
    /// </summary>
    public double[] ModesHitCurve() => [.. Coverage.Select(c => (double)c.ModesHit)];

    /// <summary>The coverage after <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run did not measure after that step.</exception>
    public RingCoverage CoverageAt(int step) => step == Run.Steps ? Final : Coverage[Run.IndexOf(step)];

    /// <summary>
    /// G's samples after each of <paramref name="steps"/>, labelled "step 500: 2 of 8 modes", for
    /// <c>RingFigure.Panels</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The run did not keep the samples of one of the steps.</exception>
    public IReadOnlyList<(string Label, Tensor Samples)> Panels(params int[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return [.. steps.Select(step => (string.Create(CultureInfo.InvariantCulture,
            $"step {step}: {CoverageAt(step).ModesHit} of {Ring.Modes} modes"), Run.SamplesAt(step)))];
    }

    /// <summary>
    /// Trains <paramref name="game"/> on <paramref name="ring"/> for <paramref name="steps"/>
    /// generator steps and measures G's coverage after every <paramref name="every"/> steps and at the end.
    /// </summary>
    /// <param name="game">A game whose data sampler draws from <paramref name="ring"/>; trained in place.</param>
    /// <param name="ring">p_data.</param>
    /// <param name="steps">How many steps to train, 1 or more.</param>
    /// <param name="every">Steps between two measurements, 1 or more.</param>
    /// <param name="drop">Lowers both learning rates after a step of the run; null keeps them.</param>
    /// <exception cref="ArgumentException">G's samples are not 2-D points (a game on other data).</exception>
    /// <exception cref="ArgumentOutOfRangeException">steps or every is below 1.</exception>
    public static RingRun Train(GanTrainer game, GaussianRing2D ring, int steps, int every, LearningRateDrop? drop = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(ring);
        if (game.Data.Dimension != 2)
        {
            throw new ArgumentException($"RingRun needs a game on 2-D points, got data of dimension {game.Data.Dimension}.", nameof(game));
        }
        return new RingRun(TrackedRun.Train(game, steps, every, drop), ring);
    }
}
