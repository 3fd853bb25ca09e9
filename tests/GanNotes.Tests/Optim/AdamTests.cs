using System.Globalization;
using GanNotes.Optim;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Optim;

/// <summary>Adam against PyTorch 1.13's torch.optim.Adam (tests/data/golden/adam.json).</summary>
public class AdamTests
{
    // |actual - expected| <= Atol + Rtol |expected|: the same float32 operations in the
    // same order as PyTorch; only the hyperparameters differ (float here, double there).
    private const float Atol = 1e-6f;
    private const float Rtol = 1e-5f;

    [Theory]
    [InlineData("adam")]
    [InlineData("adam_wd")]
    public void Step_GoldenConfig_MatchesPyTorchForThreeSteps(string config)
    {
        var golden = Golden.Load("adam");
        var p = golden.Tensor("p0");
        p.RequiresGrad = true;
        var optimizer = new Adam([p],
            lr: golden.Scalar(config + ".lr"),
            beta1: golden.Scalar(config + ".beta1"),
            beta2: golden.Scalar(config + ".beta2"),
            eps: golden.Scalar(config + ".eps"),
            weightDecay: golden.Scalar(config + ".weight_decay"));

        foreach (int step in new[] { 1, 2, 3 })
        {
            optimizer.ZeroGrad();
            p.Grad = golden.Tensor("g" + (step - 1).ToString(CultureInfo.InvariantCulture));
            optimizer.Step();
            golden.AssertClose(config + ".p" + step.ToString(CultureInfo.InvariantCulture), p, Atol, Rtol);
        }
    }

    [Theory]
    [InlineData(-1f, 0.9f, 0.999f, 1e-8f, 0f, "lr", "Invalid learning rate: -1")]
    [InlineData(1e-3f, 1.5f, 0.999f, 1e-8f, 0f, "beta1", "Invalid beta parameter at index 0: 1.5")]
    [InlineData(1e-3f, 1f, 0.999f, 1e-8f, 0f, "beta1", "Invalid beta parameter at index 0: 1")]
    [InlineData(1e-3f, 0.9f, -0.5f, 1e-8f, 0f, "beta2", "Invalid beta parameter at index 1: -0.5")]
    [InlineData(1e-3f, 0.9f, float.NaN, 1e-8f, 0f, "beta2", "Invalid beta parameter at index 1: NaN")]
    [InlineData(1e-3f, 0.9f, 0.999f, -0.5f, 0f, "eps", "Invalid epsilon value: -0.5")]
    [InlineData(1e-3f, 0.9f, 0.999f, 1e-8f, -0.25f, "weightDecay", "Invalid weight_decay value: -0.25")]
    public void Constructor_InvalidHyperparameter_ThrowsNamingValue(float lr, float beta1, float beta2, float eps, float weightDecay, string paramName, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([NewParameter()], lr, beta1, beta2, eps, weightDecay));
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BetasZero_Accepted()
    {
        var optimizer = new Adam([NewParameter()], beta1: 0f, beta2: 0f, eps: 0f);
        Assert.Equal(0f, optimizer.Beta1);
    }

    [Fact]
    public void Step_ParameterWithNullGrad_IsUntouchedAndHasNoState()
    {
        var withGrad = NewParameter();
        var withoutGrad = NewParameter();
        var before = withoutGrad.ToArray();
        var optimizer = new Adam([withGrad, withoutGrad], 0.1f, weightDecay: 0.1f);

        withGrad.Grad = Tensor.Ones(2, 3);
        optimizer.Step();
        optimizer.Step();

        Assert.Equal(before, withoutGrad.ToArray());
        Assert.Equal(["0.step", "0.exp_avg", "0.exp_avg_sq"], optimizer.StateDict().Select(kv => kv.Key));
        Assert.Equal(2f, optimizer.StateDict()[0].Value.Item());
    }

    [Fact]
    public void Step_ParameterFirstUpdatedLate_GetsItsOwnFirstStepBiasCorrection()
    {
        var early = NewParameter();
        var late = NewParameter();
        var optimizer = new Adam([early, late], 0.1f);
        early.Grad = Tensor.Ones(2, 3);
        optimizer.Step();
        optimizer.Step();

        var g = Tensor.FromArray([0.5f, -1f, 2f, -3f, 4f, 0.25f], 2, 3);
        late.Grad = g;
        optimizer.Step();

        // The same as the first step of a fresh optimizer: step counts are per parameter.
        var fresh = NewParameter();
        fresh.Grad = g;
        new Adam([fresh], 0.1f).Step();
        Assert.Equal(fresh.ToArray(), late.ToArray());
    }

    [Fact]
    public void Step_FirstStep_MovesEachElementByLrAgainstTheGradientSign()
    {
        // At t = 1, mHat = g and vHat = g^2, so the update is lr * g / (|g| + eps).
        var p = NewParameter();
        p.Grad = Tensor.FromArray([0.5f, -1f, 2f, -3f, 4f, 0.25f], 2, 3);

        new Adam([p], 0.1f, eps: 0f).Step();

        TensorAssert.Close([2, 3], [0.9f, 2.1f, 2.9f, 4.1f, 4.9f, 5.9f], p, 1e-6);
    }

    [Fact]
    public void Step_Always_WritesIntoTheSameStorageWithoutRecording()
    {
        var p = NewParameter();
        var alias = p.Detach(); // shares p's storage
        var optimizer = new Adam([p], 0.5f);
        p.Grad = Tensor.Ones(2, 3);

        optimizer.Step();

        TensorAssert.Close([2, 3], [0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f], alias, 1e-6);
        Assert.True(p.IsLeaf);
        Assert.True(p.RequiresGrad);
    }

    [Fact]
    public void Step_LargeParameterSplitOverThreads_BitwiseSameAsOneThreadAndFollowsTheFormula()
    {
        // Long enough to be split over two threads, and not a multiple of any vector width.
        const int length = 100_003;
        const float lr = 1e-3f, beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
        var rng = new Rng(5);
        var start = Tensor.Randn([length], rng);
        var grads = Enumerable.Range(0, 3).Select(_ => Tensor.Randn([length], rng)).ToArray();
        int saved = Threading.NumThreads;
        float[][] results = new float[2][];
        try
        {
            foreach (int threads in new[] { 1, 2 })
            {
                Threading.NumThreads = threads;
                var p = start.Clone();
                p.RequiresGrad = true;
                var optimizer = new Adam([p], lr, beta1, beta2, eps);
                foreach (var g in grads)
                {
                    p.Grad = g.Clone();
                    optimizer.Step();
                }
                results[threads - 1] = p.ToArray();
            }
        }
        finally
        {
            Threading.NumThreads = saved;
        }

        Assert.Equal(results[0], results[1]);
        float[] expected = start.ToArray(), m = new float[length], v = new float[length];
        for (int t = 1; t <= 3; t++)
        {
            float[] g = grads[t - 1].ToArray();
            double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
            for (int i = 0; i < length; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g[i]);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g[i] * g[i]);
                expected[i] -= (float)(lr / c1 * m[i] / ((Math.Sqrt(v[i]) / Math.Sqrt(c2)) + eps));
            }
        }
        TensorAssert.Close(expected, results[1], 1e-5);
    }

    private static Tensor NewParameter() => TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
}
