using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// What <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> share (PyTorch's <c>_BatchNorm</c>):
/// y = (x - mean) / sqrt(var + eps) * gamma + beta per channel C, the input's dimension 1.
/// </summary>
/// <remarks>
/// gamma (<c>weight</c>) and beta (<c>bias</c>) [C] start at 1 and 0. Training uses the batch's
/// mean and biased variance over every value of a channel, and updates the running statistics as
/// running = (1 - momentum) running + momentum batch, with the unbiased variance for
/// <c>running_var</c>, exactly as PyTorch. Evaluation uses the running statistics.
/// </remarks>
public abstract class BatchNormBase : Module
{
    /// <summary>Creates the layer for <paramref name="numFeatures"/> channels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (named).</exception>
    protected BatchNormBase(int numFeatures, float eps, float momentum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numFeatures);
        if (!(eps > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"Invalid eps: {eps}; it must be positive.");
        }
        if (!(momentum >= 0f && momentum <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Invalid momentum: {momentum}; it must be in [0, 1].");
        }
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Weight = RegisterParameter("weight", Tensor.Ones(numFeatures));
        Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones(numFeatures));
        NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Scalar(0f));
    }

    /// <summary>C, the number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Eps { get; }

    /// <summary>Weight of the newest batch in the running statistics.</summary>
    public float Momentum { get; }

    /// <summary>gamma, shape [C].</summary>
    public Tensor Weight { get; }

    /// <summary>beta, shape [C].</summary>
    public Tensor Bias { get; }

    /// <summary>Running mean, shape [C] (buffer).</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running unbiased variance, shape [C] (buffer).</summary>
    public Tensor RunningVar { get; }

    /// <summary>How many training batches updated the running statistics (buffer, a 0-d tensor).</summary>
    public Tensor NumBatchesTracked { get; }

    /// <summary>The input's rank: 2 for [N, C], 4 for [N, C, H, W].</summary>
    protected abstract int InputRank { get; }

    /// <summary>The expected input shape for messages, e.g. <c>[N, 64, H, W]</c>.</summary>
    protected abstract string ExpectedShape { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The input has the wrong rank or channels, or one value per channel in training.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string name = $"{GetType().Name}({NumFeatures})";
        if (input.Rank != InputRank || input.Size(1) != NumFeatures)
        {
            throw new ArgumentException($"{name}: expected input of shape {ExpectedShape}, got {Functional.Format(input)}.", nameof(input));
        }
        if (!Training)
        {
            // The running statistics broadcast over every position of a channel.
            int[] perChannel = [1, NumFeatures, .. Enumerable.Repeat(1, InputRank - 2)];
            var scale = (Weight / (RunningVar.Detach() + Eps).Sqrt()).Reshape(perChannel);
            return ((input - RunningMean.Detach().Reshape(perChannel)) * scale) + Bias.Reshape(perChannel);
        }
        if (input.NumElements / NumFeatures < 2)
        {
            throw new ArgumentException($"{GetType().Name}: expected more than 1 value per channel when training, got input of shape {Functional.Format(input)}.", nameof(input));
        }
        var y = Tensor.BatchNorm(input, Weight, Bias, RunningMean, RunningVar, Momentum, Eps);
        NumBatchesTracked.Add_(1f); // on the device: reading it back would wait for the GPU every forward
        return y;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{NumFeatures}, eps={PyRepr.Of(Eps)}, momentum={PyRepr.Of(Momentum)}, affine=True, track_running_stats=True";
}
