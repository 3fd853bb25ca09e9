using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

/// <summary>Layers and losses against PyTorch 1.13 (tests/golden/make_golden.py).</summary>
public class NnGoldenTests
{
    // float32 on both sides, different summation orders: a few ulps per op, compounded over a small network.
    private const float Atol = 2e-5f;
    private const float Rtol = 2e-4f;

    [Fact]
    public void MlpBce_ForwardAndAllGradients_MatchPyTorch()
    {
        var golden = Golden.Load("mlp_bce");
        var model = new Sequential(new Linear(5, 7), new BatchNorm1d(7), new Relu(), new Linear(7, 1), new Sigmoid());
        LoadParameters(model, golden);
        var x = golden.Tensor("x");
        x.RequiresGrad = true;

        var prob = model.Forward(x);
        var loss = Functional.BinaryCrossEntropy(prob, golden.Tensor("target"));
        loss.Backward();

        golden.AssertClose("prob", prob, Atol, Rtol);
        golden.AssertClose("loss", loss, Atol, Rtol);
        golden.AssertClose("grad.x", x.Grad, Atol, Rtol);
        foreach (var (name, p) in model.NamedParameters())
        {
            golden.AssertClose("grad." + name, p.Grad, Atol, Rtol);
        }
        var bn = (BatchNorm1d)model[1];
        golden.AssertClose("1.running_mean", bn.RunningMean, Atol, Rtol);
        golden.AssertClose("1.running_var", bn.RunningVar, Atol, Rtol);
    }

    [Fact]
    public void LeakyRelu_Slope02_MatchesPyTorch()
    {
        var golden = Golden.Load("leaky_relu");
        var x = golden.Tensor("x");
        x.RequiresGrad = true;
        var y = new LeakyRelu(golden.Scalar("negative_slope")).Forward(x);
        y.Backward(golden.Tensor("grad_out"));
        golden.AssertClose("y", y, 0f, 0f);
        golden.AssertClose("grad.x", x.Grad, 0f, 0f);
    }

    [Fact]
    public void BceWithLogits_ExtremeLogits_FiniteAndMatchesPyTorch()
    {
        var golden = Golden.Load("bce_logits_extreme");
        foreach (var (reduction, suffix) in new[] { (Reduction.Mean, "mean"), (Reduction.Sum, "sum") })
        {
            var logits = golden.Tensor("logits");
            logits.RequiresGrad = true;
            var loss = Functional.BinaryCrossEntropyWithLogits(logits, golden.Tensor("target"), reduction);
            loss.Backward();
            Assert.True(float.IsFinite(loss.Item()));
            Assert.All(logits.Grad!.ToArray(), g => Assert.True(float.IsFinite(g)));
            golden.AssertClose("loss_" + suffix, loss, Atol, Rtol);
            golden.AssertClose($"grad_{suffix}.logits", logits.Grad, 1e-6f, Rtol);
        }
    }

    [Fact]
    public void Bce_ProbabilitiesAtZeroAndOne_ClampedLikePyTorch()
    {
        var golden = Golden.Load("bce_probs");
        var p = golden.Tensor("p");
        var target = golden.Tensor("target");
        golden.AssertClose("loss_mean", Functional.BinaryCrossEntropy(p, target), Atol, Rtol);
        golden.AssertClose("loss_sum", Functional.BinaryCrossEntropy(p, target, Reduction.Sum), Atol, Rtol);

        var interior = golden.Tensor("p_interior");
        interior.RequiresGrad = true;
        var loss = new BceLoss().Forward(interior, target);
        loss.Backward();
        golden.AssertClose("loss_mean_interior", loss, Atol, Rtol);
        golden.AssertClose("grad_mean.p_interior", interior.Grad, Atol, Rtol);
    }

    [Fact]
    public void MseAndCrossEntropy_MatchPyTorch()
    {
        var golden = Golden.Load("mse_ce");
        var a = golden.Tensor("a");
        a.RequiresGrad = true;
        var mse = new MseLoss().Forward(a, golden.Tensor("b"));
        mse.Backward();
        golden.AssertClose("mse_mean", mse, Atol, Rtol);
        golden.AssertClose("mse_sum", Functional.MseLoss(a, golden.Tensor("b"), Reduction.Sum), Atol, Rtol);
        golden.AssertClose("grad_mse_mean.a", a.Grad, Atol, Rtol);

        var logits = golden.Tensor("ce_logits");
        logits.RequiresGrad = true;
        var classes = golden.Tensor("ce_target").ToArray().Select(v => (int)v).ToArray();
        var ce = new CrossEntropyLoss().Forward(logits, classes);
        ce.Backward();
        golden.AssertClose("ce_mean", ce, Atol, Rtol);
        golden.AssertClose("ce_sum", Functional.CrossEntropy(logits, classes, Reduction.Sum), Atol, Rtol);
        golden.AssertClose("grad_ce_mean.ce_logits", logits.Grad, Atol, Rtol);
        golden.AssertClose("log_softmax_dim1", logits.LogSoftmax(1), Atol, Rtol);
        golden.AssertClose("softmax_dim0", logits.Softmax(0), Atol, Rtol);
    }

    [Fact]
    public void BatchNorm1d_EvalAfterThreeTrainingBatches_MatchesPyTorch()
    {
        var golden = Golden.Load("batchnorm_eval");
        var bn = new BatchNorm1d(4, golden.Scalar("eps"), golden.Scalar("momentum"));
        using (Autograd.NoGrad())
        {
            bn.Weight.CopyFrom_(golden.Tensor("weight"));
            bn.Bias.CopyFrom_(golden.Tensor("bias"));
        }
        foreach (var batch in new[] { "batch0", "batch1", "batch2" })
        {
            bn.Forward(golden.Tensor(batch));
        }
        golden.AssertClose("running_mean", bn.RunningMean, Atol, Rtol);
        golden.AssertClose("running_var", bn.RunningVar, Atol, Rtol);
        Assert.Equal(3f, bn.NumBatchesTracked.Item());

        bn.Eval();
        var x = golden.Tensor("x_eval");
        x.RequiresGrad = true;
        var y = bn.Forward(x);
        y.Backward(golden.Tensor("grad_out"));
        golden.AssertClose("y_eval", y, Atol, Rtol);
        golden.AssertClose("grad.x_eval", x.Grad, Atol, Rtol);
        golden.AssertClose("grad.weight", bn.Weight.Grad, Atol, Rtol);
        golden.AssertClose("grad.bias", bn.Bias.Grad, Atol, Rtol);
        // Evaluation must not move the running statistics.
        golden.AssertClose("running_mean", bn.RunningMean, Atol, Rtol);
    }

    private static void LoadParameters(Module model, Golden golden)
    {
        using (Autograd.NoGrad())
        {
            foreach (var (name, p) in model.NamedParameters())
            {
                p.CopyFrom_(golden.Tensor(name));
            }
        }
    }
}
