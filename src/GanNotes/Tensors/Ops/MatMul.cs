namespace GanNotes.Tensors;

/// <summary>Matrix multiplication.</summary>
public sealed partial class Tensor
{
    /// <summary>The matrix product of two 2-D tensors: [m, k] x [k, n] -> [m, n].</summary>
    /// <exception cref="ArgumentException">The inner sizes differ or a tensor is not 2-D.</exception>
    public Tensor MatMul(Tensor other) => MatMul(this, false, other, false);

    /// <summary>
    /// op(a) op(b) where op optionally transposes, without copying the transposed matrix:
    /// the kernels read it in place. Linear layers use this for x W^T and the backward products.
    /// </summary>
    public static Tensor MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSameDevice(a, b, "MatMul");
        var (m, n) = ProductShape(a, transposeA, b, transposeB, "MatMul");
        var y = Uninitialized([m, n], a.Device);
        a.Kernels.MatMul(a, transposeA, b, transposeB, y, accumulate: false);
        return Autograd.Record(y, "MmBackward", [a, b], g => [
            ProductGradA(a, transposeA, b, transposeB, g),
            ProductGradB(a, transposeA, b, transposeB, g)],
            freshInputGrads: true);
    }

    /// <summary>
    /// bias + op(a) op(b) in one product (PyTorch's <c>torch.addmm</c>): the bias [n] starts
    /// every row of the result, written by each worker into its own block just before the
    /// product accumulates onto it, so the sum costs no separate pass. Linear layers compute
    /// x W^T + b with it.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not match (named).</exception>
    public static Tensor AddMatMul(Tensor bias, Tensor a, bool transposeA, Tensor b, bool transposeB)
    {
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSameDevice(a, b, "AddMatMul");
        RequireSameDevice(a, bias, "AddMatMul");
        var (m, n) = ProductShape(a, transposeA, b, transposeB, "AddMatMul");
        if (bias.Rank != 1 || bias.shape[0] != n)
        {
            throw new ArgumentException($"AddMatMul: bias shape {ShapeUtil.Format(bias.shape)} does not match the product's {n} columns.", nameof(bias));
        }
        var y = Uninitialized([m, n], a.Device);
        a.Kernels.AddMatMul(bias, a, transposeA, b, transposeB, y);
        return Autograd.Record(y, "AddmmBackward", [bias, a, b], g => [
            Autograd.NeedsGrad(bias) ? g.SumTo(bias.shape) : null, // a reduction of the rank-2 g: a new tensor
            ProductGradA(a, transposeA, b, transposeB, g),
            ProductGradB(a, transposeA, b, transposeB, g)],
            freshInputGrads: true);
    }

    // Y = op(A) op(B): dA = G op(B)^T and dB = op(A)^T G, with the transposes of op folded
    // into the products; null where the backward pass needs no gradient.
    private static Tensor? ProductGradA(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor g) =>
        !Autograd.NeedsGrad(a) ? null : transposeA ? MatMul(b, transposeB, g, true) : MatMul(g, false, b, !transposeB);

    private static Tensor? ProductGradB(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor g) =>
        !Autograd.NeedsGrad(b) ? null : transposeB ? MatMul(g, true, a, transposeA) : MatMul(a, !transposeA, g, false);

    /// <summary>(m, n) of op(a) op(b), after checking both are 2-D with matching inner sizes.</summary>
    private static (int M, int N) ProductShape(Tensor a, bool transposeA, Tensor b, bool transposeB, string op)
    {
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new ArgumentException($"{op} needs 2-D tensors, got shapes {ShapeUtil.Format(a.shape)} and {ShapeUtil.Format(b.shape)}.");
        }
        int m = transposeA ? a.shape[1] : a.shape[0];
        int ka = transposeA ? a.shape[0] : a.shape[1];
        int kb = transposeB ? b.shape[1] : b.shape[0];
        int n = transposeB ? b.shape[0] : b.shape[1];
        if (ka != kb)
        {
            throw new ArgumentException($"{op}: shapes {ShapeUtil.Format(a.shape)}{(transposeA ? "^T" : "")} and {ShapeUtil.Format(b.shape)}{(transposeB ? "^T" : "")} cannot be multiplied ({ka} != {kb}).");
        }
        return (m, n);
    }
}
