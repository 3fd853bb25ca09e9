using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Gan;

/// <summary>The DCGAN for 28 x 28: shapes, DCGAN's initialisation, and one training step against PyTorch.</summary>
public sealed class DcganTests
{
    private const float Atol = 2e-5f;
    private const float Rtol = 2e-4f;

    [Fact]
    public void Networks_MapNoiseToImageRowsAndRowsToOneLogit()
    {
        var g = Dcgan.BuildGenerator(rng: new Rng(1));
        var d = Dcgan.BuildDiscriminator(rng: new Rng(2));
        var x = g.Forward(Tensor.Randn([3, Dcgan.DefaultZDim], new Rng(3)));
        Assert.Equal([3, 784], x.Shape);
        Assert.All(x.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal([3, 1], d.Forward(x).Shape);
    }

    [Fact]
    public void InitWeights_DrawsConvolutionsFromN0002AndBatchNormGammaFromN1002()
    {
        var g = Dcgan.BuildGenerator(hidden: 64, rng: new Rng(4));
        var deconv = (ConvTranspose2d)g[1];
        var w = deconv.Weight.ToArray();
        double mean = w.Average(v => (double)v), std = Math.Sqrt(w.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.001, 0.001);   // 100 * 128 * 49 draws: the mean's error is 3e-5
        Assert.InRange(std, 0.0195, 0.0205);
        var bn = (BatchNorm2d)g[2];
        Assert.All(bn.Weight.ToArray(), v => Assert.InRange(v, 0.9f, 1.1f));
        Assert.All(bn.Bias.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void OneStep_LossesAndEveryGradient_MatchPyTorch()
    {
        var golden = Golden.Load("dcgan_step");
        var g = Dcgan.BuildGenerator(zDim: 6, hidden: 3);
        var d = Dcgan.BuildDiscriminator(hidden: 3);
        Load(g, "G.", golden);
        Load(d, "D.", golden);

        var fake = g.Forward(golden.Tensor("z"));
        var ones = Tensor.Ones(4, 1);
        var zeros = Tensor.Zeros(4, 1);
        var dLoss = Functional.BinaryCrossEntropyWithLogits(d.Forward(golden.Tensor("real")), ones)
            + Functional.BinaryCrossEntropyWithLogits(d.Forward(fake.Detach()), zeros);
        dLoss.Backward();
        golden.AssertClose("fake", fake, Atol, Rtol);
        golden.AssertClose("d_loss", dLoss, Atol, Rtol);
        foreach (var (name, p) in d.NamedParameters())
        {
            golden.AssertClose("D.grad." + name, p.Grad, Atol, Rtol);
        }

        d.ZeroGrad();
        var gLoss = Functional.BinaryCrossEntropyWithLogits(d.Forward(fake), ones);
        gLoss.Backward();
        golden.AssertClose("g_loss", gLoss, Atol, Rtol);
        foreach (var (name, p) in g.NamedParameters())
        {
            golden.AssertClose("G.grad." + name, p.Grad, Atol, Rtol);
        }
        var bn = (BatchNorm2d)g[2];
        golden.AssertClose("G.after.running_mean", bn.RunningMean, Atol, Rtol);
        golden.AssertClose("G.after.running_var", bn.RunningVar, Atol, Rtol);
    }

    private static void Load(Module model, string prefix, Golden golden)
    {
        using (Autograd.NoGrad())
        {
            foreach (var (name, t) in model.StateDict())
            {
                if (!name.EndsWith("num_batches_tracked", StringComparison.Ordinal))
                {
                    t.CopyFrom_(golden.Tensor(prefix + name));
                }
            }
        }
    }
}
