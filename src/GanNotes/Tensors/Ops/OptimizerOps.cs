using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>
/// The optimizers' fused in-place updates (Optim's Adam and Sgd), as ops: one pass over a
/// parameter, its gradient and its state, never recorded for autograd. A device implements them
/// as kernels; the optimizers reach them only through these ops.
/// </summary>
public sealed partial class Tensor
{
    /// <summary>
    /// One Adam update of this parameter in place, in PyTorch's order (torch/optim/adam.py):
    /// g += wd p; m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
    /// p += negStepSize m / (sqrt(v) / bias2Sqrt + eps).
    /// </summary>
    internal void AdamUpdate_(
        Tensor grad, Tensor expAvg, Tensor expAvgSq, float beta1, float beta2, float eps, float weightDecay, float negStepSize, float bias2Sqrt) =>
        Kernels.AdamUpdate(this, grad, expAvg, expAvgSq, new AdamCoefficients(beta1, beta2, eps, weightDecay, negStepSize, bias2Sqrt));

    /// <summary>
    /// One SGD update of this parameter in place, in PyTorch's order (torch/optim/sgd.py), with
    /// momentum (buffer null when there is none), dampening, Nesterov and weight decay.
    /// </summary>
    internal void SgdUpdate_(
        Tensor grad, Tensor? momentumBuffer, float lr, float momentum, float dampening, bool nesterov, float weightDecay, bool firstStep) =>
        Kernels.SgdUpdate(this, grad, momentumBuffer, new SgdCoefficients(lr, momentum, dampening, nesterov, weightDecay, firstStep));
}
