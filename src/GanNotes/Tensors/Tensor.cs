using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>
/// An n-dimensional array of float32 values with reverse-mode automatic differentiation
/// (PyTorch's <c>torch.Tensor</c>).
/// </summary>
/// <remarks>
/// Storage is contiguous and row-major. A tensor made by an op while gradients are
/// recorded remembers that op (<see cref="GradFn"/>); <see cref="Backward()"/> on a scalar
/// result walks those records back and accumulates <see cref="Grad"/> on every leaf that
/// has <see cref="RequiresGrad"/>. Ops are defined in the <c>Ops</c> folder, each with
/// its backward beside it.
/// </remarks>
public sealed partial class Tensor
{
    private readonly int[] shape;
    private bool requiresGrad;

    internal Tensor(Storage storage, int[] shape)
    {
        int count = ShapeUtil.NumElements(shape);
        if (storage.Length < count)
        {
            throw new ArgumentException($"Storage of {storage.Length} values cannot hold shape {ShapeUtil.Format(shape)}.", nameof(storage));
        }
        Storage = storage;
        this.shape = shape;
        NumElements = count;
    }

    /// <summary>The memory behind the values; replaced only by <see cref="MoveTo_"/> (a module moving to a device).</summary>
    internal Storage Storage { get; private set; }

    /// <summary>The size of each dimension (row-major: the last varies fastest).</summary>
    public IReadOnlyList<int> Shape => shape;

    internal int[] ShapeArray => shape;

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => shape.Length;

    /// <summary>The total number of elements, the product of <see cref="Shape"/>.</summary>
    public int NumElements { get; }

    /// <summary>The device whose memory holds the values.</summary>
    public Device Device => Storage.Device;

    /// <summary>The gradient accumulated by <see cref="Backward()"/>; null until then.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The op that produced this tensor, or null for a leaf.</summary>
    public GradNode? GradFn { get; internal set; }

    /// <summary>True for tensors created by the user rather than by a recorded op.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>
    /// Whether ops on this tensor are recorded for differentiation. Settable on leaves
    /// only (for example, a layer's weights); an op's result requires grad when any
    /// input does.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on a non-leaf tensor.</exception>
    public bool RequiresGrad
    {
        get => requiresGrad;
        set
        {
            if (!IsLeaf)
            {
                throw new InvalidOperationException("RequiresGrad can only be changed on leaf tensors; use Detach() to take a non-leaf out of the graph.");
            }
            requiresGrad = value;
        }
    }

    internal void SetRequiresGradFromOp() => requiresGrad = true;

    internal float[] Data => Storage is CpuStorage cpu
        ? cpu.Data
        : throw new InvalidOperationException($"Tensor is on {Device}; this operation needs it on the CPU.");

    internal Span<float> Span => Data.AsSpan(0, NumElements);

    internal IKernels Kernels => Storage.Device.Kernels;

    /// <summary>The size of dimension <paramref name="dim"/>; negative counts from the end.</summary>
    public int Size(int dim) => shape[ShapeUtil.NormalizeDim(dim, Rank)];

    /// <summary>The value of a one-element tensor (PyTorch's <c>item()</c>).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (NumElements != 1)
        {
            throw new InvalidOperationException($"Item() needs a tensor with one element, got shape {ShapeUtil.Format(shape)}.");
        }
        Span<float> one = stackalloc float[1];
        Kernels.CopyToHost(this, one);
        return one[0];
    }

    /// <summary>A copy of the values in row-major order.</summary>
    public float[] ToArray()
    {
        var result = new float[NumElements];
        Kernels.CopyToHost(this, result);
        return result;
    }

    /// <summary>
    /// The values in row-major order for reading only, as <see cref="ToArray"/> but without a
    /// copy where the tensor's own CPU array holds exactly its values (saving a model or a
    /// checkpoint writes them straight from the tensors). The caller must not change the array.
    /// </summary>
    internal float[] ValuesForReading() =>
        Storage is CpuStorage cpu && cpu.Data.Length == NumElements ? cpu.Data : ToArray();

    /// <summary>A copy of a 2-D tensor's values as a [rows, columns] array.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not 2-D.</exception>
    public float[,] ToArray2D()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException($"ToArray2D() needs a 2-D tensor, got shape {ShapeUtil.Format(shape)}.");
        }
        var flat = ToArray();
        var result = new float[shape[0], shape[1]];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    /// <summary>A new leaf sharing nothing with the graph: same values, no history, no grad.</summary>
    /// <remarks>Shares storage like PyTorch's <c>detach()</c>; use <see cref="Clone"/> for a copy.</remarks>
    public Tensor Detach() => new(Storage, shape);

    /// <summary>A copy with its own storage. Recorded: gradients flow back to this tensor.</summary>
    public Tensor Clone()
    {
        var y = Uninitialized(shape, Device);
        Kernels.Copy(this, y);
        return Autograd.Record(y, "CloneBackward", [this], g => [g]);
    }

    /// <summary>Sets every element to <paramref name="value"/> in place (not recorded).</summary>
    public Tensor Fill_(float value)
    {
        Kernels.Fill(this, value);
        return this;
    }

    /// <summary>Adds <paramref name="value"/> to every element in place (not recorded; PyTorch's <c>add_</c>), without reading it back.</summary>
    public Tensor Add_(float value)
    {
        Kernels.Affine(this, 1f, value, this);
        return this;
    }

    /// <summary>Copies <paramref name="source"/>'s values into this tensor in place, from any device (not recorded).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public Tensor CopyFrom_(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ShapeUtil.RequireSameShape(this, source, "CopyFrom_");
        if (source.Device.Equals(Device))
        {
            Kernels.Copy(source, this);
        }
        else
        {
            Kernels.CopyFromHost(source.ValuesForReading().AsSpan(0, NumElements), this);
        }
        return this;
    }

    /// <summary>
    /// This tensor on <paramref name="device"/> (PyTorch's <c>tensor.to(device)</c>): itself when it is
    /// there already, else a copy there. Recorded: the gradient flows back to this tensor's device.
    /// </summary>
    public Tensor To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Equals(Device))
        {
            return this;
        }
        var y = Uninitialized(shape, device);
        y.CopyFrom_(this);
        var from = Device;
        return Autograd.Record(y, "ToCopyBackward", [this], g => [g.To(from)]);
    }

    /// <summary>
    /// Moves this tensor's values, and its gradient, to <paramref name="device"/> in place, keeping the
    /// object (a module's parameters stay the same tensors, as <c>module.to(device)</c> keeps them in
    /// PyTorch). Not recorded; for leaves outside any graph.
    /// </summary>
    internal void MoveTo_(Device device)
    {
        if (device.Equals(Device))
        {
            return;
        }
        var storage = device.Kernels.Allocate(NumElements, zeroed: false, pooled: false);
        var moved = new Tensor(storage, shape);
        moved.CopyFrom_(this);
        Storage = storage;
        Grad?.MoveTo_(device);
    }

    /// <summary>Runs backpropagation from this scalar (PyTorch's <c>loss.backward()</c>).</summary>
    /// <exception cref="InvalidOperationException">
    /// The tensor is not a scalar, or does not require grad.
    /// </exception>
    public void Backward() => Autograd.Backward(this, null);

    /// <summary>
    /// Runs backpropagation with an explicit upstream gradient of this tensor's shape
    /// (the vector of a vector-Jacobian product).
    /// </summary>
    public void Backward(Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        Autograd.Backward(this, gradient);
    }

    /// <summary>
    /// Runs backpropagation from this scalar into <paramref name="inputs"/> only (PyTorch's
    /// <c>loss.backward(inputs=...)</c>): other leaves keep their gradients, and no work is
    /// spent on parts of the graph that lead to none of the inputs.
    /// </summary>
    /// <example>
    /// The generator's step of a GAN needs no gradients for the discriminator:
    /// <code>lossG.Backward(inputs: generator.Parameters());</code>
    /// </example>
    /// <exception cref="ArgumentException">An input is not a leaf that requires grad, or none is given.</exception>
    /// <exception cref="InvalidOperationException">
    /// The tensor is not a scalar, or does not require grad.
    /// </exception>
    public void Backward(IEnumerable<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Autograd.Backward(this, null, inputs);
    }

    /// <summary>PyTorch-style text: values, then <c>requires_grad</c> or <c>grad_fn</c>.</summary>
    public override string ToString() => TensorFormatter.Format(this);
}
