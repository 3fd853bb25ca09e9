using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// Where the real minibatches x ~ p_data come from: a shuffled dataset or a toy distribution.
/// </summary>
/// <remarks>
/// The state (<see cref="GetState"/>) is what a checkpoint needs to continue the exact
/// same sequence of minibatches after a resume.
/// </remarks>
public interface IRealSampler
{
    /// <summary>The size of one example (784 for 28 x 28 images, 1 or 2 for toy data).</summary>
    int Dimension { get; }

    /// <summary>The next m real examples, [m, Dimension].</summary>
    Tensor Next(int m);

    /// <summary>How many minibatches of m make one pass over the data (one epoch).</summary>
    int BatchesPerEpoch(int m);

    /// <summary>The sampler's position and random state.</summary>
    long[] GetState();

    /// <summary>Restores a state from <see cref="GetState"/>.</summary>
    void SetState(long[] state);
}
