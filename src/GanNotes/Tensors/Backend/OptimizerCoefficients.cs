namespace GanNotes.Tensors.Backend;

/// <summary>The scalars of one Adam update; the bias corrections are folded in by the optimizer.</summary>
/// <param name="Beta1">b1.</param>
/// <param name="Beta2">b2.</param>
/// <param name="Eps">eps, added after the bias-corrected square root.</param>
/// <param name="WeightDecay">L2 coefficient added to the gradient (0: none).</param>
/// <param name="NegStepSize">-lr / (1 - b1^t).</param>
/// <param name="Bias2Sqrt">sqrt(1 - b2^t).</param>
internal readonly record struct AdamCoefficients(float Beta1, float Beta2, float Eps, float WeightDecay, float NegStepSize, float Bias2Sqrt);

/// <summary>The scalars of one SGD update.</summary>
/// <param name="Lr">Learning rate.</param>
/// <param name="Momentum">Momentum (0: none).</param>
/// <param name="Dampening">Dampening of the gradient in the momentum buffer.</param>
/// <param name="Nesterov">Nesterov's look-ahead.</param>
/// <param name="WeightDecay">L2 coefficient added to the gradient (0: none).</param>
/// <param name="FirstStep">True when the momentum buffer is new: it takes the gradient as is.</param>
internal readonly record struct SgdCoefficients(float Lr, float Momentum, float Dampening, bool Nesterov, float WeightDecay, bool FirstStep);
