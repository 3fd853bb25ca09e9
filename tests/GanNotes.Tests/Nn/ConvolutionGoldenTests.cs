using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

/// <summary>Conv2d, ConvTranspose2d and BatchNorm2d against PyTorch 1.13 (tests/golden/make_golden.py).</summary>
public sealed class ConvolutionGoldenTests
{
    // float32 on both sides, different summation orders (im2col + GEMM against oneDNN's kernels).
    private const float Atol = 2e-5f;
    private const float Rtol = 2e-4f;

    [Theory]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData("c")]
    [InlineData("d")]
    public void Conv2d_ForwardAndGradients_MatchPyTorch(string config)
    {
        var golden = Golden.Load("conv2d");
        var weight = golden.Tensor(config + ".weight");
        bool bias = golden.Has(config + ".bias");
        var layer = new Conv2d(weight.Size(1), weight.Size(0), weight.Size(2),
            (int)golden.Scalar(config + ".stride"), (int)golden.Scalar(config + ".padding"), bias);
        AssertLayer(golden, config, layer, layer.Weight, layer.Bias);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData("c")]
    [InlineData("d")]
    public void ConvTranspose2d_ForwardAndGradients_MatchPyTorch(string config)
    {
        var golden = Golden.Load("conv_transpose2d");
        var weight = golden.Tensor(config + ".weight");
        bool bias = golden.Has(config + ".bias");
        var layer = new ConvTranspose2d(weight.Size(0), weight.Size(1), weight.Size(2),
            (int)golden.Scalar(config + ".stride"), (int)golden.Scalar(config + ".padding"),
            (int)golden.Scalar(config + ".output_padding"), bias);
        AssertLayer(golden, config, layer, layer.Weight, layer.Bias);
    }

    [Fact]
    public void BatchNorm2d_TrainingAndEvaluation_MatchPyTorch()
    {
        var golden = Golden.Load("batchnorm2d");
        var bn = new BatchNorm2d(3, golden.Scalar("eps"), golden.Scalar("momentum"));
        using (Autograd.NoGrad())
        {
            bn.Weight.CopyFrom_(golden.Tensor("weight"));
            bn.Bias.CopyFrom_(golden.Tensor("bias"));
        }
        var x = golden.Tensor("x");
        x.RequiresGrad = true;
        var y = bn.Forward(x);
        y.Backward(golden.Tensor("grad_out"));
        golden.AssertClose("y", y, Atol, Rtol);
        golden.AssertClose("grad.x", x.Grad, Atol, Rtol);
        golden.AssertClose("grad.weight", bn.Weight.Grad, Atol, Rtol);
        golden.AssertClose("grad.bias", bn.Bias.Grad, Atol, Rtol);
        golden.AssertClose("running_mean", bn.RunningMean, Atol, Rtol);
        golden.AssertClose("running_var", bn.RunningVar, Atol, Rtol);

        bn.Eval();
        bn.ZeroGrad();
        var xEval = golden.Tensor("x_eval");
        xEval.RequiresGrad = true;
        var yEval = bn.Forward(xEval);
        yEval.Backward(golden.Tensor("grad_out_eval"));
        golden.AssertClose("y_eval", yEval, Atol, Rtol);
        golden.AssertClose("grad.x_eval", xEval.Grad, Atol, Rtol);
        golden.AssertClose("grad.weight_eval", bn.Weight.Grad, Atol, Rtol);
        golden.AssertClose("grad.bias_eval", bn.Bias.Grad, Atol, Rtol);
    }

    private static void AssertLayer(Golden golden, string config, Module layer, Tensor weight, Tensor? bias)
    {
        using (Autograd.NoGrad())
        {
            weight.CopyFrom_(golden.Tensor(config + ".weight"));
            bias?.CopyFrom_(golden.Tensor(config + ".bias"));
        }
        var x = golden.Tensor(config + ".x");
        x.RequiresGrad = true;
        var y = layer.Forward(x);
        y.Backward(golden.Tensor(config + ".grad_out"));
        golden.AssertClose(config + ".y", y, Atol, Rtol);
        golden.AssertClose(config + ".grad.x", x.Grad, Atol, Rtol);
        golden.AssertClose(config + ".grad.weight", weight.Grad, Atol, Rtol);
        if (bias is not null)
        {
            golden.AssertClose(config + ".grad.bias", bias.Grad, Atol, Rtol);
        }
    }
}
