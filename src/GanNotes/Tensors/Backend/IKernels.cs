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
/// The kernels of a device. Differentiable ops (the <c>Ops</c> folder) are written once on top
/// of these; a new device adds an implementation of this interface, not a second autograd.
/// </summary>
/// <remarks>
/// <para>
/// This file holds the primitives, which every device implements. <c>IKernels.Fused.cs</c> holds
/// the fused kernels (activation gradients, batch norm, the losses, the optimizer updates, the
/// product with a bias), each with a default composed from the primitives: a new device runs once
/// its primitives do, and then overrides the fused kernels where one pass beats several.
/// </para>
/// <para>
/// Every output tensor is allocated by the caller with its final shape; kernels only fill it.
/// All tensors are contiguous row-major float32 on the kernel's device. Elementwise kernels
/// accept an output that is also an input.
/// </para>
/// </remarks>
internal partial interface IKernels
{
    /// <summary>
    /// New storage of <paramref name="length"/> values, zero-filled when <paramref name="zeroed"/>
    /// (otherwise its values are unspecified); from the device's pool of recycled buffers when
    /// <paramref name="pooled"/> (the caller then registers it with a <see cref="TensorScope"/>,
    /// or releases it).
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

    void Clamp(Tensor x, float min, float max, Tensor y);

    /// <summary>y = x &gt; threshold ? 1 : 0 (the mask behind the fused kernels' defaults).</summary>
    void Step(Tensor x, float threshold, Tensor y);

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

    void Transpose2D(Tensor x, Tensor y);

    /// <summary>Concatenates xs along <paramref name="dim"/> into y.</summary>
    void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y);

    /// <summary>y = x.narrow(dim, start, y.size(dim)).</summary>
    void Narrow(Tensor x, int dim, int start, Tensor y);

    /// <summary>
    /// y = x with its dimensions reordered: y's dimension i is x's dimension
    /// <paramref name="dims"/>[i] (PyTorch's <c>permute</c>, copied to keep row-major storage).
    /// </summary>
    void Permute(Tensor x, int[] dims, Tensor y);

    /// <summary>
    /// The windows of a convolution as rows: x [N, C, H, W] -> cols [N * OH * OW, C * KH * KW],
    /// zero where a window reaches into the padding (<see cref="ConvGeometry"/> gives the order).
    /// </summary>
    void Im2Col(Tensor x, in ConvGeometry geometry, Tensor cols);

    /// <summary>
    /// The adjoint of <see cref="Im2Col"/>: every window value of cols [N * OH * OW, C * KH * KW]
    /// added back onto the pixel it was read from, x [N, C, H, W] (overwritten, padding dropped).
    /// </summary>
    void Col2Im(Tensor cols, in ConvGeometry geometry, Tensor x);

    /// <summary>y[i] = x[index[i]] along dimension 0.</summary>
    void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y);

    /// <summary>dx[index[i]] += g[i] along dimension 0 (dx must be zeroed by the caller).</summary>
    void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx);
}
