namespace GanNotes.Nn;

/// <summary>
/// Batch normalisation over a minibatch of feature vectors (Ioffe &amp; Szegedy 2015; PyTorch's
/// <c>nn.BatchNorm1d</c>): y = (x - mean) / sqrt(var + eps) * gamma + beta per feature.
/// </summary>
/// <remarks>
/// Shapes: x [N, C] -> y [N, C]; gamma (<c>weight</c>) and beta (<c>bias</c>) [C]. The statistics
/// are over the N values of each feature; the rest is <see cref="BatchNormBase"/>.
/// </remarks>
public sealed class BatchNorm1d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f) : BatchNormBase(numFeatures, eps, momentum)
{
    /// <inheritdoc/>
    protected override int InputRank => 2;

    /// <inheritdoc/>
    protected override string ExpectedShape => $"[N, {NumFeatures}]";
}
