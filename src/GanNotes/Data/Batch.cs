using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>One minibatch of m examples drawn by a <see cref="DataLoader"/>.</summary>
/// <remarks>Shapes: <see cref="Images"/> [m, H*W]; <see cref="Labels"/> and <see cref="Indices"/> [m].</remarks>
/// <param name="Images">The images, a new tensor of shape [m, H*W] with values in [0, 1].</param>
/// <param name="Labels">The class index of each image.</param>
/// <param name="Indices">The position of each image in the dataset.</param>
public sealed record Batch(Tensor Images, int[] Labels, int[] Indices)
{
    /// <summary>m, the number of examples.</summary>
    public int Count => Indices.Length;
}
