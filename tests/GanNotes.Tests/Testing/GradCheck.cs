using System.Globalization;
using System.Text;
using GanNotes.Tensors;
using Xunit.Sdk;

namespace GanNotes.Tests.Testing;

/// <summary>The finite-difference step and the tolerances of <see cref="GradCheck"/>.</summary>
/// <remarks>The defaults and the reasoning behind them are on <see cref="GradCheck"/>.</remarks>
public sealed record GradCheckOptions
{
    /// <summary>The default options: h = 1e-3, atol = 1e-3, rtol = 1e-3, weight seed 2014.</summary>
    public static GradCheckOptions Default { get; } = new();

    /// <summary>The central-difference step h, added to and subtracted from one input element at a time.</summary>
    public double Step { get; init; } = 1e-3;

    /// <summary>atol in |num - ana| &lt;= atol + rtol * max(|num|, |ana|).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-3;

    /// <summary>rtol in |num - ana| &lt;= atol + rtol * max(|num|, |ana|).</summary>
    public double RelativeTolerance { get; init; } = 1e-3;

    /// <summary>Seeds the random weights w of the objective sum(w * f(inputs)).</summary>
    public ulong Seed { get; init; } = 2014;
}

/// <summary>
/// Central-difference gradient checking (PyTorch's <c>torch.autograd.gradcheck</c>, in float32):
/// compares the gradient that <see cref="Tensor.Backward(Tensor)"/> computes with
/// (L(x + h) - L(x - h)) / 2h for every element of every input that requires grad.
/// </summary>
/// <remarks>
/// <para>
/// The objective is L = sum_j w_j f(inputs)_j with fixed random weights w_j = ±[0.5, 1.5)
/// (seeded), so every output element contributes with a different weight: a gradient
/// that is wrong for one output element, or that a uniform weighting would cancel (the
/// rows of a softmax sum to 1), cannot hide. The analytic side is one
/// <c>Backward(w)</c>, the vector-Jacobian product the engine computes for
/// <c>(w * y).Sum()</c>, without the rounding of that extra sum. The numerical side reads
/// f's output to the host and sums w_j y_j in double, so no float32 reduction is added.
/// </para>
/// <para>
/// Precision. The forward pass is float32 (unit roundoff u = 6e-8). The perturbed value
/// x ± h is itself rounded to float32, so the difference quotient divides by the step
/// actually taken, (float)(x + h) - (float)(x - h), not by 2h; this removes a relative
/// error of up to u|x|/h = 6e-5|x|. What remains:
/// <list type="bullet">
/// <item>truncation, h^2 |f'''| / 6 = 1.7e-7 |f'''| at h = 1e-3;</item>
/// <item>rounding, about u |w_j y_j| / h = 6e-5 |y_j| for each output element y_j that
/// changes with the perturbed input (elements that do not change cancel exactly, since
/// the forward pass is deterministic).</item>
/// </list>
/// For inputs and outputs of magnitude up to about 10 and a few dozen outputs per input,
/// the numerical derivative is therefore good to a few 1e-4 absolute, and the float32
/// backward pass to about 1e-6 relative. The defaults, |num - ana| &lt;= atol + rtol *
/// max(|num|, |ana|) with atol = 1e-3 and rtol = 1e-3, sit above that: over the tensor-op
/// tests (about 1,700 elements, weight seeds 1, 7, 99, 2014, 12345) the largest error seen
/// was 3.7e-4 absolute and 0.26 of the allowance. They still fail what real mistakes
/// look like: a missing factor, a wrong sign, a gradient not summed over a broadcast
/// dimension or taken at the wrong element (all off by O(1)), and an error of 1% on any
/// derivative larger than about 0.12 (a mean divided by n - 1 instead of n, for n up to
/// about 100). Keep inputs farther than h from kinks (ReLU at 0, clamp bounds), away
/// from poles (Log and Div near 0), and of moderate size; for outputs with many
/// elements that all move with one input (a loss over a large batch, a wide layer),
/// the rounding term grows with their number: widen atol through
/// <see cref="GradCheckOptions"/> with a comment saying why.
/// </para>
/// </remarks>
public static class GradCheck
{
    /// <summary>
    /// Checks the gradient of <paramref name="f"/> with respect to each input that requires
    /// grad, with <see cref="GradCheckOptions.Default"/>; throws listing the mismatching elements.
    /// f is called 2n + 1 times for n checked elements and must be deterministic (a dropout
    /// mask, say, must come from a generator reseeded inside f).
    /// </summary>
    /// <exception cref="XunitException">An analytic and numerical derivative disagree; the message
    /// names the input index, element index and both values of each mismatch.</exception>
    public static void Assert(Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        Assert(f, GradCheckOptions.Default, inputs);

    /// <summary>As <see cref="Assert(Func{Tensor[], Tensor}, Tensor[])"/>, with explicit step and tolerances.</summary>
    /// <exception cref="XunitException">An analytic and numerical derivative disagree.</exception>
    public static void Assert(Func<Tensor[], Tensor> f, GradCheckOptions options, params Tensor[] inputs)
    {
        var result = Check(f, options, inputs);
        if (result.Failures.Count > 0)
        {
            throw new XunitException(result.Describe());
        }
    }

    /// <summary>
    /// Computes both gradients and compares them, without throwing on a mismatch. The inputs'
    /// values and <see cref="Tensor.Grad"/> are restored afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">An input is not a CPU leaf, none requires grad, or f returns an empty tensor.</exception>
    public static GradCheckResult Check(Func<Tensor[], Tensor> f, GradCheckOptions options, params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inputs);
        Validate(inputs);

        var originals = inputs.Select(x => x.ToArray()).ToArray();
        var savedGrads = inputs.Select(x => x.Grad).ToArray();
        try
        {
            var (weights, outputShape, analytic) = AnalyticGradients(f, options, inputs);
            var failures = new List<GradCheckFailure>();
            double worstRatio = 0;
            int checkedCount = 0;
            using (Autograd.NoGrad())
            {
                for (int k = 0; k < inputs.Length; k++)
                {
                    if (!inputs[k].RequiresGrad)
                    {
                        continue;
                    }
                    var values = (float[])originals[k].Clone();
                    for (int i = 0; i < values.Length; i++)
                    {
                        double numerical = Numerical(f, inputs, k, values, i, options.Step, weights, outputShape);
                        double ana = analytic[k][i];
                        double diff = Math.Abs(numerical - ana);
                        double allowed = options.AbsoluteTolerance + (options.RelativeTolerance * Math.Max(Math.Abs(numerical), Math.Abs(ana)));
                        bool ok = diff <= allowed; // false for NaN
                        worstRatio = Math.Max(worstRatio, double.IsNaN(diff) ? double.PositiveInfinity : diff / allowed);
                        checkedCount++;
                        if (!ok)
                        {
                            failures.Add(new GradCheckFailure(k, i, Unravel(i, inputs[k].Shape), numerical, ana, diff, allowed));
                        }
                    }
                }
            }
            return new GradCheckResult(options, checkedCount, worstRatio, failures);
        }
        finally
        {
            for (int k = 0; k < inputs.Length; k++)
            {
                inputs[k].CopyFrom_(Tensor.FromArray(originals[k], [.. inputs[k].Shape]));
                inputs[k].Grad = savedGrads[k];
            }
        }
    }

    private static void Validate(Tensor[] inputs)
    {
        bool any = false;
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k] ?? throw new ArgumentException($"GradCheck: input {k} is null.", nameof(inputs));
            if (!x.IsLeaf)
            {
                throw new ArgumentException($"GradCheck: input {k} is not a leaf (grad_fn {x.GradFn}); its Grad would not be kept.", nameof(inputs));
            }
            if (!x.Device.Equals(Device.Cpu))
            {
                throw new ArgumentException($"GradCheck: input {k} is on {x.Device}; the checker perturbs CPU tensors.", nameof(inputs));
            }
            any |= x.RequiresGrad;
        }
        if (!any)
        {
            throw new ArgumentException("GradCheck: no input has RequiresGrad = true, so there is nothing to check.", nameof(inputs));
        }
    }

    private static (float[] Weights, int[] OutputShape, double[][] Analytic) AnalyticGradients(
        Func<Tensor[], Tensor> f, GradCheckOptions options, Tensor[] inputs)
    {
        foreach (var x in inputs)
        {
            x.Grad = null;
        }
        var y = f(inputs);
        if (y.NumElements == 0)
        {
            throw new ArgumentException($"GradCheck: f returned an empty tensor of shape {FormatShape(y.Shape)}.", nameof(f));
        }
        var outputShape = y.Shape.ToArray();
        var weights = RandomWeights(y.NumElements, options.Seed);
        y.Backward(Tensor.FromArray(weights, outputShape));
        var analytic = new double[inputs.Length][];
        for (int k = 0; k < inputs.Length; k++)
        {
            // No Grad on an input that requires grad means no path reached it: a zero gradient.
            var grad = inputs[k].Grad?.ToArray() ?? new float[inputs[k].NumElements];
            if (grad.Length != inputs[k].NumElements)
            {
                throw new XunitException($"GradCheck: input {k} has shape {FormatShape(inputs[k].Shape)} but its Grad has {grad.Length} elements.");
            }
            analytic[k] = Array.ConvertAll(grad, g => (double)g);
        }
        return (weights, outputShape, analytic);
    }

    /// <summary>Weights of magnitude [0.5, 1.5) and random sign: none is near zero, all differ.</summary>
    private static float[] RandomWeights(int count, ulong seed)
    {
        var generator = new Rng(seed);
        var weights = new float[count];
        for (int j = 0; j < count; j++)
        {
            float magnitude = (float)(0.5 + generator.NextDouble());
            weights[j] = generator.NextInt(2) == 0 ? magnitude : -magnitude;
        }
        return weights;
    }

    private static double Numerical(Func<Tensor[], Tensor> f, Tensor[] inputs, int k, float[] values, int i, double step, float[] weights, int[] outputShape)
    {
        float original = values[i];
        float plus = (float)(original + step);
        float minus = (float)(original - step);
        double lossPlus = Objective(f, inputs, k, values, i, plus, weights, outputShape);
        double lossMinus = Objective(f, inputs, k, values, i, minus, weights, outputShape);
        values[i] = original;
        inputs[k].CopyFrom_(Tensor.FromArray(values, [.. inputs[k].Shape]));
        // Divide by the step actually taken: x ± h is rounded to float32.
        return (lossPlus - lossMinus) / ((double)plus - minus);
    }

    private static double Objective(Func<Tensor[], Tensor> f, Tensor[] inputs, int k, float[] values, int i, float value, float[] weights, int[] outputShape)
    {
        values[i] = value;
        inputs[k].CopyFrom_(Tensor.FromArray(values, [.. inputs[k].Shape]));
        var y = f(inputs);
        if (!y.Shape.SequenceEqual(outputShape))
        {
            throw new XunitException($"GradCheck: f returned shape {FormatShape(y.Shape)} after perturbing input {k}, element {i}, but {FormatShape(outputShape)} before.");
        }
        var ys = y.ToArray();
        double sum = 0;
        for (int j = 0; j < ys.Length; j++)
        {
            sum += (double)weights[j] * ys[j];
        }
        return sum;
    }

    private static int[] Unravel(int flat, IReadOnlyList<int> shape)
    {
        var index = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    internal static string FormatShape(IEnumerable<int> shape) =>
        "[" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
}

/// <summary>One element whose analytic and numerical derivatives disagree.</summary>
/// <param name="InputIndex">Which input (position in the inputs array).</param>
/// <param name="ElementIndex">The row-major (flat) index of the element within that input.</param>
/// <param name="Index">The same element as a multi-index.</param>
/// <param name="Numerical">The central-difference derivative.</param>
/// <param name="Analytic">The derivative from Backward.</param>
/// <param name="Difference">|Numerical - Analytic|.</param>
/// <param name="Allowed">atol + rtol * max(|Numerical|, |Analytic|).</param>
public sealed record GradCheckFailure(int InputIndex, int ElementIndex, int[] Index, double Numerical, double Analytic, double Difference, double Allowed)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"input {InputIndex}, element {ElementIndex} (index {GradCheck.FormatShape(Index)}): numerical {Numerical:G7}, analytic {Analytic:G7}, |difference| {Difference:G3} > allowed {Allowed:G3}");
}

/// <summary>The outcome of <see cref="GradCheck.Check"/>.</summary>
/// <param name="Options">The step and tolerances used.</param>
/// <param name="CheckedCount">How many input elements were compared.</param>
/// <param name="WorstRatio">The largest |num - ana| / allowed; below 1 passes, infinity for a NaN.</param>
/// <param name="Failures">The elements outside the tolerance.</param>
public sealed record GradCheckResult(GradCheckOptions Options, int CheckedCount, double WorstRatio, IReadOnlyList<GradCheckFailure> Failures)
{
    private const int MaxReportedFailures = 10;

    /// <summary>The failure report: the options, then one line per mismatching element (the first 10).</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Gradient check failed for {Failures.Count} of {CheckedCount} element(s) (step {Options.Step:G3}, atol {Options.AbsoluteTolerance:G3}, rtol {Options.RelativeTolerance:G3}):");
        foreach (var failure in Failures.Take(MaxReportedFailures))
        {
            sb.AppendLine().Append("  ").Append(failure);
        }
        if (Failures.Count > MaxReportedFailures)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  ... and {Failures.Count - MaxReportedFailures} more");
        }
        return sb.ToString();
    }
}
