namespace GanNotes.Gan;

/// <summary>The optimizer a <see cref="GanRecipe"/> gives both players.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015): the course's default, and DCGAN's choice.</summary>
    Adam,

    /// <summary>SGD with momentum: the GAN paper's choice ("We used momentum in our experiments").</summary>
    Sgd,
}
