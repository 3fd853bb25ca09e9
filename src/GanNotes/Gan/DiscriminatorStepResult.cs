namespace GanNotes.Gan;

/// <summary>What one discriminator update measured.</summary>
/// <param name="Loss">D's loss, -V/2 on the minibatch.</param>
/// <param name="DReal">Mean D(x) on the real minibatch.</param>
/// <param name="DFake">Mean D(G(z)) on the generated minibatch.</param>
/// <param name="GradNorm">L2 norm of D's gradients.</param>
public readonly record struct DiscriminatorStepResult(float Loss, float DReal, float DFake, float GradNorm);
