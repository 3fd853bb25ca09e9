using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// Batch normalisation over a minibatch (Ioffe &amp; Szegedy 2015; PyTorch's <c>nn.BatchNorm1d</c>):
/// y = (x - mean) / sqrt(var + eps) * gamma + beta.
/// </summary>
/// <remarks>
/// Shapes: x [N, C] -> y [N, C]; gamma (<c>weight</c>) and beta (<c>bias</c>) [C], initialised to 1 and 0.
/// Training uses the batch mean and biased variance, and updates the running statistics
/// as running = (1 - momentum) running + momentum batch, with the unbiased variance
/// (N / (N - 1)) for <c>running_var</c>, exactly as PyTorch. Evaluation uses the running statistics.
/// </remarks>
public sealed class BatchNorm1d : Module
{
    /// <summary>Creates the layer for <paramref name="numFeatures"/> channels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (named).</exception>
    public BatchNorm1d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f)
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

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The input is not [N, C], or N is 1 in training.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Size(1) != NumFeatures)
        {
            throw new ArgumentException($"BatchNorm1d({NumFeatures}): expected input of shape [N, {NumFeatures}], got {Functional.Format(input)}.", nameof(input));
        }
        if (!Training)
        {
            var scale = Weight / (RunningVar.Detach() + Eps).Sqrt();
            return (input - RunningMean.Detach()) * scale + Bias;
        }
        if (input.Size(0) < 2)
        {
            throw new ArgumentException($"BatchNorm1d: expected more than 1 value per channel when training, got input of shape {Functional.Format(input)}.", nameof(input));
        }
        var y = Tensor.BatchNorm(input, Weight, Bias, RunningMean, RunningVar, Momentum, Eps);
        NumBatchesTracked.Fill_(NumBatchesTracked.Item() + 1f);
        return y;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{NumFeatures}, eps={PyRepr.Of(Eps)}, momentum={PyRepr.Of(Momentum)}, affine=True, track_running_stats=True";
}
