namespace GanNotes.Tensors.Backend;

/// <summary>Elementwise functions of one tensor.</summary>
internal enum UnaryOp
{
    Neg,
    Exp,
    Log,
    Sqrt,
    Relu,
    Sigmoid,
    Tanh,
}

/// <summary>Elementwise functions of two broadcast tensors.</summary>
internal enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
}

/// <summary>
/// The low-level kernels a device must implement. Differentiable ops (the <c>Ops</c>
/// folder) are written once on top of these; a new device adds an implementation of
/// this interface, not a second autograd.
/// </summary>
/// <remarks>
/// Every output tensor is allocated by the caller with its final shape; kernels only
/// fill it. All tensors are contiguous row-major float32 on the kernel's device.
/// </remarks>
internal interface IKernels
{
    /// <summary>
    /// New storage of <paramref name="length"/> values, zero-filled when <paramref name="zeroed"/>
    /// (otherwise its values are unspecified); from the device's pool of recycled buffers when
    /// <paramref name="pooled"/> (the caller then registers it with a <see cref="TensorScope"/>).
    /// </summary>
    Storage Allocate(int length, bool zeroed, bool pooled);

    void CopyToHost(Tensor x, Span<float> destination);

    void CopyFromHost(ReadOnlySpan<float> source, Tensor y);

    void Copy(Tensor x, Tensor y);

    void Fill(Tensor y, float value);

    void Unary(UnaryOp op, Tensor x, Tensor y);

    /// <summary>y = x * scale + shift.</summary>
    void Affine(Tensor x, float scale, float shift, Tensor y);

    void Pow(Tensor x, float exponent, Tensor y);

    void LeakyRelu(Tensor x, float slope, Tensor y);

    void Clamp(Tensor x, float min, float max, Tensor y);

    /// <summary>dx = g * (x &gt; 0 ? 1 : slope); slope 0 is ReLU.</summary>
    void LeakyReluBackward(Tensor x, float slope, Tensor g, Tensor dx);

    /// <summary>dx = g where min &lt;= x &lt;= max, else 0 (PyTorch's convention at the bounds).</summary>
    void ClampBackward(Tensor x, float min, float max, Tensor g, Tensor dx);

    /// <summary>dx = g * y * (1 - y) where y = sigmoid(x).</summary>
    void SigmoidBackward(Tensor y, Tensor g, Tensor dx);

    /// <summary>dx = g * (1 - y^2) where y = tanh(x).</summary>
    void TanhBackward(Tensor y, Tensor g, Tensor dx);

    /// <summary>y = a op b with NumPy broadcasting; y has the broadcast shape.</summary>
    void Binary(BinaryOp op, Tensor a, Tensor b, Tensor y);

    /// <summary>Copies x into the larger shape of y along broadcast dimensions.</summary>
    void BroadcastTo(Tensor x, Tensor y);

    /// <summary>Sums x over the dimensions along which y's shape was broadcast to x's.</summary>
    void SumTo(Tensor x, Tensor y);

    /// <summary>y = sum of x along <paramref name="dim"/>; y has x's shape with that dim removed or 1.</summary>
    void SumDim(Tensor x, int dim, Tensor y);

    /// <summary>Softmax (or log-softmax) of x along <paramref name="dim"/>, max-subtracted.</summary>
    void Softmax(Tensor x, int dim, bool log, Tensor y);

    /// <summary>c = (accumulate ? c : 0) + op(a) op(b), op = optional transpose, 2-D.</summary>
    void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate);

    /// <summary>c[m, n] = bias[n] in every row + op(a) op(b) (PyTorch's addmm), in one pass over c.</summary>
    void AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c);

    void Transpose2D(Tensor x, Tensor y);

    /// <summary>
    /// Training-mode batch normalisation of x [N, C] over N: mean and invStd = 1/sqrt(var + eps)
    /// (biased var) per channel, y = (x - mean) invStd gamma + beta (weight/bias null: 1 and 0);
    /// running statistics, when given, become (1 - momentum) running + momentum batch, with
    /// the unbiased variance.
    /// </summary>
    void BatchNormForward(Tensor x, Tensor? weight, Tensor? bias, float eps, Tensor y, Tensor mean, Tensor invStd,
        Tensor? runningMean, Tensor? runningVar, float momentum);

    /// <summary>
    /// The gradients of <see cref="BatchNormForward"/> given dL/dy = g, for whichever of dx,
    /// dWeight, dBias are not null.
    /// </summary>
    void BatchNormBackward(Tensor x, Tensor g, Tensor mean, Tensor invStd, Tensor? weight,
        Tensor? dx, Tensor? dWeight, Tensor? dBias);

    /// <summary>Concatenates xs along <paramref name="dim"/> into y.</summary>
    void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y);

    /// <summary>y = x.narrow(dim, start, y.size(dim)).</summary>
    void Narrow(Tensor x, int dim, int start, Tensor y);

    /// <summary>y[i] = x[index[i]] along dimension 0.</summary>
    void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y);

    /// <summary>dx[index[i]] += g[i] along dimension 0 (dx must be zeroed by the caller).</summary>
    void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx);

    /// <summary>y[i] = x[i, index[i]] for a 2-D x.</summary>
    void PickColumns(Tensor x, ReadOnlySpan<int> index, Tensor y);

    /// <summary>dx[i, index[i]] = g[i] (dx must be zeroed by the caller).</summary>
    void ScatterColumns(Tensor g, ReadOnlySpan<int> index, Tensor dx);

    /// <summary>
    /// One Adam update in place, elementwise and in PyTorch's operation order:
    /// g += wd p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g g;
    /// p += (m * negStepSize) / (sqrt(v) / bias2Sqrt + eps).
    /// </summary>
    void AdamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, in AdamCoefficients c);

    /// <summary>
    /// One SGD update in place, in PyTorch's operation order: g += wd p; with momentum,
    /// buf = g on the first step, else buf = momentum buf + (1 - dampening) g, and
    /// g = nesterov ? g + momentum buf : buf; then p += g * -lr.
    /// </summary>
    void SgdUpdate(Tensor param, Tensor grad, Tensor? momentumBuffer, in SgdCoefficients c);

    /// <summary>Elementwise binary cross-entropy on probabilities, logs clamped at -100 as PyTorch does.</summary>
    void BinaryCrossEntropy(Tensor p, Tensor target, Tensor loss);

    /// <summary>dp = g * (p - t) / max(p (1 - p), 1e-12), PyTorch's gradient.</summary>
    void BinaryCrossEntropyBackward(Tensor p, Tensor target, Tensor g, Tensor dp);

    /// <summary>Elementwise max(x, 0) - x t + log(1 + exp(-|x|)): finite for any logit.</summary>
    void BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor loss);

    /// <summary>dx = g * (sigmoid(x) - t).</summary>
    void BinaryCrossEntropyWithLogitsBackward(Tensor logits, Tensor target, Tensor g, Tensor dx);
}
