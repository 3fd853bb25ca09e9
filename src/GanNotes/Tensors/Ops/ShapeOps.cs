namespace GanNotes.Tensors;

/// <summary>Reshape/View, Transpose, Permute, Flatten, Cat, IndexSelect (row gather).</summary>
public sealed partial class Tensor
{
    /// <summary>The same values with a new shape; one size may be -1 (inferred). Shares storage (a view).</summary>
    /// <exception cref="ArgumentException">The element counts differ, or more than one size is -1.</exception>
    public Tensor Reshape(params int[] newShape)
    {
        ArgumentNullException.ThrowIfNull(newShape);
        var resolved = (int[])newShape.Clone();
        int infer = Array.IndexOf(resolved, -1);
        if (infer >= 0)
        {
            if (Array.LastIndexOf(resolved, -1) != infer)
            {
                throw new ArgumentException($"Reshape: only one dimension can be -1, got {ShapeUtil.Format(newShape)}.", nameof(newShape));
            }
            resolved[infer] = 1;
            int known = ShapeUtil.NumElements(resolved);
            if (known == 0 || NumElements % known != 0)
            {
                throw new ArgumentException($"Reshape: shape {ShapeUtil.Format(shape)} cannot be viewed as {ShapeUtil.Format(newShape)}.", nameof(newShape));
            }
            resolved[infer] = NumElements / known;
        }
        if (ShapeUtil.NumElements(resolved) != NumElements)
        {
            throw new ArgumentException($"Reshape: shape {ShapeUtil.Format(shape)} ({NumElements} elements) cannot be viewed as {ShapeUtil.Format(newShape)}.", nameof(newShape));
        }
        var x = this;
        var y = new Tensor(Storage, resolved);
        return Autograd.Record(y, "ViewBackward", [x], g => [g.Reshape(x.shape)]); // a view: the gradient is reshaped back
    }

    /// <summary>Same as <see cref="Reshape"/> (PyTorch's <c>view</c>; storage is always contiguous here).</summary>
    public Tensor View(params int[] newShape) => Reshape(newShape);

    /// <summary>The transpose of a 2-D tensor (copied to keep row-major storage).</summary>
    public Tensor Transpose()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException($"Transpose() needs a 2-D tensor, got shape {ShapeUtil.Format(shape)}.");
        }
        var y = Uninitialized([shape[1], shape[0]], Device);
        Kernels.Transpose2D(this, y);
        return Autograd.Record(y, "TransposeBackward", [this], g => [g.Transpose()]); // (A^T)^T = A
    }

    /// <summary>The transpose of a 2-D tensor (PyTorch's <c>.T</c>).</summary>
    public Tensor T => Transpose();

    /// <summary>
    /// The same values with the dimensions reordered: the result's dimension i is this tensor's
    /// dimension <paramref name="dims"/>[i] (PyTorch's <c>permute</c>). Copied, so storage stays row-major.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is not a permutation of 0..Rank-1 (negative dims count from the end).</exception>
    public Tensor Permute(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != Rank)
        {
            throw new ArgumentException($"Permute: {dims.Length} dims given for a tensor of shape {ShapeUtil.Format(shape)}.", nameof(dims));
        }
        var order = new int[Rank];
        var seen = new bool[Rank];
        for (int i = 0; i < Rank; i++)
        {
            int d = dims[i] < 0 ? dims[i] + Rank : dims[i];
            if ((uint)d >= (uint)Rank || seen[d])
            {
                throw new ArgumentException($"Permute: ({string.Join(", ", dims)}) is not a permutation of the {Rank} dimensions of {ShapeUtil.Format(shape)}.", nameof(dims));
            }
            seen[d] = true;
            order[i] = d;
        }
        var inverse = new int[Rank];
        var outShape = new int[Rank];
        for (int i = 0; i < Rank; i++)
        {
            inverse[order[i]] = i;
            outShape[i] = shape[order[i]];
        }
        var y = Uninitialized(outShape, Device);
        Kernels.Permute(this, order, y);
        return Autograd.Record(y, "PermuteBackward", [this], g =>
        {
            var dx = Uninitialized(shape, g.Device); // the inverse permutation puts each value back
            g.Kernels.Permute(g, inverse, dx);
            return [dx];
        });
    }

    /// <summary>Dimensions <paramref name="startDim"/>..<paramref name="endDim"/> merged into one (PyTorch's <c>flatten</c>); a view.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Rank == 0)
        {
            return Reshape(1);
        }
        int start = ShapeUtil.NormalizeDim(startDim, Rank), end = ShapeUtil.NormalizeDim(endDim, Rank);
        if (start > end)
        {
            throw new ArgumentException($"Flatten: start_dim {startDim} comes after end_dim {endDim} for shape {ShapeUtil.Format(shape)}.", nameof(startDim));
        }
        var outShape = new List<int>(Rank);
        int merged = 1;
        for (int i = 0; i < Rank; i++)
        {
            if (i < start || i > end)
            {
                outShape.Add(shape[i]);
            }
            else
            {
                merged *= shape[i];
                if (i == end)
                {
                    outShape.Add(merged);
                }
            }
        }
        return Reshape([.. outShape]);
    }

    /// <summary>Joins tensors along <paramref name="dim"/>; the other sizes must match.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Cat needs at least one tensor.", nameof(tensors));
        }
        var first = tensors[0];
        int d = ShapeUtil.NormalizeDim(dim, first.Rank);
        var outShape = (int[])first.shape.Clone();
        outShape[d] = 0;
        foreach (var t in tensors)
        {
            RequireSameDevice(first, t, "Cat");
            bool ok = t.Rank == first.Rank;
            for (int i = 0; ok && i < t.Rank; i++)
            {
                ok = i == d || t.shape[i] == first.shape[i];
            }
            if (!ok)
            {
                throw new ArgumentException($"Cat along dimension {d}: shapes {ShapeUtil.Format(first.shape)} and {ShapeUtil.Format(t.shape)} differ outside that dimension.", nameof(tensors));
            }
            outShape[d] += t.shape[d];
        }
        var inputs = tensors.ToArray();
        var y = Uninitialized(outShape, first.Device);
        first.Kernels.Cat(inputs, d, y);
        return Autograd.Record(y, "CatBackward", inputs, g =>
        {
            // Each input receives its own slice of the gradient.
            var grads = new Tensor?[inputs.Length];
            int start = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                var gi = Uninitialized(inputs[i].shape, g.Device);
                g.Kernels.Narrow(g, d, start, gi);
                grads[i] = gi;
                start += inputs[i].shape[d];
            }
            return grads;
        });
    }

    /// <summary>The rows (dimension 0 entries) named by <paramref name="index"/>, in that order: takes a minibatch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, Size(0)).</exception>
    public Tensor IndexSelect(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (Rank == 0)
        {
            throw new InvalidOperationException("IndexSelect needs a tensor with at least one dimension.");
        }
        foreach (int i in index)
        {
            if ((uint)i >= (uint)shape[0])
            {
                throw new ArgumentOutOfRangeException(nameof(index), i, $"IndexSelect: index {i} is out of range for dimension 0 of size {shape[0]}.");
            }
        }
        var x = this;
        var outShape = (int[])shape.Clone();
        outShape[0] = index.Length;
        var y = Uninitialized(outShape, Device);
        Kernels.IndexSelect(x, index, y);
        return Autograd.Record(y, "IndexSelectBackward", [x], g =>
        {
            var dx = Empty(x.shape, x.Device); // rows picked twice receive both gradients
            x.Kernels.IndexAdd(g, index, dx);
            return [dx];
        });
    }
}
