namespace GanNotes.Tensors.Backend;

/// <summary>Fused elementwise losses whose naive composition would overflow or lose the gradient at the extremes.</summary>
internal sealed partial class CpuKernels
{
    private const float LogClamp = -100f;   // PyTorch clamps log(p) at -100 so BCE stays finite at p = 0 and 1
    private const float BceGradEpsilon = 1e-12f;

    public void BinaryCrossEntropy(Tensor p, Tensor target, Tensor loss)
    {
        ReadOnlySpan<float> ps = p.Span, ts = target.Span;
        Span<float> l = loss.Span;
        for (int i = 0; i < ps.Length; i++)
        {
            float logP = MathF.Max(MathF.Log(ps[i]), LogClamp);
            float log1MinusP = MathF.Max(MathF.Log(1f - ps[i]), LogClamp);
            l[i] = (ts[i] - 1f) * log1MinusP - ts[i] * logP;
        }
    }

    public void BinaryCrossEntropyBackward(Tensor p, Tensor target, Tensor g, Tensor dp)
    {
        ReadOnlySpan<float> ps = p.Span, ts = target.Span, gs = g.Span;
        Span<float> d = dp.Span;
        for (int i = 0; i < ps.Length; i++)
        {
            // d/dp = (p - t) / (p (1 - p)); the floor keeps it finite at p = 0 and 1.
            d[i] = gs[i] * (ps[i] - ts[i]) / MathF.Max((1f - ps[i]) * ps[i], BceGradEpsilon);
        }
    }

    public void BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor loss)
    {
        ReadOnlySpan<float> xs = logits.Span, ts = target.Span;
        Span<float> l = loss.Span;
        for (int i = 0; i < xs.Length; i++)
        {
            // (1 - t) x + m + log(e^-m + e^(-x-m)), m = max(-x, 0): PyTorch's form of
            // max(x, 0) - x t + log(1 + e^-|x|). Every exponent is <= 0, so nothing overflows.
            float x = xs[i];
            float m = MathF.Max(-x, 0f);
            l[i] = (1f - ts[i]) * x + m + MathF.Log(MathF.Exp(-m) + MathF.Exp(-x - m));
        }
    }

    public void BinaryCrossEntropyWithLogitsBackward(Tensor logits, Tensor target, Tensor g, Tensor dx)
    {
        ReadOnlySpan<float> xs = logits.Span, ts = target.Span, gs = g.Span;
        Span<float> d = dx.Span;
        for (int i = 0; i < xs.Length; i++)
        {
            float sigmoid = 1f / (1f + MathF.Exp(-xs[i])); // d/dx = sigmoid(x) - t
            d[i] = gs[i] * (sigmoid - ts[i]);
        }
    }
}
