using GanNotes.Tensors;

namespace GanNotes.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight
/// decay (PyTorch's <c>torch.optim.SGD</c>). For each parameter p with gradient g, one
/// <see cref="Optimizer.Step"/> computes
/// <code>
/// g = g + weightDecay * p
/// if momentum != 0:
///     b = g                                      on p's first step
///     b = momentum * b + (1 - dampening) * g     on later steps
///     g = nesterov ? g + momentum * b : b
/// p = p - lr * g
/// </code>
/// Momentum and Nesterov's accelerated gradient as used in deep learning: Sutskever et al.
/// 2013, "On the importance of initialization and momentum in deep learning", Sec. 2.
/// </summary>
/// <remarks>
/// <para>
/// Like PyTorch, this keeps the velocity in gradient units and applies <c>lr</c> afterwards
/// (b = momentum * b + g; p -= lr * b), whereas Sutskever et al. fold the learning rate into
/// the velocity (v = momentum * v - lr * g; p += v). The two agree while <c>lr</c> is constant.
/// </para>
/// <para>
/// State: <c>momentum_buffer</c> (b, the parameter's shape) when momentum is not zero.
/// Parameters whose <see cref="Tensor.Grad"/> is null are skipped, their buffers untouched.
/// </para>
/// </remarks>
public sealed class Sgd : Optimizer
{
    private float momentum;

    private static readonly string[] MomentumState = ["momentum_buffer"];

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lr, momentum or weightDecay is negative (or NaN).</exception>
    /// <exception cref="ArgumentException">
    /// nesterov without a positive momentum and zero dampening, or an invalid parameter list
    /// (see <see cref="Optimizer(IEnumerable{Tensor}, float)"/>).
    /// </exception>
    public Sgd(IEnumerable<Tensor> parameters, float lr, float momentum = 0f, float dampening = 0f, bool nesterov = false, float weightDecay = 0f)
        : base(parameters, lr)
    {
        RequireNonNegative(momentum, "Invalid momentum value", nameof(momentum));
        RequireNonNegative(weightDecay, "Invalid weight_decay value", nameof(weightDecay));
        if (nesterov && (momentum <= 0f || dampening != 0f))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening.", nameof(nesterov));
        }
        this.momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    /// <summary>
    /// The momentum factor (0: plain SGD). It may be changed between steps (the GAN paper
    /// ramps it up during training), but not between zero and non-zero, which would change
    /// the optimizer's state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or NaN.</exception>
    /// <exception cref="InvalidOperationException">Set from zero to non-zero or back.</exception>
    public float Momentum
    {
        get => momentum;
        set
        {
            RequireNonNegative(value, "Invalid momentum value", nameof(value));
            if ((momentum == 0f) != (value == 0f))
            {
                throw new InvalidOperationException($"Momentum cannot change between zero and non-zero (from {momentum} to {value}): create a new optimizer.");
            }
            momentum = value;
        }
    }

    /// <summary>The dampening of the gradient's contribution to the momentum buffer.</summary>
    public float Dampening { get; }

    /// <summary>Whether the update uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> StateNames => Momentum != 0f ? MomentumState : [];

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        // Same operations in the same order as torch/optim/sgd.py (1.13), fused into one
        // pass by the kernel, so results match PyTorch's float32 values.
        Tensor? buffer = null;
        bool first = false;
        if (Momentum != 0f)
        {
            buffer = GetState(index, "momentum_buffer");
            if (buffer is null)
            {
                first = true;
                buffer = Tensor.ZerosLike(parameter);
                SetState(index, "momentum_buffer", buffer);
            }
        }
        parameter.SgdUpdate_(grad, buffer, Lr, Momentum, Dampening, Nesterov, WeightDecay, first);
    }
}
