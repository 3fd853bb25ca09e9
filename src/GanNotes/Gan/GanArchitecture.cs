namespace GanNotes.Gan;

/// <summary>The networks a <see cref="GanRecipe"/> builds for G and D.</summary>
public enum GanArchitecture
{
    /// <summary>The course's multilayer perceptrons, in the lecture notes' blocks (<see cref="MlpGan"/>): images as rows of 784 pixels, or toy samples.</summary>
    Mlp,

    /// <summary>The deep convolutional GAN for 28 x 28 images (<see cref="Gan.Dcgan"/>; Radford et al. 2016).</summary>
    Dcgan,
}
