using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// Algorithm 1 of Goodfellow et al. (2014): minibatch stochastic gradient training of a
/// generative adversarial net, with k discriminator steps per generator step.
/// </summary>
/// <remarks>
/// One call of <see cref="TrainStep"/> is one outer iteration:
/// <code>
/// for k steps:
///     z ~ p_z (m samples), x ~ p_data (m examples)
///     D ascends (1/m) sum [log D(x_i) + log(1 - D(G(z_i)))]       (descends GanLosses.Discriminator)
/// z ~ p_z (m samples)
/// G descends (1/m) sum log(1 - D(G(z_i)))  or, non-saturating, -(1/m) sum log D(G(z_i))
/// </code>
/// Noise comes from the trainer's own seeded generator, so a run is repeatable; a
/// non-finite loss or gradient stops training before any parameter is changed
/// (<see cref="TrainingDivergedException"/> names the step).
/// Each player's step runs in a <see cref="TensorScope"/>, so a long run reuses the same
/// buffers step after step; the gradients belong to the step too, and no parameter has
/// a <c>Grad</c> once a step returns.
/// </remarks>
public sealed class GanTrainer
{
    private readonly Tensor fixedNoise;

    /// <summary>Sets up the game; the networks and optimizers are the caller's (build them with <see cref="MlpGan"/>).</summary>
    public GanTrainer(Module g, Module d, Optimizer optimizerG, Optimizer optimizerD, IRealSampler data, GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(optimizerG);
        ArgumentNullException.ThrowIfNull(optimizerD);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (G, D, OptimizerG, OptimizerD, Data, Options) = (g, d, optimizerG, optimizerD, data, options);
        Prior = new NoisePrior(options.Noise, options.ZDim);
        Rng = new Tensors.Rng(options.Seed);
        // The fixed batch has its own stream: it is the same z for every epoch and every resume.
        fixedNoise = Prior.Sample(options.FixedNoiseCount, new Tensors.Rng(options.Seed ^ 0x9E3779B97F4A7C15UL));
        StepsPerEpoch = Math.Max(1, data.BatchesPerEpoch(options.BatchSize) / options.K);
    }

    /// <summary>The generator G.</summary>
    public Module G { get; }

    /// <summary>The discriminator D (outputs logits).</summary>
    public Module D { get; }

    /// <summary>G's optimizer.</summary>
    public Optimizer OptimizerG { get; }

    /// <summary>D's optimizer.</summary>
    public Optimizer OptimizerD { get; }

    /// <summary>p_data.</summary>
    public IRealSampler Data { get; }

    /// <summary>k, m, the loss, the prior and the seed.</summary>
    public GanTrainerOptions Options { get; }

    /// <summary>p_z.</summary>
    public NoisePrior Prior { get; }

    /// <summary>The generator of the noise draws (its state is checkpointed).</summary>
    public Tensors.Rng Rng { get; }

    /// <summary>Generator steps per epoch: the real minibatches in one pass over the data, divided by k.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>Generator steps done.</summary>
    public int Step { get; internal set; }

    /// <summary>Whole epochs done.</summary>
    public int Epoch => Step / StepsPerEpoch;

    /// <summary>One iteration of Algorithm 1: k discriminator steps, then one generator step.</summary>
    /// <exception cref="TrainingDivergedException">A loss or gradient is NaN or infinite; no parameter was changed by that update.</exception>
    public StepRecord TrainStep()
    {
        int step = Step + 1;
        DiscriminatorStepResult d = default;
        for (int i = 0; i < Options.K; i++)
        {
            d = DiscriminatorStep(step);
        }
        var (lossG, normG) = GeneratorStep(step);
        Step = step;
        return new StepRecord(step, (double)step / StepsPerEpoch, d.Loss, lossG, d.DReal, d.DFake, d.GradNorm, normG);
    }

    /// <summary>
    /// The inner loop's body: draw m noise vectors and m real examples and update D by
    /// descending -V/2 (ascending V). G is held fixed: G(z) is computed without recording
    /// gradients, so this step leaves none on G's parameters.
    /// </summary>
    /// <returns>D's loss, mean D(x), mean D(G(z)) and D's gradient norm.</returns>
    public DiscriminatorStepResult DiscriminatorStep() => DiscriminatorStep(Step + 1);

    /// <summary>The outer loop's last line: draw m fresh noise vectors and update G by descending its loss.</summary>
    /// <returns>G's loss and gradient norm.</returns>
    public (float Loss, float GradNorm) GeneratorStep() => GeneratorStep(Step + 1);

    private DiscriminatorStepResult DiscriminatorStep(int step) => InScope(() => DiscriminatorStepCore(step));

    private (float Loss, float GradNorm) GeneratorStep(int step) => InScope(() => GeneratorStepCore(step));

    /// <summary>
    /// Runs one player's step in a <see cref="TensorScope"/>: every tensor it makes is recycled
    /// for the next step, gradients included, so they are cleared once the step's figures are read.
    /// </summary>
    private T InScope<T>(Func<T> step)
    {
        using var scope = TensorScope.Begin();
        try
        {
            return step();
        }
        finally
        {
            OptimizerD.ZeroGrad();
            OptimizerG.ZeroGrad();
        }
    }

    private DiscriminatorStepResult DiscriminatorStepCore(int step)
    {
        int m = Options.BatchSize;
        var real = Data.Next(m).To(D.Device);
        Tensor fake;
        using (Autograd.NoGrad())
        {
            fake = G.Forward(Prior.Sample(m, Rng).To(G.Device)).To(D.Device); // G is fixed while D learns
        }
        OptimizerD.ZeroGrad();
        var realLogits = D.Forward(real);
        var fakeLogits = D.Forward(fake);
        var loss = GanLosses.Discriminator(realLogits, fakeLogits);
        loss.Backward();
        float lossD = loss.Item();
        float normD = GradientNorm(OptimizerD.Parameters);
        RequireFinite(step, "discriminator", lossD, normD);
        OptimizerD.Step();
        using (Autograd.NoGrad())
        {
            return new DiscriminatorStepResult(lossD, realLogits.Sigmoid().Mean().Item(), fakeLogits.Sigmoid().Mean().Item(), normD);
        }
    }

    private (float Loss, float GradNorm) GeneratorStepCore(int step)
    {
        OptimizerG.ZeroGrad();
        var lossG = GanLosses.Generator(D.Forward(G.Forward(Prior.Sample(Options.BatchSize, Rng).To(G.Device)).To(D.Device)), Options.Loss);
        lossG.Backward(inputs: OptimizerG.Parameters); // D's gradients are not needed: none are computed
        float loss = lossG.Item();
        float norm = GradientNorm(OptimizerG.Parameters);
        RequireFinite(step, "generator", loss, norm);
        OptimizerG.Step();
        return (loss, norm);
    }

    /// <summary>G(z) for the fixed noise batch, in evaluation mode (BatchNorm uses its running statistics).</summary>
    public Tensor SampleFixed() => Generate(fixedNoise);

    /// <summary>n fresh samples G(z), in evaluation mode, from <paramref name="rng"/> (not the training stream).</summary>
    public Tensor Sample(int n, Tensors.Rng rng) => Generate(Prior.Sample(n, rng));

    private Tensor Generate(Tensor z)
    {
        bool wasTraining = G.Training;
        G.Eval();
        try
        {
            using (Autograd.NoGrad())
            {
                return G.Forward(z.To(G.Device));
            }
        }
        finally
        {
            G.Train(wasTraining);
        }
    }

    /// <summary>sqrt(sum over parameters of ||grad||^2); parameters without a gradient count 0.</summary>
    /// <remarks>
    /// Each parameter's sum of squares stays on its device, all of a device's in one call (a few
    /// launches on a GPU); they are read back together, once per device, and added in double.
    /// </remarks>
    public static float GradientNorm(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double sum = 0;
        using (Autograd.NoGrad())
        {
            foreach (var grads in parameters.Where(p => p.Grad is not null).Select(p => p.Grad!).GroupBy(g => g.Device))
            {
                foreach (float square in Tensor.SumsOfSquares([.. grads]).ToArray())
                {
                    sum += square;
                }
            }
        }
        return (float)Math.Sqrt(sum);
    }

    private static void RequireFinite(int step, string player, float loss, float gradNorm)
    {
        if (!float.IsFinite(loss) || !float.IsFinite(gradNorm))
        {
            throw new TrainingDivergedException(step,
                $"Training diverged at step {step}: the {player} loss is {loss} and its gradient norm {gradNorm}. " +
                "No parameter was updated by this step; resume from the last checkpoint with a smaller learning rate.");
        }
    }
}
