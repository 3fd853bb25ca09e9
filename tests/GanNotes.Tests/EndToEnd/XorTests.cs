using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.EndToEnd;

/// <summary>Whole-stack checks: layers, losses, autograd and optimizers learning a small task.</summary>
public class XorTests
{
    private static readonly Tensor Inputs = Tensor.FromArray(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
    private static readonly Tensor Targets = Tensor.FromArray(new float[,] { { 0 }, { 1 }, { 1 }, { 0 } });

    [Fact]
    public void MlpWithAdam_LearnsXor_LossBelow001()
    {
        var model = new Sequential(new Linear(2, 8, rng: new Rng(1)), new Tanh(), new Linear(8, 1, rng: new Rng(2)));
        var optimizer = new Adam(model.Parameters(), lr: 0.05f);
        float loss = Train(model, optimizer, steps: 500);

        Assert.True(loss < 0.01f, $"XOR loss after 500 Adam steps: {loss}");
        using (Autograd.NoGrad())
        {
            var predictions = model.Forward(Inputs).Sigmoid().ToArray();
            Assert.Equal([0f, 1f, 1f, 0f], predictions.Select(p => MathF.Round(p)));
        }
    }

    [Fact]
    public void MlpWithSgdMomentum_LearnsXor_LossBelow005()
    {
        var model = new Sequential(new Linear(2, 8, rng: new Rng(3)), new LeakyRelu(0.2f), new Linear(8, 1, rng: new Rng(4)));
        var optimizer = new Sgd(model.Parameters(), lr: 0.1f, momentum: 0.9f);
        float loss = Train(model, optimizer, steps: 1000);
        Assert.True(loss < 0.05f, $"XOR loss after 1000 SGD steps: {loss}");
    }

    [Fact]
    public void Training_SameSeeds_BitwiseSameLoss()
    {
        float Run()
        {
            var model = new Sequential(new Linear(2, 8, rng: new Rng(5)), new Tanh(), new Linear(8, 1, rng: new Rng(6)));
            return Train(model, new Adam(model.Parameters(), lr: 0.05f), steps: 50);
        }
        Assert.Equal(Run(), Run());
    }

    private static float Train(Module model, Optimizer optimizer, int steps)
    {
        float last = float.NaN;
        for (int step = 0; step < steps; step++)
        {
            optimizer.ZeroGrad();
            var loss = Functional.BinaryCrossEntropyWithLogits(model.Forward(Inputs), Targets);
            loss.Backward();
            optimizer.Step();
            last = loss.Item();
        }
        return last;
    }
}
