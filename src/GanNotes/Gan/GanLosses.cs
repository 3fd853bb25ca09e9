using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>The generator objective.</summary>
public enum GeneratorLoss
{
    /// <summary>
    /// The paper's minimax objective: G descends (1/m) sum log(1 - D(G(z))) (Goodfellow et al.
    /// 2014, Eq. 1 and Algorithm 1). Its gradient vanishes when D confidently rejects the samples,
    /// which is the case early in training.
    /// </summary>
    Minimax,
    /// <summary>
    /// The paper's practical alternative: G maximises log D(G(z)), i.e. descends
    /// -(1/m) sum log D(G(z)) (Goodfellow et al. 2014, Sec. 3): same fixed point, strong early gradients.
    /// </summary>
    NonSaturating,
}

/// <summary>
/// The GAN losses of Goodfellow et al. (2014), computed on discriminator logits a with
/// D = sigmoid(a), through binary cross-entropy with logits so they stay finite when D saturates.
/// </summary>
public static class GanLosses
{
    /// <summary>
    /// The discriminator's loss, -V(D, G) / 2 on a minibatch:
    /// -(1/2) [(1/m) sum log D(x_i) + (1/m) sum log(1 - D(G(z_i)))] (Eq. 1), i.e. the mean of
    /// BCE(D(x), 1) and BCE(D(G(z)), 0). Minimising it is D ascending V, as in Algorithm 1.
    /// Its minimum over D for fixed G is log 2 - JSD(p_data || p_g) (Theorem 1); at the game's
    /// optimum it is log 2 = 0.693.
    /// </summary>
    /// <param name="realLogits">Logits of D on real data, [m, 1].</param>
    /// <param name="fakeLogits">Logits of D on generated data, [m, 1].</param>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        var real = Functional.BinaryCrossEntropyWithLogits(realLogits, Tensor.OnesLike(realLogits));
        var fake = Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensor.ZerosLike(fakeLogits));
        return (real + fake) * 0.5f;
    }

    /// <summary>The generator's loss on D's logits for generated samples.</summary>
    /// <remarks>
    /// Minimax: (1/m) sum log(1 - D(G(z))) = -BCE(D(G(z)), 0); non-saturating:
    /// -(1/m) sum log D(G(z)) = BCE(D(G(z)), 1). At the optimum D = 1/2 they are -log 2 and log 2.
    /// </remarks>
    public static Tensor Generator(Tensor fakeLogits, GeneratorLoss loss = GeneratorLoss.NonSaturating)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return loss switch
        {
            GeneratorLoss.Minimax => -Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensor.ZerosLike(fakeLogits)),
            GeneratorLoss.NonSaturating => Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensor.OnesLike(fakeLogits)),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, $"Unknown generator loss: {loss}."),
        };
    }
}
