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
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new ArgumentException($"MatMul needs 2-D tensors, got shapes {ShapeUtil.Format(a.shape)} and {ShapeUtil.Format(b.shape)}.");
        }
        int m = transposeA ? a.shape[1] : a.shape[0];
        int ka = transposeA ? a.shape[0] : a.shape[1];
        int kb = transposeB ? b.shape[1] : b.shape[0];
        int n = transposeB ? b.shape[0] : b.shape[1];
        if (ka != kb)
        {
            throw new ArgumentException($"MatMul: shapes {ShapeUtil.Format(a.shape)}{(transposeA ? "^T" : "")} and {ShapeUtil.Format(b.shape)}{(transposeB ? "^T" : "")} cannot be multiplied ({ka} != {kb}).");
        }
        var y = Uninitialized([m, n], a.Device);
        a.Kernels.MatMul(a, transposeA, b, transposeB, y, accumulate: false);
        return Autograd.Record(y, "MmBackward", [a, b], g => [
            // Y = A B: dA = G B^T, dB = A^T G (with the transposes of op folded in).
            a.RequiresGrad ? (transposeA ? MatMul(b, transposeB, g, true) : MatMul(g, false, b, !transposeB)) : null,
            b.RequiresGrad ? (transposeB ? MatMul(g, true, a, transposeA) : MatMul(a, !transposeA, g, false)) : null]);
    }
}
