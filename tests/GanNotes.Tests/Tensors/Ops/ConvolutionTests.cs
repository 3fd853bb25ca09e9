using GanNotes.Tensors;
using GanNotes.Tensors.Backend;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Conv2d and ConvTranspose2d against a direct loop, each other, and finite differences.</summary>
public sealed class ConvolutionTests
{
    /// <summary>y[n, o, i, j] = b[o] + sum over c, u, v of w[o, c, u, v] x[n, c, i s - p + u, j s - p + v]: the definition, in double.</summary>
    private static double[] DirectConv2d(Tensor x, Tensor w, Tensor? b, int stride, int padding, out int[] shape)
    {
        int n = x.Size(0), c = x.Size(1), h = x.Size(2), wd = x.Size(3), oc = w.Size(0), k = w.Size(2), kw = w.Size(3);
        int oh = ((h + (2 * padding) - k) / stride) + 1, ow = ((wd + (2 * padding) - kw) / stride) + 1;
        float[] xs = x.ToArray(), ws = w.ToArray(), bs = b?.ToArray() ?? new float[oc];
        var y = new double[n * oc * oh * ow];
        for (int ni = 0; ni < n; ni++)
        {
            for (int o = 0; o < oc; o++)
            {
                for (int i = 0; i < oh; i++)
                {
                    for (int j = 0; j < ow; j++)
                    {
                        double sum = bs[o];
                        for (int ci = 0; ci < c; ci++)
                        {
                            for (int u = 0; u < k; u++)
                            {
                                for (int v = 0; v < kw; v++)
                                {
                                    int r = (i * stride) - padding + u, q = (j * stride) - padding + v;
                                    if (r >= 0 && r < h && q >= 0 && q < wd)
                                    {
                                        sum += (double)ws[(((o * c) + ci) * k + u) * kw + v] * xs[(((ni * c) + ci) * h + r) * wd + q];
                                    }
                                }
                            }
                        }
                        y[(((ni * oc) + o) * oh + i) * ow + j] = sum;
                    }
                }
            }
        }
        shape = [n, oc, oh, ow];
        return y;
    }

    [Theory]
    [InlineData(3, 4, 3, 1, 0, true)]
    [InlineData(3, 4, 3, 2, 1, false)]
    [InlineData(1, 2, 4, 2, 1, true)]
    [InlineData(2, 3, 5, 3, 2, true)]
    public void Conv2d_MatchesTheDefinition(int cin, int cout, int k, int stride, int padding, bool bias)
    {
        var x = TestTensors.Uniform([2, cin, 9, 7], -1f, 1f, seed: 1, requiresGrad: false); // not square
        var w = TestTensors.Uniform([cout, cin, k, k], -1f, 1f, seed: 2, requiresGrad: false);
        var b = bias ? TestTensors.Uniform([cout], -1f, 1f, seed: 3, requiresGrad: false) : null;

        var y = Tensor.Conv2d(x, w, b, stride, padding);

        var expected = DirectConv2d(x, w, b, stride, padding, out int[] shape);
        TensorAssert.Close(shape, [.. expected.Select(v => (float)v)], y, 1e-5);
    }

    [Theory]
    [InlineData(2, 3, 3, 1, 0, 0)]
    [InlineData(2, 3, 4, 2, 1, 0)]
    [InlineData(3, 2, 3, 2, 1, 1)]
    [InlineData(4, 1, 7, 1, 0, 0)]
    public void ConvTranspose2d_IsTheAdjointOfConv2d(int cin, int cout, int k, int stride, int padding, int outputPadding)
    {
        // <conv_transpose(x, W), y> = <x, conv(y, W)> for every y of the transposed output's shape:
        // the transposed convolution is the convolution's Jacobian transposed.
        var x = TestTensors.Uniform([2, cin, 4, 3], -1f, 1f, seed: 4, requiresGrad: false);
        var w = TestTensors.Uniform([cin, cout, k, k], -1f, 1f, seed: 5, requiresGrad: false);

        var up = Tensor.ConvTranspose2d(x, w, null, stride, padding, outputPadding);
        int oh = ((4 - 1) * stride) - (2 * padding) + k + outputPadding, ow = ((3 - 1) * stride) - (2 * padding) + k + outputPadding;
        Assert.Equal([2, cout, oh, ow], up.Shape);
        var y = TestTensors.Uniform([2, cout, oh, ow], -1f, 1f, seed: 6, requiresGrad: false);
        var down = Tensor.Conv2d(y, w, null, stride, padding);
        Assert.Equal(x.Shape, down.Shape);

        double left = up.ToArray().Zip(y.ToArray(), (a, b) => (double)a * b).Sum();
        double right = x.ToArray().Zip(down.ToArray(), (a, b) => (double)a * b).Sum();
        Assert.Equal(left, right, 1e-4 * Math.Max(1, Math.Abs(left)));
    }

    [Fact]
    public void Im2Col_And_Col2Im_AreAdjoint()
    {
        var geometry = new ConvGeometry(2, 3, 6, 5, 3, 2, 2, 1, 1, 1);
        var x = TestTensors.Uniform([2, 3, 6, 5], -1f, 1f, seed: 7, requiresGrad: false);
        var c = TestTensors.Uniform([geometry.Rows, geometry.Columns], -1f, 1f, seed: 8, requiresGrad: false);

        var windows = Tensor.Im2Col(x, geometry);
        var image = Tensor.Col2Im(c, geometry);

        double left = windows.ToArray().Zip(c.ToArray(), (a, b) => (double)a * b).Sum();
        double right = x.ToArray().Zip(image.ToArray(), (a, b) => (double)a * b).Sum();
        Assert.Equal(left, right, 1e-4);
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(2, 1, false)]
    [InlineData(3, 2, true)]
    public void Conv2d_Gradients_MatchFiniteDifferences(int stride, int padding, bool bias)
    {
        var x = TestTensors.Uniform([2, 2, 6, 5], -1f, 1f, seed: 11);
        var w = TestTensors.Uniform([3, 2, 3, 3], -1f, 1f, seed: 12);
        var b = TestTensors.Uniform([3], -1f, 1f, seed: 13);
        GradCheck.Assert(v => Tensor.Conv2d(v[0], v[1], bias ? v[2] : null, stride, padding), bias ? [x, w, b] : [x, w]);
    }

    [Theory]
    [InlineData(1, 0, 0, true)]
    [InlineData(2, 1, 0, false)]
    [InlineData(2, 1, 1, true)]
    public void ConvTranspose2d_Gradients_MatchFiniteDifferences(int stride, int padding, int outputPadding, bool bias)
    {
        var x = TestTensors.Uniform([2, 3, 3, 4], -1f, 1f, seed: 14);
        var w = TestTensors.Uniform([3, 2, 3, 3], -1f, 1f, seed: 15);
        var b = TestTensors.Uniform([2], -1f, 1f, seed: 16);
        GradCheck.Assert(v => Tensor.ConvTranspose2d(v[0], v[1], bias ? v[2] : null, stride, padding, outputPadding), bias ? [x, w, b] : [x, w]);
    }

    [Fact]
    public void Im2Col_And_Col2Im_Gradients_MatchFiniteDifferences()
    {
        var geometry = new ConvGeometry(2, 2, 5, 4, 3, 2, 2, 1, 1, 0);
        GradCheck.Assert(v => Tensor.Im2Col(v[0], geometry), TestTensors.Uniform([2, 2, 5, 4], -1f, 1f, seed: 17));
        GradCheck.Assert(v => Tensor.Col2Im(v[0], geometry), TestTensors.Uniform([geometry.Rows, geometry.Columns], -1f, 1f, seed: 18));
    }

    [Fact]
    public void Conv2d_BadShapes_NameTheShapes()
    {
        var x = Tensor.Zeros(2, 3, 8, 8);
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros(4, 2, 3, 3)));
        Assert.Contains("expects 2 input channels", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3, 8, 8]", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => Tensor.Conv2d(Tensor.Zeros(2, 3, 8), Tensor.Zeros(4, 3, 3, 3)));
        Assert.Contains("[N, C, H, W]", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros(4, 3, 9, 9)));
        Assert.Contains("larger than the padded input", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros(4, 3, 3, 3), Tensor.Zeros(3)));
        Assert.Contains("bias must have shape [4]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Conv2d(x, Tensor.Zeros(4, 3, 3, 3), stride: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.ConvTranspose2d(x, Tensor.Zeros(3, 4, 3, 3), stride: 2, outputPadding: 2));
    }
}
