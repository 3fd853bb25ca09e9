namespace GanNotes.Tensors.Backend;

// The fused kernels: one pass where the composed form takes several. Each default below is the
// kernel's definition written with the primitives, on scratch tensors from the device's pool; a
// device overrides it where a kernel of its own pays (the CPU overrides all of them). The
// defaults round where their steps round, so they match a fused kernel to float32 rounding, not bit for bit.
internal partial interface IKernels
{
    /// <summary>y = x * (x &gt; 0 ? 1 : slope); slope 0 is ReLU.</summary>
    void LeakyRelu(Tensor x, float slope, Tensor y) => LeakyReluBackward(x, slope, x, y);

    /// <summary>dx = g * (x &gt; 0 ? 1 : slope); slope 0 is ReLU.</summary>
    void LeakyReluBackward(Tensor x, float slope, Tensor g, Tensor dx)
    {
        var factor = Scratch(x);
        Step(x, 0f, factor);
        Affine(factor, 1f - slope, slope, factor);
        Binary(BinaryOp.Mul, g, factor, dx);
        Release(factor);
    }

    /// <summary>dx = g where min &lt;= x &lt;= max, else 0 (PyTorch's convention at the bounds).</summary>
    void ClampBackward(Tensor x, float min, float max, Tensor g, Tensor dx)
    {
        var outside = Scratch(x);
        var above = Scratch(x);
        Affine(x, -1f, 0f, outside);
        Step(outside, -min, outside);               // x < min
        Step(x, max, above);                        // x > max
        Binary(BinaryOp.Add, outside, above, outside);
        Affine(outside, -1f, 1f, outside);          // 1 inside [min, max], 0 outside
        Binary(BinaryOp.Mul, g, outside, dx);
        Release(outside, above);
    }

    /// <summary>dx = g * y * (1 - y) where y = sigmoid(x).</summary>
    void SigmoidBackward(Tensor y, Tensor g, Tensor dx)
    {
        var slope = Scratch(y);
        Affine(y, -1f, 1f, slope);
        Binary(BinaryOp.Mul, slope, y, slope);
        Binary(BinaryOp.Mul, g, slope, dx);
        Release(slope);
    }

    /// <summary>dx = g * (1 - y^2) where y = tanh(x).</summary>
    void TanhBackward(Tensor y, Tensor g, Tensor dx)
    {
        var slope = Scratch(y);
        Binary(BinaryOp.Mul, y, y, slope);
        Affine(slope, -1f, 1f, slope);
        Binary(BinaryOp.Mul, g, slope, dx);
        Release(slope);
    }

    /// <summary>c[m, n] = bias[n] in every row + op(a) op(b) (PyTorch's addmm).</summary>
    void AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c)
    {
        BroadcastTo(bias, c);
        MatMul(a, transposeA, b, transposeB, c, accumulate: true);
    }

    /// <summary>y[i] = x[i, index[i]] for a 2-D x.</summary>
    void PickColumns(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        int rows = x.ShapeArray[0], columns = x.ShapeArray[1];
        IndexSelect(new Tensor(x.Storage, [rows * columns, 1]), FlatIndex(index, columns), new Tensor(y.Storage, [rows, 1]));
    }

    /// <summary>dx[i, index[i]] = g[i] (dx must be zeroed by the caller).</summary>
    void ScatterColumns(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        int rows = dx.ShapeArray[0], columns = dx.ShapeArray[1];
        IndexAdd(new Tensor(g.Storage, [rows, 1]), FlatIndex(index, columns), new Tensor(dx.Storage, [rows * columns, 1]));
    }

    /// <summary>
    /// Training-mode batch normalisation of x [N, C] over N, or of x [N, C, *] over N and every
    /// position (images: <see cref="ChannelsLast"/>): mean and invStd = 1/sqrt(var + eps)
    /// (biased var) per channel, y = (x - mean) invStd gamma + beta (weight/bias null: 1 and 0);
    /// running statistics, when given, become (1 - momentum) running + momentum batch, with
    /// the unbiased variance.
    /// </summary>
    void BatchNormForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        if (x.Rank > 2)
        {
            ChannelsLast.BatchNormForward(this, x, weight, bias, eps, y, mean, invStd, runningMean, runningVar, momentum);
            return;
        }
        int n = x.ShapeArray[0];
        SumDim(x, 0, mean);
        Affine(mean, 1f / n, 0f, mean);
        var deviation = Scratch(x);
        Binary(BinaryOp.Sub, x, mean, deviation);
        Binary(BinaryOp.Mul, deviation, deviation, y);                 // y holds the squares for now
        var variance = Scratch(mean);
        SumDim(y, 0, variance);
        Affine(variance, 1f / n, 0f, variance);
        if (runningVar is not null)
        {
            MovingAverage(runningVar, variance, momentum, n > 1 ? (float)n / (n - 1) : 1f);
        }
        if (runningMean is not null)
        {
            MovingAverage(runningMean, mean, momentum, 1f);
        }
        Affine(variance, 1f, eps, invStd);
        Unary(UnaryOp.Sqrt, invStd, invStd);
        Pow(invStd, -1f, invStd);
        Binary(BinaryOp.Mul, deviation, invStd, y);
        if (weight is not null)
        {
            Binary(BinaryOp.Mul, y, weight, y);
        }
        if (bias is not null)
        {
            Binary(BinaryOp.Add, y, bias, y);
        }
        Release(deviation, variance);
    }

    /// <summary>
    /// The gradients of <see cref="BatchNormForward"/> given dL/dy = g, for whichever of dx,
    /// dWeight, dBias are not null: with k = sum((x - mean) g) invStd^2 / N,
    /// dx = (g - mean(g) - (x - mean) k) invStd gamma.
    /// </summary>
    void BatchNormBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        if (x.Rank > 2)
        {
            ChannelsLast.BatchNormBackward(this, x, g, mean, invStd, weight, dx, dWeight, dBias);
            return;
        }
        int n = x.ShapeArray[0];
        var sumG = Scratch(mean);
        var dot = Scratch(mean);
        var deviation = Scratch(x);
        var product = Scratch(x);
        SumDim(g, 0, sumG);
        Binary(BinaryOp.Sub, x, mean, deviation);
        Binary(BinaryOp.Mul, deviation, g, product);
        SumDim(product, 0, dot);
        if (dBias is not null)
        {
            Copy(sumG, dBias);
        }
        if (dWeight is not null)
        {
            Binary(BinaryOp.Mul, dot, invStd, dWeight);
        }
        if (dx is not null)
        {
            var k = Scratch(mean);
            Binary(BinaryOp.Mul, dot, invStd, k);
            Binary(BinaryOp.Mul, k, invStd, k);
            Affine(k, 1f / n, 0f, k);
            Binary(BinaryOp.Mul, deviation, k, product);
            Affine(sumG, 1f / n, 0f, sumG);                             // mean(g)
            Binary(BinaryOp.Sub, g, sumG, dx);
            Binary(BinaryOp.Sub, dx, product, dx);
            Binary(BinaryOp.Mul, dx, invStd, dx);
            if (weight is not null)
            {
                Binary(BinaryOp.Mul, dx, weight, dx);
            }
            Release(k);
        }
        Release(sumG, dot, deviation, product);
    }

    /// <summary>
    /// One Adam update in place, elementwise and in PyTorch's operation order:
    /// g += wd p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g g;
    /// p += (m * negStepSize) / (sqrt(v) / bias2Sqrt + eps).
    /// </summary>
    void AdamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c)
    {
        var g = WithWeightDecay(param, grad, c.WeightDecay);
        var term = Scratch(param);
        Affine(expAvg, c.Beta1, 0f, expAvg);
        Affine(g, 1f - c.Beta1, 0f, term);
        Binary(BinaryOp.Add, expAvg, term, expAvg);
        Affine(expAvgSq, c.Beta2, 0f, expAvgSq);
        Affine(g, 1f - c.Beta2, 0f, term);
        Binary(BinaryOp.Mul, term, g, term);
        Binary(BinaryOp.Add, expAvgSq, term, expAvgSq);
        var denominator = Scratch(param);
        Unary(UnaryOp.Sqrt, expAvgSq, denominator);
        Affine(denominator, 1f / c.Bias2Sqrt, c.Eps, denominator);
        Affine(expAvg, c.NegStepSize, 0f, term);
        Binary(BinaryOp.Div, term, denominator, term);
        Binary(BinaryOp.Add, param, term, param);
        Release(term, denominator);
        if (g != grad)
        {
            Release(g);
        }
    }

    /// <summary>
    /// One Adam update of each parameter of a list, with the same coefficients: what
    /// <see cref="AdamUpdate(Tensor, Tensor, Tensor, Tensor, in AdamCoefficients)"/> does to each in turn.
    /// PyTorch's multi-tensor Adam (<c>foreach=True</c>): a GPU updates many parameters per launch.
    /// </summary>
    void AdamUpdate(IReadOnlyList<Tensor> param, IReadOnlyList<Tensor> grad, IReadOnlyList<Tensor> expAvg, IReadOnlyList<Tensor> expAvgSq, in AdamCoefficients c)
    {
        for (int i = 0; i < param.Count; i++)
        {
            AdamUpdate(param[i], grad[i], expAvg[i], expAvgSq[i], c);
        }
    }

    /// <summary>
    /// y[i] = the sum of the squares of xs[i]'s elements, for a 1-D y of xs.Count elements
    /// (PyTorch's <c>_foreach_norm</c>, squared): a GPU sums many tensors per launch.
    /// </summary>
    void SumsOfSquares(IReadOnlyList<Tensor> xs, Tensor y)
    {
        var sums = new Tensor[xs.Count];
        for (int i = 0; i < xs.Count; i++)
        {
            var square = Scratch(xs[i]);
            Binary(BinaryOp.Mul, xs[i], xs[i], square);
            sums[i] = new Tensor(Allocate(1, zeroed: false, pooled: true), [1]);
            SumTo(square, sums[i]);
            Release(square);
        }
        Cat(sums, 0, y);
        Release(sums);
    }

    /// <summary>
    /// One SGD update in place, in PyTorch's operation order: g += wd p; with momentum,
    /// buf = g on the first step, else buf = momentum buf + (1 - dampening) g, and
    /// g = nesterov ? g + momentum buf : buf; then p += g * -lr.
    /// </summary>
    void SgdUpdate(Tensor param, Tensor grad, Tensor? momentumBuffer, in SgdCoefficients c)
    {
        var g = WithWeightDecay(param, grad, c.WeightDecay);
        var step = Scratch(param);
        if (c.Momentum != 0f && momentumBuffer is not null)
        {
            if (c.FirstStep)
            {
                Copy(g, momentumBuffer);
            }
            else
            {
                Affine(momentumBuffer, c.Momentum, 0f, momentumBuffer);
                Affine(g, 1f - c.Dampening, 0f, step);
                Binary(BinaryOp.Add, momentumBuffer, step, momentumBuffer);
            }
            if (c.Nesterov)
            {
                Affine(momentumBuffer, c.Momentum, 0f, step);
                Binary(BinaryOp.Add, g, step, step);
            }
            else
            {
                Copy(momentumBuffer, step);
            }
        }
        else
        {
            Copy(g, step);
        }
        Affine(step, -c.Lr, 0f, step);
        Binary(BinaryOp.Add, param, step, param);
        Release(step);
        if (g != grad)
        {
            Release(g);
        }
    }

    /// <summary>Elementwise binary cross-entropy on probabilities, logs clamped at -100 as PyTorch does.</summary>
    void BinaryCrossEntropy(Tensor p, Tensor target, Tensor loss)
    {
        var logP = Scratch(p);
        var log1MinusP = Scratch(p);
        Unary(UnaryOp.Log, p, logP);
        Clamp(logP, -100f, float.PositiveInfinity, logP);
        Affine(p, -1f, 1f, log1MinusP);
        Unary(UnaryOp.Log, log1MinusP, log1MinusP);
        Clamp(log1MinusP, -100f, float.PositiveInfinity, log1MinusP);
        var targetMinusOne = Scratch(p);
        Affine(target, 1f, -1f, targetMinusOne);
        Binary(BinaryOp.Mul, targetMinusOne, log1MinusP, log1MinusP);
        Binary(BinaryOp.Mul, target, logP, logP);
        Binary(BinaryOp.Sub, log1MinusP, logP, loss);                   // (t - 1) log(1 - p) - t log p
        Release(logP, log1MinusP, targetMinusOne);
    }

    /// <summary>dp = g * (p - t) / max(p (1 - p), 1e-12), PyTorch's gradient.</summary>
    void BinaryCrossEntropyBackward(Tensor p, Tensor target, Tensor g, Tensor dp)
    {
        var numerator = Scratch(p);
        var denominator = Scratch(p);
        Binary(BinaryOp.Sub, p, target, numerator);
        Affine(p, -1f, 1f, denominator);
        Binary(BinaryOp.Mul, denominator, p, denominator);
        Clamp(denominator, 1e-12f, float.PositiveInfinity, denominator);
        Binary(BinaryOp.Div, numerator, denominator, numerator);
        Binary(BinaryOp.Mul, g, numerator, dp);
        Release(numerator, denominator);
    }

    /// <summary>Elementwise max(x, 0) - x t + log(1 + exp(-|x|)): finite for any logit.</summary>
    void BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor loss)
    {
        var positive = Scratch(logits);
        var softplus = Scratch(logits);
        Unary(UnaryOp.Relu, logits, positive);
        Affine(positive, 2f, 0f, softplus);
        Binary(BinaryOp.Sub, softplus, logits, softplus);               // |x| = 2 max(x, 0) - x
        Affine(softplus, -1f, 0f, softplus);
        Unary(UnaryOp.Exp, softplus, softplus);
        Affine(softplus, 1f, 1f, softplus);
        Unary(UnaryOp.Log, softplus, softplus);                         // log(1 + e^-|x|)
        var product = Scratch(logits);
        Binary(BinaryOp.Mul, logits, target, product);
        Binary(BinaryOp.Sub, positive, product, positive);
        Binary(BinaryOp.Add, positive, softplus, loss);
        Release(positive, softplus, product);
    }

    /// <summary>dx = g * (sigmoid(x) - t).</summary>
    void BinaryCrossEntropyWithLogitsBackward(Tensor logits, Tensor target, Tensor g, Tensor dx)
    {
        var sigmoid = Scratch(logits);
        Unary(UnaryOp.Sigmoid, logits, sigmoid);
        Binary(BinaryOp.Sub, sigmoid, target, sigmoid);
        Binary(BinaryOp.Mul, g, sigmoid, dx);
        Release(sigmoid);
    }

    /// <summary>A pooled tensor of <paramref name="like"/>'s shape on this device; hand it back with <see cref="Release"/>.</summary>
    private Tensor Scratch(Tensor like) => new(Allocate(like.NumElements, zeroed: false, pooled: true), like.ShapeArray);

    private static void Release(params ReadOnlySpan<Tensor> scratch)
    {
        foreach (var tensor in scratch)
        {
            tensor.Storage.Release();
        }
    }

    /// <summary>average = (1 - momentum) average + momentum scale value.</summary>
    private void MovingAverage(Tensor average, Tensor value, float momentum, float scale)
    {
        var term = Scratch(value);
        Affine(value, scale * momentum, 0f, term);
        Affine(average, 1f - momentum, 0f, average);
        Binary(BinaryOp.Add, average, term, average);
        Release(term);
    }

    /// <summary>grad + weightDecay param in a scratch tensor, or grad itself when there is no decay.</summary>
    private Tensor WithWeightDecay(Tensor param, Tensor grad, float weightDecay)
    {
        if (weightDecay == 0f)
        {
            return grad;
        }
        var g = Scratch(param);
        Affine(param, weightDecay, 0f, g);
        Binary(BinaryOp.Add, grad, g, g);
        return g;
    }

    /// <summary>The flat positions i * columns + index[i] of a row-wise pick.</summary>
    private static int[] FlatIndex(ReadOnlySpan<int> index, int columns)
    {
        var flat = new int[index.Length];
        for (int i = 0; i < index.Length; i++)
        {
            flat[i] = (i * columns) + index[i];
        }
        return flat;
    }
}
