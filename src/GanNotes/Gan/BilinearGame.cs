using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// The simplest game on which gradient play fails to converge: min over x, max over y of
/// f(x, y) = x y, its only equilibrium (0, 0). Two scalar players, each a parameter with its own
/// plain <see cref="Sgd"/> optimizer of learning rate eta: x descends f, y descends -f (ascends f).
/// </summary>
/// <remarks>
/// <para>
/// The game exposes the four moves every update rule is made of, so that a rule reads as the
/// order of its moves: <see cref="GradientX"/> computes df/dx = y at the current y,
/// <see cref="GradientY"/> computes d(-f)/dy = -x at the current x (both by autograd), and
/// <see cref="StepX"/>, <see cref="StepY"/> take one player's optimizer step with the gradient
/// last computed. Simultaneous play is <c>GradientX, GradientY, StepX, StepY</c>: both gradients at
/// the old point, x &lt;- x - eta y, y &lt;- y + eta x, which multiplies the distance from (0, 0) by
/// sqrt(1 + eta^2) each step. Alternating play is <c>GradientX, StepX, GradientY, StepY</c>: y
/// answers the x it has just seen, and x^2 + y^2 - eta x y stays fixed (an ellipse).
/// </para>
/// <para>Mescheder et al. (2018) find the same rotation in GAN training on their "Dirac GAN", one parameter per player.</para>
/// </remarks>
/// <example><code>
/// void Simultaneous(BilinearGame g) { g.GradientX(); g.GradientY(); g.StepX(); g.StepY(); }
/// var path = BilinearGame.Play(Simultaneous, eta: 0.1f, steps: 200);   // (1, 1) spirals out
/// </code></example>
public sealed class BilinearGame
{
    private readonly Tensor x;
    private readonly Tensor y;
    private readonly Sgd optimizerX;
    private readonly Sgd optimizerY;

    /// <summary>Places the players at (<paramref name="x0"/>, <paramref name="y0"/>) with learning rate <paramref name="eta"/> each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A start that is not finite, or eta negative or not finite.</exception>
    public BilinearGame(float eta, double x0 = 1, double y0 = 1)
    {
        if (!(eta >= 0) || !float.IsFinite(eta))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), eta, $"Invalid learning rate: {eta}; it must be a finite number, 0 or more.");
        }
        RequireFinite(x0, nameof(x0));
        RequireFinite(y0, nameof(y0));
        x = Tensor.FromArray([(float)x0], 1);
        y = Tensor.FromArray([(float)y0], 1);
        x.RequiresGrad = true;
        y.RequiresGrad = true;
        optimizerX = new Sgd([x], lr: eta);
        optimizerY = new Sgd([y], lr: eta);
    }

    /// <summary>The learning rate eta of both players.</summary>
    public float Eta => optimizerX.Lr;

    /// <summary>Where the players are now.</summary>
    public (double X, double Y) Position => (x.Item(), y.Item());

    /// <summary>x's gradient at the current point: df/dx = y (replaces x's previous gradient).</summary>
    public void GradientX()
    {
        optimizerX.ZeroGrad();
        (x * y).Sum().Backward([x]);      // d(xy)/dx = y
    }

    /// <summary>y's gradient at the current point: d(-f)/dy = -x, since y ascends f (replaces y's previous gradient).</summary>
    public void GradientY()
    {
        optimizerY.ZeroGrad();
        (-(x * y)).Sum().Backward([y]);   // d(-xy)/dy = -x
    }

    /// <summary>x's optimizer step with its last gradient: x &lt;- x - eta df/dx (the gradient is kept until the next <see cref="GradientX"/>).</summary>
    /// <exception cref="InvalidOperationException">x has no gradient yet: <see cref="GradientX"/> was never called.</exception>
    public void StepX() => Step(optimizerX, x, "x", nameof(GradientX));

    /// <summary>y's optimizer step with its last gradient: y &lt;- y + eta df/dy (the gradient is kept until the next <see cref="GradientY"/>).</summary>
    /// <exception cref="InvalidOperationException">y has no gradient yet: <see cref="GradientY"/> was never called.</exception>
    public void StepY() => Step(optimizerY, y, "y", nameof(GradientY));

    /// <summary>Moves both players to (<paramref name="x0"/>, <paramref name="y0"/>), keeping their gradients (extragradient steps from the old point with the look-ahead gradients).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate that is not finite.</exception>
    public void MoveTo(double x0, double y0)
    {
        RequireFinite(x0, nameof(x0));
        RequireFinite(y0, nameof(y0));
        using (Autograd.NoGrad())
        {
            x.Fill_((float)x0);
            y.Fill_((float)y0);
        }
    }

    /// <summary>
    /// Plays <paramref name="steps"/> steps of an update rule from (<paramref name="x0"/>, <paramref name="y0"/>)
    /// and returns the path: the start, then the point after each step.
    /// </summary>
    /// <param name="step">One step of the rule, written with the game's moves.</param>
    /// <param name="eta">Both players' learning rate.</param>
    /// <param name="steps">How many steps, 0 or more.</param>
    /// <param name="x0">x at the start.</param>
    /// <param name="y0">y at the start.</param>
    /// <exception cref="ArgumentOutOfRangeException">steps is negative, or see the constructor.</exception>
    public static IReadOnlyList<(double X, double Y)> Play(Action<BilinearGame> step, float eta, int steps, double x0 = 1, double y0 = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Invalid steps: {steps}; play 0 or more.");
        }
        var game = new BilinearGame(eta, x0, y0);
        var path = new List<(double X, double Y)>(steps + 1) { game.Position };
        for (int t = 0; t < steps; t++)
        {
            step(game);
            path.Add(game.Position);
        }
        return path;
    }

    /// <summary>The distance of a point from the equilibrium (0, 0).</summary>
    public static double Distance((double X, double Y) point) => Math.Sqrt(point.X * point.X + point.Y * point.Y);

    private static void Step(Sgd optimizer, Tensor player, string name, string gradient)
    {
        if (player.Grad is null)
        {
            throw new InvalidOperationException($"{name} has no gradient to step with: call {gradient}() first.");
        }
        optimizer.Step();
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Invalid {name}: {value}; the players start at finite numbers.");
        }
    }
}
