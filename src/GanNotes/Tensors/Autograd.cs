namespace GanNotes.Tensors;

/// <summary>
/// The tape: records ops while gradients are enabled and runs reverse-mode
/// differentiation through them.
/// </summary>
public static class Autograd
{
    [ThreadStatic]
    private static int noGradDepth;

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
    internal static Tensor Record(Tensor output, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (!IsEnabled)
        {
            return output;
        }
        foreach (var input in inputs)
        {
            if (input.RequiresGrad)
            {
                output.GradFn = new GradNode(name, inputs, backward);
                output.SetRequiresGradFromOp();
                return output;
            }
        }
        return output;
    }

    internal static void Backward(Tensor root, Tensor? gradient)
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
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [root] = gradient.Detach() };
        using var scope = NoGrad();
        foreach (var tensor in order)
        {
            if (!grads.Remove(tensor, out var g))
            {
                continue;
            }
            if (tensor.GradFn is null)
            {
                Accumulate(tensor, g);
                continue;
            }
            var inputs = tensor.GradFn.Inputs;
            var inputGrads = tensor.GradFn.BackwardFn(g);
            for (int i = 0; i < inputs.Length; i++)
            {
                var input = inputs[i];
                var ig = inputGrads[i];
                if (ig is null || !input.RequiresGrad)
                {
                    continue;
                }
                ShapeUtil.RequireSameShape(input, ig, tensor.GradFn.Name);
                grads[input] = grads.TryGetValue(input, out var existing) ? existing + ig : ig;
            }
        }
    }

    private static void Accumulate(Tensor leaf, Tensor g)
    {
        if (leaf.Grad is null)
        {
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
