using System.Globalization;

namespace GanNotes.Gan;

/// <summary>
/// A one-step learning-rate schedule for both players: after generator step
/// <see cref="AfterStep"/> of a run, G's and D's optimizers both continue at <see cref="Lr"/>.
/// </summary>
/// <remarks>
/// A short toy run at a large rate (Adam at 10^-3) lands near the modes but keeps shaking its
/// samples by about a step's size; the same run at a tenth of the rate for its last steps lets
/// them settle. <see cref="TrackedRun"/> applies it between steps, as PyTorch's
/// <c>MultiStepLR</c> does at a milestone.
/// </remarks>
public sealed record LearningRateDrop
{
    /// <summary>Sets the step after which both learning rates become <paramref name="lr"/>.</summary>
    /// <param name="afterStep">The last step at the old rates, counted from the start of the run (0: from the start).</param>
    /// <param name="lr">The new learning rate of both players.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative step, or a rate that is negative or not finite.</exception>
    public LearningRateDrop(int afterStep, float lr)
    {
        if (afterStep < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(afterStep), afterStep, string.Create(CultureInfo.InvariantCulture,
                $"Invalid afterStep: {afterStep}; the learning rate drops after a step 0 or later of the run."));
        }
        if (!(lr >= 0) || !float.IsFinite(lr))
        {
            throw new ArgumentOutOfRangeException(nameof(lr), lr, string.Create(CultureInfo.InvariantCulture,
                $"Invalid learning rate: {lr}; it must be a finite number, 0 or more."));
        }
        AfterStep = afterStep;
        Lr = lr;
    }

    /// <summary>The last generator step of the run at the old learning rates.</summary>
    public int AfterStep { get; }

    /// <summary>Both players' learning rate from step <see cref="AfterStep"/> + 1 on.</summary>
    public float Lr { get; }
}
