using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Tests.Nn;

/// <summary>Conv2d, ConvTranspose2d, BatchNorm2d, Flatten and Unflatten as modules: shapes, initialisation, repr, errors.</summary>
public sealed class ConvolutionLayersTests
{
    [Fact]
    public void Conv2d_DefaultInit_IsPyTorchsKaimingUniformBound()
    {
        var conv = new Conv2d(8, 16, 3, rng: new Rng(1));
        float bound = 1f / MathF.Sqrt(8 * 3 * 3); // gain sqrt(2 / 6) * sqrt(3 / fan_in) = 1 / sqrt(fan_in)
        var w = conv.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.9f * bound && w.Min() < -0.9f * bound, "the draws should fill U(-b, b)");
        Assert.All(conv.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
    }

    [Fact]
    public void ConvTranspose2d_DefaultInit_UsesTheOutputChannelsAsFanIn()
    {
        // PyTorch computes the fan of a [in, out, K, K] weight from dimension 1: out K K.
        var deconv = new ConvTranspose2d(16, 2, 4, rng: new Rng(2));
        float bound = 1f / MathF.Sqrt(2 * 4 * 4);
        var w = deconv.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.9f * bound);
        Assert.Equal([16, 2, 4, 4], deconv.Weight.Shape);
    }

    [Fact]
    public void Layers_ShapesAndReprs_FollowPyTorch()
    {
        var conv = new Conv2d(1, 32, 4, 2, 1, bias: false);
        Assert.Equal([5, 32, 14, 14], conv.Forward(Tensor.Zeros(5, 1, 28, 28)).Shape);
        Assert.Equal("Conv2d(1, 32, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1), bias=False)", conv.ToString());
        var deconv = new ConvTranspose2d(64, 32, 4, 2, 1, bias: false);
        Assert.Equal([5, 32, 14, 14], deconv.Forward(Tensor.Zeros(5, 64, 7, 7)).Shape);
        Assert.Equal("ConvTranspose2d(64, 32, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1), bias=False)", deconv.ToString());
        Assert.Equal("BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", new BatchNorm2d(8).ToString());
        Assert.Equal("Flatten(start_dim=1, end_dim=-1)", new Flatten().ToString());
        Assert.Equal("Unflatten(dim=1, unflattened_size=(1, 28, 28))", new Unflatten(1, 1, 28, 28).ToString());
    }

    [Fact]
    public void FlattenAndUnflatten_AreInverseViews()
    {
        var x = Tensor.Randn([3, 784], new Rng(3));
        var images = new Unflatten(1, 1, 28, 28).Forward(x);
        Assert.Equal([3, 1, 28, 28], images.Shape);
        Assert.Equal(x.ToArray(), new Flatten().Forward(images).ToArray());
        var ex = Assert.Throws<ArgumentException>(() => new Unflatten(1, 1, 28, 28).Forward(Tensor.Zeros(3, 783)));
        Assert.Contains("[3, 783]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Unflatten(1, 0, 4));
    }

    [Fact]
    public void BatchNorm2d_WrongInput_NamesTheExpectedShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm2d(4).Forward(Tensor.Zeros(2, 3, 5, 5)));
        Assert.Contains("[N, 4, H, W]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BatchNorm2d(4).Forward(Tensor.Zeros(2, 4)));
        // One image of one pixel leaves a single value per channel.
        Assert.Throws<ArgumentException>(() => new BatchNorm2d(4).Forward(Tensor.Zeros(1, 4, 1, 1)));
        Assert.Equal([1, 4, 2, 2], new BatchNorm2d(4).Forward(Tensor.Randn([1, 4, 2, 2], new Rng(4))).Shape);
    }

    [Fact]
    public void Conv2d_InvalidSizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(0, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(1, 4, 3, stride: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(1, 4, 3, padding: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose2d(1, 4, 3, stride: 2, outputPadding: 2));
    }
}
