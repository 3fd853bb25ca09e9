using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Exercises;

/// <summary>
/// The two steps notebook 05's training loop calls: the student's own <c>DiscriminatorStep</c>
/// and <c>GeneratorStep</c> once they pass their checks, the library's reference steps until
/// then, so that the notebook runs from top to bottom before both are written. Made by
/// <see cref="MlpGanExercises.StepsToTrainWith"/>.
/// </summary>
/// <remarks>
/// Each call runs its step inside a <see cref="TensorScope"/>, which recycles the memory of the
/// step's tensors for the next step, and then clears G's and D's gradients, which belonged to
/// that scope. The reference steps are Algorithm 1's: D descends -V/2, the mean of
/// BCE(D(x), 1) and BCE(D(G(z)), 0), with G(z) computed without gradients; G descends the
/// non-saturating BCE(D(G(z)), 1) (Goodfellow et al. 2014, Eq. 1 and Sec. 3).
/// </remarks>
public sealed class TrainingSteps
{
    private readonly DiscriminatorStepFunction discriminator;
    private readonly GeneratorStepFunction generator;

    internal TrainingSteps(DiscriminatorStepFunction? yourDiscriminator, GeneratorStepFunction? yourGenerator)
    {
        DiscriminatorIsYours = yourDiscriminator is not null;
        GeneratorIsYours = yourGenerator is not null;
        discriminator = yourDiscriminator ?? ReferenceDiscriminatorStep;
        generator = yourGenerator ?? ReferenceGeneratorStep;
    }

    /// <summary>True when the loop trains with the student's discriminator step (it passed its check).</summary>
    public bool DiscriminatorIsYours { get; }

    /// <summary>True when the loop trains with the student's generator step (it passed its check).</summary>
    public bool GeneratorIsYours { get; }

    /// <summary>One step of D: the chosen step function, in a scope; returns D's loss on the batch.</summary>
    public float Discriminator(Module g, Module d, Optimizer optimizerD, Tensor real, Tensor z) =>
        Scoped(g, d, () => discriminator(g, d, optimizerD, real, z));

    /// <summary>One step of G: the chosen step function, in a scope; returns G's loss on the batch.</summary>
    public float Generator(Module g, Module d, Optimizer optimizerG, Tensor z) =>
        Scoped(g, d, () => generator(g, d, optimizerG, z));

    /// <summary>Which steps the loop trains with, and why.</summary>
    public override string ToString() =>
        $"Training with {Whose("DiscriminatorStep", DiscriminatorIsYours)} and {Whose("GeneratorStep", GeneratorIsYours)}.";

    private static string Whose(string step, bool yours) => yours
        ? $"your {step} (it passes its check)"
        : $"the library's {step} (yours has not passed its check yet)";

    private static float Scoped(Module g, Module d, Func<float> step)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(d);
        using var scope = TensorScope.Begin();
        try
        {
            return step();
        }
        finally
        {
            // The gradients belonged to the scope, whose memory is recycled: cleared even when the step throws.
            foreach (var p in g.Parameters().Concat(d.Parameters()))
            {
                p.Grad = null;
            }
        }
    }

    private static float ReferenceDiscriminatorStep(Module g, Module d, Optimizer optimizerD, Tensor real, Tensor z)
    {
        optimizerD.ZeroGrad();
        Tensor fake;
        using (Autograd.NoGrad())
        {
            fake = g.Forward(z);
        }
        var loss = GanLosses.Discriminator(d.Forward(real), d.Forward(fake));
        loss.Backward();
        optimizerD.Step();
        return loss.Item();
    }

    private static float ReferenceGeneratorStep(Module g, Module d, Optimizer optimizerG, Tensor z)
    {
        optimizerG.ZeroGrad();
        var loss = GanLosses.Generator(d.Forward(g.Forward(z)), GeneratorLoss.NonSaturating);
        loss.Backward();
        optimizerG.Step();
        return loss.Item();
    }
}
