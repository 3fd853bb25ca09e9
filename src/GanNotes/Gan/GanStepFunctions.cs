using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// A discriminator step written by hand, as in the PyTorch DCGAN tutorial: clear D's gradients,
/// score a real batch and G's samples of <paramref name="z"/> (G held fixed), descend D's loss
/// -V/2 with <paramref name="optimizerD"/>, and return that loss.
/// </summary>
/// <param name="g">The generator G (not to be changed).</param>
/// <param name="d">The discriminator D (outputs logits).</param>
/// <param name="optimizerD">D's optimizer.</param>
/// <param name="real">A batch of real examples, [m, features].</param>
/// <param name="z">A batch of noise, [m, zDim].</param>
/// <returns>D's loss on the batch before the update.</returns>
public delegate float DiscriminatorStepFunction(Module g, Module d, Optimizer optimizerD, Tensor real, Tensor z);

/// <summary>
/// A generator step written by hand: clear G's gradients, score G(<paramref name="z"/>) with D,
/// descend G's loss with <paramref name="optimizerG"/> (D is not changed), and return that loss.
/// </summary>
/// <param name="g">The generator G.</param>
/// <param name="d">The discriminator D (outputs logits; not to be changed).</param>
/// <param name="optimizerG">G's optimizer.</param>
/// <param name="z">A batch of noise, [m, zDim].</param>
/// <returns>G's loss on the batch before the update.</returns>
public delegate float GeneratorStepFunction(Module g, Module d, Optimizer optimizerG, Tensor z);
