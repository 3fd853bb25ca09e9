using GanNotes.Tensors;

namespace GanNotes.Nn;

public static partial class Functional
{
    /// <summary>Mean squared error: l = (x - y)^2 per element (<c>F.mse_loss</c>). Shapes must match.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(input, target, "MseLoss");
        var diff = input - target;
        return Reduce(diff * diff, reduction);
    }
}
