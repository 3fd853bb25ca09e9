using System.Globalization;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// Checks a discriminator or generator step written by hand against the library's reference on
/// a fixed batch: the same loss, the same gradients, the other player untouched. On a mismatch
/// it names the likely mistake in plain words (G's output not detached, gradients not cleared,
/// labels swapped, the minimax loss for the non-saturating one, ...).
/// </summary>
/// <remarks>
/// <para>
/// Both steps run on two identical copies of a small MLP GAN (the course's architecture at h = 4,
/// z of 8 dimensions, 12 features, m = 16). The step under test gets plain SGD with learning
/// rate 1 and no momentum, so each parameter's change is minus its gradient: comparing the
/// changes compares the gradients. Before the step, its player's parameters hold stale
/// gradients, which a step that does not clear them adds in.
/// </para>
/// <code>
/// Console.WriteLine(StepCheck.Discriminator(DiscriminatorStep));   // ✓ DiscriminatorStep agrees ...
/// </code>
/// </remarks>
public static class StepCheck
{
    /// <summary>m, the check's batch size.</summary>
    public const int BatchSize = 16;

    /// <summary>The dimension of the check's noise z.</summary>
    public const int ZDim = 8;

    /// <summary>The number of features of the check's "images".</summary>
    public const int Features = 12;

    private const int Hidden = 4;
    private const float RelativeTolerance = 1e-3f;
    private const float AbsoluteTolerance = 1e-5f;

    /// <summary>Checks <paramref name="step"/> against the reference discriminator step (descend -V/2 with G held fixed).</summary>
    /// <param name="step">The step under test.</param>
    /// <param name="seed">Chooses the networks' weights and the batch.</param>
    public static CheckResult Discriminator(DiscriminatorStepFunction step, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(step);
        const string name = "DiscriminatorStep";

        var reference = Game.Create(seed);
        float referenceLoss;
        float[] referenceGrad;
        var variants = new Dictionary<string, float>();
        {
            var g = reference.G;
            var d = reference.D;
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = g.Forward(reference.Z);
            }
            var realLogits = d.Forward(reference.Real);
            var fakeLogits = d.Forward(fake);
            var loss = GanLosses.Discriminator(realLogits, fakeLogits);
            loss.Backward();
            referenceLoss = loss.Item();
            referenceGrad = Flatten(d.Parameters().Select(p => p.Grad!));
            using (Autograd.NoGrad())
            {
                float realTerm = Functional.BinaryCrossEntropyWithLogits(realLogits, Tensor.OnesLike(realLogits)).Item();
                float fakeTerm = Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensor.ZerosLike(fakeLogits)).Item();
                float swappedReal = Functional.BinaryCrossEntropyWithLogits(realLogits, Tensor.ZerosLike(realLogits)).Item();
                float swappedFake = Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensor.OnesLike(fakeLogits)).Item();
                variants["twice"] = realTerm + fakeTerm;
                variants["value"] = -(realTerm + fakeTerm);
                variants["swapped"] = (swappedReal + swappedFake) / 2;
                variants["swapped-sum"] = swappedReal + swappedFake;
                variants["real-only"] = realTerm;
                variants["fake-only"] = fakeTerm;
            }
        }

        var game = Game.Create(seed);
        var stale = SetStaleGradients(game.D, seed);
        var gBefore = Flatten(game.G.Parameters());
        var dBefore = Flatten(game.D.Parameters());
        float studentLoss;
        try
        {
            studentLoss = step(game.G, game.D, new Sgd(game.D.Parameters(), lr: 1f), game.Real, game.Z);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Threw(name, e);
        }
        var gAfter = Flatten(game.G.Parameters());
        var dChange = Subtract(dBefore, Flatten(game.D.Parameters()));

        if (!Same(gBefore, gAfter))
        {
            return Fail($"{name} changed G's parameters. G is held fixed while D learns: step only optimizerD, which holds D's parameters.");
        }
        if (game.G.Parameters().Any(p => p.Grad is { } grad && grad.ToArray().Any(v => v != 0)))
        {
            return Fail($"G's output was not detached: the backward pass of {name} ran on through G and left gradients on G's parameters. "
                + "Compute G(z) inside `using (Autograd.NoGrad())`, or call `.Detach()` on it: D's step must not reach G (it wastes a backward pass through G, and "
                + "those gradients would be added to G's next step unless it clears them first).");
        }
        if (dChange.All(v => v == 0) && game.D.Parameters().All(p => p.Grad is null))
        {
            return Fail($"No gradient reached D's parameters in {name}: score the batches with D outside NoGrad and call Backward on the loss.");
        }
        if (dChange.All(v => v == 0))
        {
            return Fail($"{name} did not change D's parameters: call optimizerD.Step() after loss.Backward().");
        }
        if (Close(dChange, Add(referenceGrad, stale)))
        {
            return Fail($"{name} did not clear D's old gradients: gradients add up over Backward calls, so call optimizerD.ZeroGrad() before loss.Backward().");
        }
        if (!SameLoss(studentLoss, referenceLoss))
        {
            return Fail(DiscriminatorLossMistake(name, studentLoss, referenceLoss, variants));
        }
        if (Close(dChange, Scale(referenceGrad, 2)))
        {
            return Fail($"{name}'s loss is right ({F(studentLoss)}) but D's gradients are twice the reference: call Backward once per step.");
        }
        if (!Close(dChange, referenceGrad))
        {
            return Fail($"{name}'s loss is right ({F(studentLoss)}) but D's update is not one step down its gradient (largest difference {E(MaxDifference(dChange, referenceGrad))}): "
                + "call Backward on the loss you return, once, then optimizerD.Step() once.");
        }
        return new CheckResult(true, $"{name} agrees with the reference on a fixed batch of {BatchSize}: loss {F(studentLoss)}, "
            + $"D's gradients equal to within {E(MaxDifference(dChange, referenceGrad))}, G untouched.");
    }

    /// <summary>Checks <paramref name="step"/> against the reference generator step (descend G's loss with D held fixed).</summary>
    /// <param name="step">The step under test.</param>
    /// <param name="loss">The generator objective the step should descend (default non-saturating, as <see cref="GanTrainerOptions"/>).</param>
    /// <param name="seed">Chooses the networks' weights and the batch.</param>
    public static CheckResult Generator(GeneratorStepFunction step, GeneratorLoss loss = GeneratorLoss.NonSaturating, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(step);
        const string name = "GeneratorStep";

        var reference = Game.Create(seed);
        float referenceLoss;
        float[] referenceGrad;
        float minimax, nonSaturating, labelledFake;
        {
            var logits = reference.D.Forward(reference.G.Forward(reference.Z));
            var lossG = GanLosses.Generator(logits, loss);
            lossG.Backward();
            referenceLoss = lossG.Item();
            referenceGrad = Flatten(reference.G.Parameters().Select(p => p.Grad!));
            using (Autograd.NoGrad())
            {
                minimax = GanLosses.Generator(logits, GeneratorLoss.Minimax).Item();
                nonSaturating = GanLosses.Generator(logits, GeneratorLoss.NonSaturating).Item();
                labelledFake = Functional.BinaryCrossEntropyWithLogits(logits, Tensor.ZerosLike(logits)).Item();
            }
        }

        var game = Game.Create(seed);
        var stale = SetStaleGradients(game.G, seed);
        var gBefore = Flatten(game.G.Parameters());
        var dBefore = Flatten(game.D.Parameters());
        float studentLoss;
        try
        {
            studentLoss = step(game.G, game.D, new Sgd(game.G.Parameters(), lr: 1f), game.Z);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Threw(name, e);
        }
        var gChange = Subtract(gBefore, Flatten(game.G.Parameters()));

        if (!Same(dBefore, Flatten(game.D.Parameters())))
        {
            return Fail($"{name} changed D's parameters. D is held fixed while G learns: step only optimizerG, which holds G's parameters.");
        }
        if (gChange.All(v => v == 0) && game.G.Parameters().All(p => p.Grad is null))
        {
            return Fail($"No gradient reached G's parameters in {name}: G learns through D's score of G(z), so compute G(z) with gradients on (no NoGrad, no Detach) and call Backward on the loss.");
        }
        if (gChange.All(v => v == 0))
        {
            return Fail($"{name} did not change G's parameters: call optimizerG.Step() after loss.Backward().");
        }
        if (Close(gChange, Add(referenceGrad, stale)))
        {
            return Fail($"{name} did not clear G's old gradients: gradients add up over Backward calls, so call optimizerG.ZeroGrad() before loss.Backward().");
        }
        if (!SameLoss(studentLoss, referenceLoss))
        {
            string expected = loss == GeneratorLoss.NonSaturating
                ? $"the non-saturating -log D(G(z)), BCE(D(G(z)), 1) = {F(referenceLoss)}"
                : $"the minimax log(1 - D(G(z))) = -BCE(D(G(z)), 0) = {F(referenceLoss)}";
            string mistake =
                loss == GeneratorLoss.NonSaturating && SameLoss(studentLoss, minimax) ? "That is the minimax loss log(1 - D(G(z)))."
                : loss == GeneratorLoss.Minimax && SameLoss(studentLoss, nonSaturating) ? "That is the non-saturating loss -log D(G(z))."
                : SameLoss(studentLoss, labelledFake) ? "That is BCE(D(G(z)), 0): G's samples labelled fake, so G would learn to look fake. In G's step they are labelled 1 (real)."
                : "Score G(z) with D and take the loss of those logits.";
            return Fail($"{name} returned the loss {F(studentLoss)}; the check expects {expected}. {mistake}");
        }
        if (Close(gChange, Scale(referenceGrad, 2)))
        {
            return Fail($"{name}'s loss is right ({F(studentLoss)}) but G's gradients are twice the reference: call Backward once per step.");
        }
        if (!Close(gChange, referenceGrad))
        {
            return Fail($"{name}'s loss is right ({F(studentLoss)}) but G's update is not one step down its gradient (largest difference {E(MaxDifference(gChange, referenceGrad))}): "
                + "do not detach G(z) here (G learns through D's score of it), call Backward on the loss you return, once, then optimizerG.Step() once.");
        }
        return new CheckResult(true, $"{name} agrees with the reference on a fixed batch of {BatchSize}: loss {F(studentLoss)}, "
            + $"G's gradients equal to within {E(MaxDifference(gChange, referenceGrad))}, D untouched.");
    }

    private static string DiscriminatorLossMistake(string name, float student, float reference, Dictionary<string, float> variants)
    {
        string mistake =
            SameLoss(student, variants["twice"]) ? "That is the sum of the two cross-entropies; D's loss is their mean, -V/2."
            : SameLoss(student, variants["value"]) ? "That is V itself; D ascends V, so descend -V/2, the mean of BCE(D(x), 1) and BCE(D(G(z)), 0)."
            : SameLoss(student, variants["swapped"]) || SameLoss(student, variants["swapped-sum"]) ? "The labels are swapped: real examples are labelled 1 and G's samples 0."
            : SameLoss(student, variants["real-only"]) ? "That is the real examples' term alone; add BCE(D(G(z)), 0) for G's samples and average the two."
            : SameLoss(student, variants["fake-only"]) ? "That is G's samples' term alone; add BCE(D(x), 1) for the real examples and average the two."
            : "Score the real batch and G(z) with D, label them 1 and 0, and average the two cross-entropies.";
        return $"{name} returned the loss {F(student)}; the reference -V/2, the mean of BCE(D(x), 1) and BCE(D(G(z)), 0), is {F(reference)}. {mistake}";
    }

    private static CheckResult Threw(string name, Exception e) => e is NotImplementedException
        ? CheckResult.NotYet(name)
        : Fail($"{name} threw {e.GetType().Name}: {e.Message}");

    private static CheckResult Fail(string message) => new(false, message);

    /// <summary>Gives every parameter of <paramref name="module"/> a gradient left over from an earlier step; returns them, flattened.</summary>
    private static float[] SetStaleGradients(Module module, ulong seed)
    {
        var rng = new Rng(seed + 101);
        foreach (var p in module.Parameters())
        {
            p.Grad = Tensor.Randn([.. p.Shape], rng) * 0.1f;
        }
        return Flatten(module.Parameters().Select(p => p.Grad!));
    }

    private static float[] Flatten(IEnumerable<Tensor> tensors) => [.. tensors.SelectMany(t => t.ToArray())];

    private static float[] Subtract(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x - y)];

    private static float[] Add(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x + y)];

    private static float[] Scale(float[] a, float s) => [.. a.Select(x => x * s)];

    private static bool Same(float[] a, float[] b) => a.AsSpan().SequenceEqual(b);

    private static bool Close(float a, float b) => Math.Abs(a - b) <= AbsoluteTolerance + RelativeTolerance * Math.Abs(b);

    // Losses of the same computation agree to float rounding; the mistakes' losses can differ from the right one only a little.
    private static bool SameLoss(float a, float b) => Math.Abs(a - b) <= 1e-6f + 1e-5f * Math.Abs(b);

    private static bool Close(float[] a, float[] b) => a.Length == b.Length && a.Zip(b).All(p => Close(p.First, p.Second));

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();

    private static string F(float value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string E(float value) => value.ToString("0.0E+0", CultureInfo.InvariantCulture);

    /// <summary>A small MLP GAN and one fixed batch; the same seed builds the same game.</summary>
    private sealed record Game(Sequential G, Sequential D, Tensor Real, Tensor Z)
    {
        public static Game Create(ulong seed)
        {
            var g = MlpGan.BuildGenerator(ZDim, Hidden, Features, GeneratorOutput.Sigmoid, new Rng(seed + 1));
            var d = MlpGan.BuildDiscriminator(Features, Hidden, new Rng(seed + 2));
            var data = new Rng(seed + 3);
            return new Game(g, d, Tensor.Rand([BatchSize, Features], data), Tensor.Randn([BatchSize, ZDim], data));
        }
    }
}
