using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// Splits dimension <c>dim</c> into <c>sizes</c> (PyTorch's <c>nn.Unflatten</c>), a view:
/// Unflatten(1, [1, 28, 28]) turns rows of 784 pixels back into one-channel images, and
/// Unflatten(1, [z, 1, 1]) a noise vector into a 1x1 feature map.
/// </summary>
/// <exception cref="ArgumentException">The sizes are empty or not positive.</exception>
public sealed class Unflatten : Module
{
    /// <summary>Creates the layer.</summary>
    public Unflatten(int dim, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length == 0 || sizes.Any(s => s < 1))
        {
            throw new ArgumentException($"Unflatten: sizes must be positive, got ({string.Join(", ", sizes)}).", nameof(sizes));
        }
        Dim = dim;
        Sizes = [.. sizes];
    }

    /// <summary>The dimension split.</summary>
    public int Dim { get; }

    /// <summary>The sizes it is split into.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The dimension's size is not the product of <see cref="Sizes"/>.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int d = Dim < 0 ? Dim + input.Rank : Dim;
        int product = Sizes.Aggregate(1, (a, b) => a * b);
        if ((uint)d >= (uint)input.Rank || input.Size(d) != product)
        {
            throw new ArgumentException($"Unflatten({Dim}, ({string.Join(", ", Sizes)})): input of shape {Functional.Format(input)} has no dimension {Dim} of size {product}.", nameof(input));
        }
        int[] shape = [.. input.Shape.Take(d), .. Sizes, .. input.Shape.Skip(d + 1)];
        return input.Reshape(shape);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={Dim}, unflattened_size=({string.Join(", ", Sizes)})";
}
