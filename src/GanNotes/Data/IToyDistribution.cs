using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>
/// A low-dimensional p_data for the notebooks: samples to train a GAN on, with an exact
/// density to compare p_g against (Goodfellow et al. 2014, Fig. 1 and Sec. 4).
/// </summary>
public interface IToyDistribution
{
    /// <summary>The dimension d of a sample (1 or 2).</summary>
    int Dimension { get; }

    /// <summary>Draws <paramref name="n"/> independent samples as a tensor of shape [n, d].</summary>
    /// <param name="n">The number of samples, at least 0.</param>
    /// <param name="rng">The random source (default <see cref="Rng.Default"/>); the same seed gives the same samples.</param>
    Tensor Sample(int n, Rng? rng = null);
}
