using GanNotes.Exercises;
using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;
using static GanNotes.Tests.Exercises.MlpGanExercisesTests;

namespace GanNotes.Tests.Exercises;

/// <summary>The steps notebook 05's loop trains with: the student's once they pass, the library's until then.</summary>
public class TrainingStepsTests
{
    private sealed record Game(Sequential G, Sequential D, Adam OptimizerG, Adam OptimizerD, Tensor Real, Tensor Z)
    {
        public static Game Create()
        {
            var g = MlpGan.BuildGenerator(zDim: 4, hidden: 3, outputDim: 6, rng: new Rng(1));
            var d = MlpGan.BuildDiscriminator(inputDim: 6, hidden: 3, rng: new Rng(2));
            var data = new Rng(3);
            return new Game(g, d, new Adam(g.Parameters(), lr: 1e-2f), new Adam(d.Parameters(), lr: 1e-2f),
                Tensor.Rand([8, 6], data), Tensor.Randn([8, 4], data));
        }

        public float[] Weights() => [.. G.Parameters().Concat(D.Parameters()).SelectMany(p => p.ToArray())];
    }

    private static (float LossD, float LossG, float[] Weights, bool Cleared) TwoSteps(TrainingSteps steps)
    {
        var game = Game.Create();
        float lossD = steps.Discriminator(game.G, game.D, game.OptimizerD, game.Real, game.Z);
        float lossG = steps.Generator(game.G, game.D, game.OptimizerG, game.Z);
        bool cleared = game.G.Parameters().Concat(game.D.Parameters()).All(p => p.Grad is null);
        return (lossD, lossG, game.Weights(), cleared);
    }

    [Fact]
    public void StepsToTrainWith_StepsNotWrittenYet_TrainWithTheLibrarysAndSaySo()
    {
        var steps = MlpGanExercises.StepsToTrainWith(UnwrittenD, Unwritten);

        Assert.False(steps.DiscriminatorIsYours);
        Assert.False(steps.GeneratorIsYours);
        Assert.Equal("Training with the library's DiscriminatorStep (yours has not passed its check yet) and the library's GeneratorStep (yours has not passed its check yet).", steps.ToString());
        // The library's steps are the right ones: they move the weights exactly as right hand-written steps do.
        var right = TwoSteps(MlpGanExercises.StepsToTrainWith(RightDStep, NonSaturatingGStep));
        var library = TwoSteps(steps);
        Assert.Equal((right.LossD, right.LossG, right.Cleared), (library.LossD, library.LossG, library.Cleared));
        Assert.Equal(right.Weights, library.Weights);
    }

    [Fact]
    public void StepsToTrainWith_RightSteps_TrainWithYours()
    {
        int calls = 0;
        float D(Module g, Module d, Optimizer o, Tensor real, Tensor z)
        {
            calls++;
            return RightDStep(g, d, o, real, z);
        }

        var steps = MlpGanExercises.StepsToTrainWith(D, NonSaturatingGStep);
        int afterCheck = calls;
        var (_, _, _, cleared) = TwoSteps(steps);

        Assert.True(steps.DiscriminatorIsYours && steps.GeneratorIsYours);
        Assert.Equal("Training with your DiscriminatorStep (it passes its check) and your GeneratorStep (it passes its check).", steps.ToString());
        Assert.Equal(afterCheck + 1, calls);
        Assert.True(cleared, "the gradients, made in the step's scope, are cleared after it");
    }

    [Fact]
    public void StepsToTrainWith_AWrongStep_ReplacedByTheLibrarys()
    {
        // D's loss with the labels swapped fails its check: the loop must not train with it.
        static float Swapped(Module g, Module d, Optimizer o, Tensor real, Tensor z)
        {
            o.ZeroGrad();
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = g.Forward(z);
            }
            var loss = (Bce(d.Forward(real), 0) + Bce(d.Forward(fake), 1)) * 0.5f;
            loss.Backward();
            o.Step();
            return loss.Item();
        }

        var steps = MlpGanExercises.StepsToTrainWith(Swapped, NonSaturatingGStep);

        Assert.False(steps.DiscriminatorIsYours);
        Assert.True(steps.GeneratorIsYours);
        Assert.StartsWith("Training with the library's DiscriminatorStep (yours has not passed its check yet) and your GeneratorStep", steps.ToString(), StringComparison.Ordinal);
    }
}
