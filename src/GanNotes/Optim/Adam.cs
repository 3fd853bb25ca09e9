using GanNotes.Tensors;

namespace GanNotes.Optim;

/// <summary>
/// Adam: gradient descent scaled by bias-corrected running estimates of the gradient's
/// first and second moments (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic
/// Optimization", Alg. 1; PyTorch's <c>torch.optim.Adam</c> with <c>amsgrad=False</c>).
/// For each parameter p with gradient g, one <see cref="Optimizer.Step"/> computes
/// <code>
/// t = t + 1
/// g = g + weightDecay * p
/// m = beta1 * m + (1 - beta1) * g
/// v = beta2 * v + (1 - beta2) * g * g
/// p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
/// </code>
/// which is Alg. 1's p = p - lr * mHat / (sqrt(vHat) + eps) with mHat = m / (1 - beta1^t)
/// and vHat = v / (1 - beta2^t).
/// </summary>
/// <remarks>
/// <para>
/// Weight decay is the classic L2 penalty folded into the gradient before the moments, as
/// in PyTorch's Adam; it is not AdamW's decoupled decay (Loshchilov &amp; Hutter 2019).
/// </para>
/// <para>
/// State per parameter: <c>step</c> (t, a 0-d tensor, counted per parameter as in PyTorch,
/// so a parameter first updated late gets the bias correction of its own first step),
/// <c>exp_avg</c> (m) and <c>exp_avg_sq</c> (v), both of the parameter's shape. Parameters
/// whose <see cref="Tensor.Grad"/> is null are skipped and their state is left as it was.
/// </para>
/// </remarks>
public sealed class Adam : Optimizer
{
    private static readonly string[] State = ["step", "exp_avg", "exp_avg_sq"];

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// lr, eps or weightDecay is negative, a beta is outside [0, 1), or any of them is NaN.
    /// </exception>
    /// <exception cref="ArgumentException">An invalid parameter list (see <see cref="Optimizer(IEnumerable{Tensor}, float)"/>).</exception>
    public Adam(IEnumerable<Tensor> parameters, float lr = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, lr)
    {
        RequireNonNegative(eps, "Invalid epsilon value", nameof(eps));
        RequireBeta(beta1, 0, nameof(beta1));
        RequireBeta(beta2, 1, nameof(beta2));
        RequireNonNegative(weightDecay, "Invalid weight_decay value", nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    /// <summary>The decay rate of the first-moment estimate m.</summary>
    public float Beta1 { get; }

    /// <summary>The decay rate of the second-moment estimate v.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public float Eps { get; }

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> StateNames => State;

    /// <inheritdoc/>
    protected override IReadOnlyList<int> StateShape(string name, Tensor parameter) =>
        name == "step" ? [] : base.StateShape(name, parameter);

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad) => Update([index], [grad]);

    /// <summary>
    /// Updates the parameters in as few launches as their device allows (PyTorch's multi-tensor
    /// Adam): those whose step counts agree share their bias corrections, so each such run of
    /// parameters is one call; their results are those of one update after another.
    /// </summary>
    protected override void Update(IReadOnlyList<int> indices, IReadOnlyList<Tensor> grads)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(grads);
        // t per parameter; all of them agree unless some parameter went without a gradient for a step.
        var byStep = new Dictionary<float, List<int>>();
        for (int k = 0; k < indices.Count; k++)
        {
            float t = NextStep(indices[k]);
            if (!byStep.TryGetValue(t, out var run))
            {
                byStep[t] = run = [];
            }
            run.Add(k);
        }
        foreach (var (t, run) in byStep)
        {
            // Same operations in the same order as _single_tensor_adam in
            // torch/optim/adam.py (1.13), fused into one pass by the kernel: tensor maths in
            // float32, the scalar bias corrections in double (Python floats) and rounded to
            // float where they meet a tensor.
            double biasCorrection1 = 1.0 - Math.Pow(Beta1, t);
            double biasCorrection2 = 1.0 - Math.Pow(Beta2, t);
            double stepSize = Lr / biasCorrection1;
            Tensor.AdamUpdate_(
                [.. run.Select(k => Parameters[indices[k]])], [.. run.Select(k => grads[k])],
                [.. run.Select(k => GetState(indices[k], "exp_avg")!)], [.. run.Select(k => GetState(indices[k], "exp_avg_sq")!)],
                Beta1, Beta2, Eps, WeightDecay, (float)-stepSize, (float)Math.Sqrt(biasCorrection2));
        }
    }

    /// <summary>Advances parameter <paramref name="index"/>'s step count t (making its state on its first step) and returns t.</summary>
    private float NextStep(int index)
    {
        var step = GetState(index, "step");
        if (step is null)
        {
            var parameter = Parameters[index];
            step = Tensor.Scalar(0f);
            SetState(index, "step", step);
            SetState(index, "exp_avg", Tensor.ZerosLike(parameter));
            SetState(index, "exp_avg_sq", Tensor.ZerosLike(parameter));
        }
        float t = step.Item() + 1f;
        step.Fill_(t);
        return t;
    }

    private static void RequireBeta(float beta, int index, string paramName)
    {
        if (!(beta >= 0f && beta < 1f))
        {
            throw new ArgumentOutOfRangeException(paramName, beta, FormattableString.Invariant($"Invalid beta parameter at index {index}: {beta}"));
        }
    }
}
