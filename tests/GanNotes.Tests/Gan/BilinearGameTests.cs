using GanNotes.Gan;

namespace GanNotes.Tests.Gan;

/// <summary>Gradient play on min_x max_y xy, against the closed forms of each update rule.</summary>
public class BilinearGameTests
{
    private static void Simultaneous(BilinearGame g)
    {
        g.GradientX();
        g.GradientY();
        g.StepX();
        g.StepY();
    }

    private static void Alternating(BilinearGame g)
    {
        g.GradientX();
        g.StepX();
        g.GradientY();
        g.StepY();
    }

    private static void Extragradient(BilinearGame g)
    {
        var (x0, y0) = g.Position;
        Simultaneous(g);           // the trial step
        g.GradientX();
        g.GradientY();             // the gradients at the trial point
        g.MoveTo(x0, y0);
        g.StepX();
        g.StepY();
    }

    [Fact]
    public void OneSimultaneousStep_BothGradientsAtTheOldPoint()
    {
        var path = BilinearGame.Play(Simultaneous, eta: 0.5f, steps: 1, x0: 2, y0: 1);

        Assert.Equal((2.0, 1.0), path[0]);
        Assert.Equal((2 - 0.5 * 1, 1 + 0.5 * 2), path[1]);   // x - eta y, y + eta x
    }

    [Fact]
    public void OneAlternatingStep_YAnswersTheNewX()
    {
        var path = BilinearGame.Play(Alternating, eta: 0.5f, steps: 1, x0: 2, y0: 1);

        Assert.Equal((1.5, 1 + 0.5 * 1.5), path[1]);
    }

    [Fact]
    public void Simultaneous_DistanceGrowsBySqrtOnePlusEtaSquaredPerStep()
    {
        var path = BilinearGame.Play(Simultaneous, eta: 0.1f, steps: 200);

        double growth = BilinearGame.Distance(path[^1]) / BilinearGame.Distance(path[0]);
        Assert.Equal(Math.Pow(1.01, 100), growth, 3);
    }

    [Fact]
    public void Alternating_KeepsTheEllipseFixed()
    {
        const double eta = 0.1;
        var path = BilinearGame.Play(Alternating, eta: (float)eta, steps: 200, x0: 1, y0: 0);

        Assert.All(path, p => Assert.Equal(1, p.X * p.X + p.Y * p.Y - eta * p.X * p.Y, 4));
        Assert.InRange(path.Max(BilinearGame.Distance), 1.02, Math.Sqrt(1 / (1 - eta / 2)) + 1e-5);
    }

    [Fact]
    public void Extragradient_DistanceShrinksBySqrtOneMinusEtaSquaredPlusEtaToTheFour()
    {
        const double eta = 0.1;
        var path = BilinearGame.Play(Extragradient, eta: (float)eta, steps: 200);

        double factor = Math.Sqrt(1 - eta * eta + Math.Pow(eta, 4));
        Assert.Equal(Math.Sqrt(2) * Math.Pow(factor, 200), BilinearGame.Distance(path[^1]), 3);
    }

    [Fact]
    public void Step_WithoutAGradient_ThrowsSayingWhatToCall()
    {
        var game = new BilinearGame(0.1f);

        var e = Assert.Throws<InvalidOperationException>(game.StepY);
        Assert.Contains("GradientY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArguments_ThrowNamingThem()
    {
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => new BilinearGame(-0.1f)).ParamName);
        Assert.Equal("x0", Assert.Throws<ArgumentOutOfRangeException>(() => new BilinearGame(0.1f, double.NaN)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => BilinearGame.Play(Simultaneous, 0.1f, -1)).ParamName);
    }
}
