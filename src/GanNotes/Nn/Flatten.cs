using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// Merges dimensions <c>startDim</c>..<c>endDim</c> into one (PyTorch's <c>nn.Flatten</c>, default
/// from dimension 1: [N, C, H, W] -> [N, C H W]), a view: how a convolutional stack hands its
/// feature maps to a linear layer, or a DCGAN generator its images to the trainer as rows.
/// </summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>The first dimension merged.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>The last dimension merged.</summary>
    public int EndDim { get; } = endDim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Flatten(StartDim, EndDim);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}
