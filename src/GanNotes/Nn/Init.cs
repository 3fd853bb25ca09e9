using GanNotes.Tensors;
namespace GanNotes.Nn;

/// <summary>Parameter initialisers (PyTorch's <c>nn.init</c>); each fills a tensor in place and returns it.</summary>
public static class Init
{
    /// <summary>Fills with samples of U[low, high).</summary>
    public static Tensor Uniform_(Tensor tensor, float low, float high, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var values = new float[tensor.NumElements];
        (rng ?? Rng.Default).FillUniform(values, low, high);
        using (Autograd.NoGrad())
        {
            return tensor.CopyFrom_(Tensor.FromArray(values, [.. tensor.Shape]));
        }
    }

    /// <summary>Fills with samples of N(mean, std^2).</summary>
    public static Tensor Normal_(Tensor tensor, float mean = 0f, float std = 1f, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var values = new float[tensor.NumElements];
        (rng ?? Rng.Default).FillNormal(values, mean, std);
        using (Autograd.NoGrad())
        {
            return tensor.CopyFrom_(Tensor.FromArray(values, [.. tensor.Shape]));
        }
    }

    /// <summary>Fills with a constant.</summary>
    public static Tensor Constant_(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.Fill_(value);
    }

    /// <summary>
    /// U(-b, b) with b = gain * sqrt(3 / fan_in), gain = sqrt(2 / (1 + a^2)) (He et al. 2015).
    /// With a = sqrt(5), PyTorch's default for Linear weights, b = 1 / sqrt(fan_in).
    /// </summary>
    /// <remarks>For a [out, in] weight, fan_in = in.</remarks>
    public static Tensor KaimingUniform_(Tensor tensor, float a = 0f, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        int fanIn = FanIn(tensor);
        double gain = Math.Sqrt(2.0 / (1 + a * a));
        float bound = (float)(gain * Math.Sqrt(3.0 / fanIn));
        return Uniform_(tensor, -bound, bound, rng);
    }

    /// <summary>U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    public static Tensor XavierUniform_(Tensor tensor, float gain = 1f, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Rank < 2)
        {
            throw new ArgumentException($"XavierUniform_ needs at least 2 dimensions, got shape [{string.Join(", ", tensor.Shape)}].", nameof(tensor));
        }
        int fanIn = FanIn(tensor), fanOut = tensor.Size(0);
        float bound = (float)(gain * Math.Sqrt(6.0 / (fanIn + fanOut)));
        return Uniform_(tensor, -bound, bound, rng);
    }

    /// <summary>
    /// PyTorch's default for a convolution (<c>_ConvNd.reset_parameters</c>): the weight Kaiming
    /// uniform with a = sqrt(5), the bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = the weight's
    /// size(1) times the kernel's area. Weight first, then bias, from one stream, as PyTorch draws them.
    /// </summary>
    public static void ResetConvolution_(Tensor weight, Tensor? bias, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        KaimingUniform_(weight, MathF.Sqrt(5f), rng);
        if (bias is not null)
        {
            float bound = 1f / MathF.Sqrt(FanIn(weight));
            Uniform_(bias, -bound, bound, rng);
        }
    }

    private static int FanIn(Tensor tensor)
    {
        if (tensor.Rank < 2)
        {
            throw new ArgumentException($"Fan-in needs a weight with at least 2 dimensions, got shape [{string.Join(", ", tensor.Shape)}].", nameof(tensor));
        }
        return tensor.NumElements / tensor.Size(0);
    }
}
