namespace GanNotes.Tensors;

/// <summary>
/// The tape: records ops while gradients are enabled and runs reverse-mode
/// differentiation through them.
/// </summary>
public static class Autograd
{
    [ThreadStatic]
    private static int noGradDepth;

    // While a backward pass restricted to some inputs runs: the graph's tensors that lead to
    // one of them. Null when every tensor that requires grad gets its gradient.
    [ThreadStatic]
    private static HashSet<Tensor>? needed;

    /// <summary>Whether ops on this thread are currently recorded.</summary>
    public static bool IsEnabled => noGradDepth == 0;

    /// <summary>
    /// Disables recording until the returned scope is disposed (PyTorch's
    /// <c>with torch.no_grad():</c>); use it for evaluation and parameter updates.
    /// </summary>
    /// <example><code>using (Autograd.NoGrad()) { var y = model.Forward(x); }</code></example>
    public static NoGradScope NoGrad()
    {
        noGradDepth++;
        return new NoGradScope();
    }

    /// <summary>The scope returned by <see cref="NoGrad"/>; disposing it restores recording.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => noGradDepth--;
    }

    /// <summary>
    /// Attaches <paramref name="backward"/> to <paramref name="output"/> when recording is on
    /// and some input requires grad; otherwise returns the output as a plain leaf.
    /// </summary>
    /// <param name="output">The op's result.</param>
    /// <param name="name">The node's PyTorch-style name, such as <c>MulBackward</c>.</param>
    /// <param name="inputs">The op's tensor inputs, in the order <paramref name="backward"/> returns their gradients.</param>
    /// <param name="backward">Maps the output's gradient to the inputs' gradients.</param>
    /// <param name="freshInputGrads">The backward function returns only new tensors (see <see cref="GradNode.FreshInputGrads"/>).</param>
    internal static Tensor Record(Tensor output, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, bool freshInputGrads = false)
    {
        if (!IsEnabled)
        {
            return output;
        }
        foreach (var input in inputs)
        {
            if (input.RequiresGrad)
            {
                output.GradFn = new GradNode(name, inputs, backward, freshInputGrads);
                output.SetRequiresGradFromOp();
                return output;
            }
        }
        return output;
    }

    /// <summary>
    /// Whether the running backward pass needs the gradient of <paramref name="input"/>
    /// (PyTorch's <c>ctx.needs_input_grad</c>): it requires grad and, when the pass is
    /// restricted to some inputs, leads to one of them. Backward functions compute only
    /// the input gradients this allows.
    /// </summary>
    internal static bool NeedsGrad(Tensor input) => input.RequiresGrad && (needed is null || needed.Contains(input));

    internal static void Backward(Tensor root, Tensor? gradient, IEnumerable<Tensor>? inputs = null)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward() called on a tensor that does not require grad: no input of the computation has RequiresGrad = true (or it was computed under NoGrad).");
        }
        if (gradient is null)
        {
            if (root.NumElements != 1)
            {
                throw new InvalidOperationException($"Backward() without a gradient argument needs a scalar output, got shape {ShapeUtil.Format(root.ShapeArray)}; reduce it first (Sum() or Mean()) or pass the upstream gradient.");
            }
            gradient = Tensor.OnesLike(root);
        }
        else
        {
            ShapeUtil.RequireSameShape(root, gradient, "Backward");
        }

        var order = TopologicalOrder(root);
        var restricted = inputs is null ? null : Needed(order, inputs);
        if (restricted is not null && !restricted.Contains(root))
        {
            return; // no input is reached from the root: no gradient to accumulate
        }
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [root] = gradient.Detach() };
        var outer = needed;
        needed = restricted;
        try
        {
            Propagate(order, grads);
        }
        finally
        {
            needed = outer;
        }
    }

    /// <summary>Runs the backward functions in <paramref name="order"/>, accumulating into the leaves.</summary>
    private static void Propagate(List<Tensor> order, Dictionary<Tensor, Tensor> grads)
    {
        using var scope = NoGrad();
        // Gradients this pass made and nothing else refers to: a leaf can keep one as it is.
        var owned = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var tensor in order)
        {
            if (!grads.Remove(tensor, out var g))
            {
                continue;
            }
            if (tensor.GradFn is null)
            {
                Accumulate(tensor, g, owned.Contains(g));
                continue;
            }
            var inputs = tensor.GradFn.Inputs;
            var inputGrads = tensor.GradFn.BackwardFn(g);
            for (int i = 0; i < inputs.Length; i++)
            {
                var input = inputs[i];
                var ig = inputGrads[i];
                if (ig is null || !NeedsGrad(input))
                {
                    continue;
                }
                ShapeUtil.RequireSameShape(input, ig, tensor.GradFn.Name);
                if (grads.TryGetValue(input, out var existing))
                {
                    var sum = existing + ig;
                    grads[input] = sum;
                    owned.Add(sum);
                }
                else
                {
                    grads[input] = ig;
                    if (tensor.GradFn.FreshInputGrads)
                    {
                        owned.Add(ig);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The tensors of the graph that lead to one of <paramref name="inputs"/> (which must be
    /// leaves that require grad), found in one pass from inputs to outputs.
    /// </summary>
    private static HashSet<Tensor> Needed(List<Tensor> order, IEnumerable<Tensor> inputs)
    {
        var result = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        int index = 0;
        foreach (var input in inputs)
        {
            if (input is null || !input.IsLeaf || !input.RequiresGrad)
            {
                throw new ArgumentException($"Backward(inputs): input {index} is {(input is null ? "null" : !input.RequiresGrad ? "a tensor that does not require grad" : "not a leaf (an op's output)")}; pass leaf tensors with RequiresGrad = true, such as a model's Parameters().", nameof(inputs));
            }
            result.Add(input);
            index++;
        }
        if (index == 0)
        {
            throw new ArgumentException("Backward(inputs): no inputs given; pass the tensors whose gradients you want.", nameof(inputs));
        }
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var tensor = order[i];
            foreach (var input in tensor.GradFn?.Inputs ?? [])
            {
                if (result.Contains(input))
                {
                    result.Add(tensor);
                    break;
                }
            }
        }
        return result;
    }

    private static void Accumulate(Tensor leaf, Tensor g, bool owned)
    {
        if (leaf.Grad is null)
        {
            if (owned)
            {
                leaf.Grad = g; // made by this pass for this leaf alone (PyTorch steals it the same way)
                return;
            }
            // A gradient may alias an upstream tensor (Add passes it through): own a copy.
            var own = Tensor.Uninitialized(leaf.ShapeArray, leaf.Device); // every value is copied over
            own.Kernels.Copy(g, own);
            leaf.Grad = own;
        }
        else
        {
            leaf.Kernels.Binary(Backend.BinaryOp.Add, leaf.Grad, g, leaf.Grad);
        }
    }

    /// <summary>Outputs before inputs, so each node's gradient is complete when it is visited.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var postOrder = new List<Tensor>();
        // Iterative depth-first search: deep graphs must not overflow the stack.
        var stack = new Stack<(Tensor Node, int NextInput)>();
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = node.GradFn?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && visited.Add(child))
                {
                    stack.Push((child, 0));
                }
            }
            else
            {
                postOrder.Add(node);
            }
        }
        postOrder.Reverse();
        return postOrder;
    }
}
