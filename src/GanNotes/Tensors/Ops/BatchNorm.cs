namespace GanNotes.Tensors;

/// <summary>Batch normalisation (PyTorch's <c>torch.batch_norm</c>), fused forward and backward.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Normalises a batch [N, C] or [N, C, *] (images [N, C, H, W]) per channel with the batch's own statistics (training mode):
    /// y = (x - mean) / sqrt(var + eps) * weight + bias, var biased. When given, the running
    /// statistics are updated in place (not recorded): running = (1 - momentum) running +
    /// momentum batch, with the unbiased variance N / (N - 1) var for <paramref name="runningVar"/>.
    /// </summary>
    /// <remarks>
    /// One kernel each way instead of a dozen elementwise ops: the backward is the closed form
    /// dx = (g - mean(g) - x̂ mean(g x̂)) weight / sqrt(var + eps), dweight = sum(g x̂), dbias = sum(g).
    /// </remarks>
    /// <remarks>
    /// For [N, C, *] the statistics run over N and every position, N * H * W values per channel, as
    /// in PyTorch's <c>BatchNorm2d</c>; the kernels take the images as they lie (the CPU's move the
    /// channels last for its row-wise loops, a GPU's index the channels in place).
    /// </remarks>
    /// <exception cref="ArgumentException">The shapes do not match [N, C, *] and [C], or N (times the positions) is below 2.</exception>
    public static Tensor BatchNorm(Tensor input, Tensor? weight, Tensor? bias, Tensor? runningMean, Tensor? runningVar, float momentum, float eps)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2)
        {
            throw new ArgumentException($"BatchNorm: expected input of shape [N, C] or [N, C, *], got {ShapeUtil.Format(input.shape)}.", nameof(input));
        }
        int c = input.shape[1];
        int count = input.NumElements / Math.Max(1, c); // values per channel: N times the positions
        if (count < 2)
        {
            throw new ArgumentException($"BatchNorm: expected more than 1 value per channel when training, got input of shape {ShapeUtil.Format(input.shape)}.", nameof(input));
        }
        foreach (var (t, name) in new[] { (weight, "weight"), (bias, "bias"), (runningMean, "running_mean"), (runningVar, "running_var") })
        {
            if (t is not null && (t.Rank != 1 || t.shape[0] != c || !t.Device.Equals(input.Device)))
            {
                throw new ArgumentException($"BatchNorm: {name} must have shape [{c}] on {input.Device}, got {ShapeUtil.Format(t.shape)} on {t.Device}.", name);
            }
        }
        var x = input;
        var y = Uninitialized(input.shape, input.Device);
        var mean = Uninitialized([c], input.Device);
        var invStd = Uninitialized([c], input.Device);
        x.Kernels.BatchNormForward(x, weight, bias, eps, y, mean, invStd, runningMean, runningVar, momentum);

        var inputs = new List<Tensor>(3) { x };
        int wAt = weight is null ? -1 : inputs.Count;
        if (weight is not null)
        {
            inputs.Add(weight);
        }
        int bAt = bias is null ? -1 : inputs.Count;
        if (bias is not null)
        {
            inputs.Add(bias);
        }
        return Autograd.Record(y, "NativeBatchNormBackward", [.. inputs], g =>
        {
            var dx = Autograd.NeedsGrad(x) ? Uninitialized(x.shape, x.Device) : null;
            var dw = weight is not null && Autograd.NeedsGrad(weight) ? Uninitialized([c], x.Device) : null;
            var db = bias is not null && Autograd.NeedsGrad(bias) ? Uninitialized([c], x.Device) : null;
            x.Kernels.BatchNormBackward(x, g, mean, invStd, weight, dx, dw, db);
            var grads = new Tensor?[inputs.Count];
            grads[0] = dx;
            if (wAt >= 0)
            {
                grads[wAt] = dw;
            }
            if (bAt >= 0)
            {
                grads[bAt] = db;
            }
            return grads;
        }, freshInputGrads: true);
    }
}
