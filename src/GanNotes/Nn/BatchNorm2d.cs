namespace GanNotes.Nn;

/// <summary>
/// Batch normalisation of feature maps (PyTorch's <c>nn.BatchNorm2d</c>): one mean and variance
/// per channel, over the batch and every position, so a convolution's channel stays one feature.
/// </summary>
/// <remarks>
/// Shapes: x [N, C, H, W] -> y [N, C, H, W]; gamma (<c>weight</c>) and beta (<c>bias</c>) [C]. The
/// statistics are over N * H * W values per channel; the rest is <see cref="BatchNormBase"/>.
/// DCGAN puts it after every convolution but G's output and D's input (Radford et al. 2016).
/// </remarks>
public sealed class BatchNorm2d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f) : BatchNormBase(numFeatures, eps, momentum)
{
    /// <inheritdoc/>
    protected override int InputRank => 4;

    /// <inheritdoc/>
    protected override string ExpectedShape => $"[N, {NumFeatures}, H, W]";
}
