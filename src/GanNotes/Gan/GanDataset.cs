using System.Text.Json.Serialization;

namespace GanNotes.Gan;

/// <summary>Which p_data a <see cref="GanRecipe"/> trains on; the names are those of the command line and config.json.</summary>
public enum GanDataset
{
    /// <summary><c>fashion-mnist</c>: the 60,000 training images of Fashion-MNIST, shipped with the repository.</summary>
    [JsonStringEnumMemberName("fashion-mnist")]
    FashionMnist,

    /// <summary><c>mnist</c>: the 60,000 training digits of MNIST (the GAN paper's first dataset), fetched on request.</summary>
    [JsonStringEnumMemberName("mnist")]
    Mnist,

    /// <summary><c>gaussian-1d</c>: the 1-D normal N(4, 1.25^2), the p_data of the paper's Fig. 1.</summary>
    [JsonStringEnumMemberName("gaussian-1d")]
    Gaussian1D,

    /// <summary><c>ring-2d</c>: a ring of 8 Gaussians of radius 2 and std 0.02, the classic mode-collapse test.</summary>
    [JsonStringEnumMemberName("ring-2d")]
    Ring2D,
}
