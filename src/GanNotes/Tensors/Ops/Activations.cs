using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>ReLU, LeakyReLU, Sigmoid, Tanh.</summary>
public sealed partial class Tensor
{
    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => LeakyRelu(0f, "ReluBackward");

    /// <summary>x for x &gt; 0, slope * x otherwise (PyTorch's <c>leaky_relu</c>, default slope 0.01).</summary>
    public Tensor LeakyRelu(float negativeSlope = 0.01f) => LeakyRelu(negativeSlope, "LeakyReluBackward");

    private Tensor LeakyRelu(float slope, string name)
    {
        var x = this;
        var y = Uninitialized(shape, Device);
        if (slope == 0f)
        {
            Kernels.Unary(UnaryOp.Relu, x, y);
        }
        else
        {
            Kernels.LeakyRelu(x, slope, y);
        }
        return Autograd.Record(y, name, [x], g =>
        {
            // NOTE: the derivative at exactly 0 is taken as the slope (0 for ReLU), as PyTorch does.
            var dx = Uninitialized(x.shape, x.Device); // d/dx = 1 for x > 0, slope otherwise
            x.Kernels.LeakyReluBackward(x, slope, g, dx);
            return [dx];
        });
    }

    /// <summary>1 / (1 + e^-x).</summary>
    public Tensor Sigmoid()
    {
        var y = Unary(UnaryOp.Sigmoid);
        return Autograd.Record(y, "SigmoidBackward", [this], g =>
        {
            var dx = Uninitialized(y.shape, y.Device); // d(sigmoid x)/dx = y (1 - y)
            y.Kernels.SigmoidBackward(y, g, dx);
            return [dx];
        });
    }

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh()
    {
        var y = Unary(UnaryOp.Tanh);
        return Autograd.Record(y, "TanhBackward", [this], g =>
        {
            var dx = Uninitialized(y.shape, y.Device); // d(tanh x)/dx = 1 - y^2
            y.Kernels.TanhBackward(y, g, dx);
            return [dx];
        });
    }
}
