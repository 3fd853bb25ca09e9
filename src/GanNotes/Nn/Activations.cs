using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>max(x, 0) elementwise (PyTorch's <c>nn.ReLU</c>).</summary>
public sealed class Relu : Module
{
    /// <inheritdoc/>
    protected override string PyTorchName => "ReLU";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Relu();
    }
}

/// <summary>x for x &gt; 0, negativeSlope * x otherwise (PyTorch's <c>nn.LeakyReLU</c>; the GAN discriminator uses 0.2).</summary>
public sealed class LeakyRelu(float negativeSlope = 0.01f) : Module
{
    /// <inheritdoc/>
    protected override string PyTorchName => "LeakyReLU";

    /// <summary>The slope for negative inputs.</summary>
    public float NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.LeakyRelu(NegativeSlope);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"negative_slope={PyRepr.Of(NegativeSlope)}";
}

/// <summary>1 / (1 + e^-x) elementwise (PyTorch's <c>nn.Sigmoid</c>).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Sigmoid();
    }
}

/// <summary>tanh(x) elementwise (PyTorch's <c>nn.Tanh</c>).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Tanh();
    }
}
