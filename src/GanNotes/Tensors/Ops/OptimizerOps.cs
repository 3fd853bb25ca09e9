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
    /// <see cref="AdamUpdate_(Tensor, Tensor, Tensor, float, float, float, float, float, float)"/> on each
    /// parameter of a list, with the same coefficients, in as few launches as the device can
    /// (PyTorch's multi-tensor Adam). The lists run in parallel; every tensor is on one device.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or the tensors are not all on one device.</exception>
    internal static void AdamUpdate_(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> grads, IReadOnlyList<Tensor> expAvgs,
        IReadOnlyList<Tensor> expAvgSqs, float beta1, float beta2, float eps, float weightDecay, float negStepSize, float bias2Sqrt)
    {
        if (parameters.Count == 0)
        {
            return;
        }
        if (grads.Count != parameters.Count || expAvgs.Count != parameters.Count || expAvgSqs.Count != parameters.Count)
        {
            throw new ArgumentException($"AdamUpdate_: {parameters.Count} parameters, {grads.Count} gradients, {expAvgs.Count} and {expAvgSqs.Count} moments.");
        }
        foreach (var t in parameters.Concat(grads).Concat(expAvgs).Concat(expAvgSqs))
        {
            RequireSameDevice(parameters[0], t, "AdamUpdate_");
        }
        parameters[0].Kernels.AdamUpdate(parameters, grads, expAvgs, expAvgSqs, new AdamCoefficients(beta1, beta2, eps, weightDecay, negStepSize, bias2Sqrt));
    }

    /// <summary>
    /// One SGD update of this parameter in place, in PyTorch's order (torch/optim/sgd.py), with
    /// momentum (buffer null when there is none), dampening, Nesterov and weight decay.
    /// </summary>
    internal void SgdUpdate_(
        Tensor grad, Tensor? momentumBuffer, float lr, float momentum, float dampening, bool nesterov, float weightDecay, bool firstStep) =>
        Kernels.SgdUpdate(this, grad, momentumBuffer, new SgdCoefficients(lr, momentum, dampening, nesterov, weightDecay, firstStep));
}
