namespace GanNotes.Tensors.Backend;

// The convolutions as whole kernels. Both are one product between the window matrix of the
// image side (ConvGeometry: [N * OH * OW, C * KH * KW]) and the weight [K, C * KH * KW], where K,
// the weight's first dimension, is the channel count of the other side: the output of Conv2d,
// the input of ConvTranspose2d. Each default below builds that matrix with Im2Col or sums it
// back with Col2Im, moves the K channels between [N, K, positions] and rows [N * positions, K]
// with a Permute, and multiplies with MatMul; it may return a tensor its backward wants kept
// (the window matrix for Conv2d's weight gradient, the permuted input for ConvTranspose2d's),
// so a device running the defaults launches no more kernels than the composed ops did. The CPU
// overrides all four, works image by image in its caches and keeps nothing.
internal partial interface IKernels
{
    /// <summary>
    /// y [N, K, OH, OW] = x [N, C, H, W] cross-correlated with weight [K, C, KH, KW] over
    /// <paramref name="geometry"/> (x's). Returns what <see cref="Conv2dBackward"/> should get
    /// back as <c>kept</c> when <paramref name="keep"/> is true (null when it needs nothing).
    /// </summary>
    Tensor? Conv2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        var cols = keep ? Tensor.Uninitialized([geometry.Rows, geometry.Columns], x.Device) : Scratch([geometry.Rows, geometry.Columns]);
        Im2Col(x, geometry, cols);
        int k = weight.ShapeArray[0];
        var rows = Scratch([geometry.Rows, k]);
        MatMul(cols, false, Flat(weight), true, rows, accumulate: false);
        FromRows(rows, geometry, y);
        Release(rows);
        if (!keep)
        {
            Release(cols);
        }
        return keep ? cols : null;
    }

    /// <summary>
    /// The gradients of <see cref="Conv2d"/> given dL/dy = g, for whichever of dx and dWeight
    /// are not null; <paramref name="kept"/> is what the forward returned.
    /// </summary>
    void Conv2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        var gRows = Rows(g, geometry);
        if (dx is not null)
        {
            var dCols = Scratch([geometry.Rows, geometry.Columns]);
            MatMul(gRows, false, Flat(weight), false, dCols, accumulate: false);
            Col2Im(dCols, geometry, dx);
            Release(dCols);
        }
        if (dWeight is not null)
        {
            var cols = kept;
            if (cols is null)
            {
                cols = Scratch([geometry.Rows, geometry.Columns]);
                Im2Col(x, geometry, cols);
            }
            MatMul(gRows, true, cols, false, Flat(dWeight), accumulate: false);
            if (kept is null)
            {
                Release(cols);
            }
        }
        Release(gRows);
    }

    /// <summary>
    /// y [N, C, H, W] = the transposed convolution of x [N, K, OH, OW] with weight [K, C, KH, KW]:
    /// every input pixel spreads a KH x KW window of outputs, summed where windows overlap;
    /// <paramref name="geometry"/> is y's (the convolution whose input gradient this is).
    /// Returns what <see cref="ConvTranspose2dBackward"/> should get back when <paramref name="keep"/> is true.
    /// </summary>
    Tensor? ConvTranspose2d(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor y, bool keep)
    {
        int k = weight.ShapeArray[0];
        var pixels = keep ? Tensor.Uninitialized([geometry.Rows, k], x.Device) : Scratch([geometry.Rows, k]);
        ToRows(x, geometry, pixels);
        var windows = Scratch([geometry.Rows, geometry.Columns]);
        MatMul(pixels, false, Flat(weight), false, windows, accumulate: false);
        Col2Im(windows, geometry, y);
        Release(windows);
        if (!keep)
        {
            Release(pixels);
        }
        return keep ? pixels : null;
    }

    /// <summary>The gradients of <see cref="ConvTranspose2d"/> given dL/dy = g, for whichever of dx and dWeight are not null.</summary>
    void ConvTranspose2dBackward(Tensor x, Tensor weight, in ConvGeometry geometry, Tensor? kept, Tensor g, Tensor? dx, Tensor? dWeight)
    {
        var cols = Scratch([geometry.Rows, geometry.Columns]);
        Im2Col(g, geometry, cols);
        if (dx is not null)
        {
            var rows = Scratch([geometry.Rows, weight.ShapeArray[0]]);
            MatMul(cols, false, Flat(weight), true, rows, accumulate: false);
            FromRows(rows, geometry, dx);
            Release(rows);
        }
        if (dWeight is not null)
        {
            var pixels = kept ?? Rows(x, geometry);
            MatMul(pixels, true, cols, false, Flat(dWeight), accumulate: false);
            if (kept is null)
            {
                Release(pixels);
            }
        }
        Release(cols);
    }

    /// <summary>A 4-D weight [K, C, KH, KW] seen as the matrix [K, C * KH * KW].</summary>
    private static Tensor Flat(Tensor weight) =>
        new(weight.Storage, [weight.ShapeArray[0], weight.NumElements / Math.Max(1, weight.ShapeArray[0])]);

    /// <summary>Pooled rows [N * positions, K] holding t [N, K, OH, OW] channels last (hand back with Release).</summary>
    private Tensor Rows(Tensor t, in ConvGeometry geometry)
    {
        var rows = Scratch([geometry.Rows, t.ShapeArray[1]]);
        ToRows(t, geometry, rows);
        return rows;
    }

    /// <summary>Writes t [N, K, OH, OW] into rows [N * positions, K], channels last.</summary>
    private void ToRows(Tensor t, in ConvGeometry geometry, Tensor rows)
    {
        int k = t.ShapeArray[1];
        Permute(new Tensor(t.Storage, [geometry.N, k, geometry.Positions]), [0, 2, 1], new Tensor(rows.Storage, [geometry.N, geometry.Positions, k]));
    }

    /// <summary>Writes rows [N * positions, K] into y [N, K, OH, OW].</summary>
    private void FromRows(Tensor rows, in ConvGeometry geometry, Tensor y)
    {
        int k = rows.ShapeArray[1];
        Permute(new Tensor(rows.Storage, [geometry.N, geometry.Positions, k]), [0, 2, 1], new Tensor(y.Storage, [geometry.N, k, geometry.Positions]));
    }

    /// <summary>A pooled tensor of the given shape on this device; hand it back with <see cref="Release"/>.</summary>
    private Tensor Scratch(int[] shape) => new(Allocate(ShapeUtil.NumElements(shape), zeroed: false, pooled: true), shape);
}
