using GanNotes.Gan;
using GanNotes.Tensors;
using GanNotes.Tensors.Backend.Ilgpu;
using GanNotes.Tests.Gan;

namespace GanNotes.Tests.Tensors.Backend.Ilgpu;

/// <summary>
/// What one step of the course's trainer queues on a GPU's stream (kernel launches, copies and
/// fills), counted on ILGPU's CPU accelerator: on a GPU a step at batch 128 is bound by these
/// counts, not by its arithmetic. The counts do not depend on the batch or the widths, so small
/// networks of the same layers stand in for the course's. A change that adds launches to a step
/// fails here; docs/benchmarks.md ("Launches per step") has the counts against PyTorch's.
/// </summary>
public sealed class LaunchCountTests : IDisposable
{
    /// <summary>The MLP GAN's step (gan-notes train): D's step, G's step, both gradient norms, D(x) and D(G(z)) read back.</summary>
    private const int MlpStepBudget = 182;

    /// <summary>The DCGAN's step (gan-notes train --recipe dcgan).</summary>
    private const int DcganStepBudget = 191;

    /// <summary>Reads to the host per step, each a wait for the GPU: D's loss, D(x), D(G(z)), G's loss and the two gradient norms.</summary>
    private const int ReadsPerStep = 6;

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LaunchCounts CountThirdStep(GanRecipe recipe)
    {
        var trainer = RunBuilder.Trainer(recipe, RunBuilder.Sampler(recipe, TinyRuns.WriteFashionFixture(temp)), Device.CudaKernelsOnCpu);
        trainer.TrainStep(); // the first step makes the optimizers' state
        trainer.TrainStep();
        using var tally = LaunchTally.Start();
        trainer.TrainStep();
        return tally.Counts;
    }

    [Fact]
    public void MlpTrainerStep_QueuesNoMoreThanItsBudget()
    {
        var used = CountThirdStep(TinyRuns.Images() with { Lr = 1e-3f });
        Assert.True(used.Total <= MlpStepBudget, $"one MLP step queued {used.Total} > {MlpStepBudget}: {used}");
        Assert.Equal(ReadsPerStep, used.DeviceToHost);
    }

    [Fact]
    public void DcganTrainerStep_QueuesNoMoreThanItsBudget()
    {
        var used = CountThirdStep(GanRecipe.Dcgan with { BatchSize = 4, Hidden = 2, ZDim = 3, FixedNoiseCount = 4 });
        Assert.True(used.Total <= DcganStepBudget, $"one DCGAN step queued {used.Total} > {DcganStepBudget}: {used}");
        Assert.Equal(ReadsPerStep, used.DeviceToHost);
    }

    [Fact]
    public void AdamStep_UpdatesTwentyFourParametersInOneLaunch()
    {
        var device = Device.CudaKernelsOnCpu;
        var parameters = Enumerable.Range(1, 25).Select(i => TestTensors.Uniform([i], -1f, 1f, seed: (ulong)i, requiresGrad: true).Detach().To(device)).ToArray();
        foreach (var p in parameters)
        {
            p.RequiresGrad = true;
            p.Grad = Tensor.Full([p.NumElements], 0.5f, device);
        }
        var adam = new GanNotes.Optim.Adam(parameters, lr: 0.1f);
        using var tally = LaunchTally.Start();
        adam.Step();
        Assert.Equal(2, tally.ByKernel[KernelId.Adam]); // 24 in the first launch, 1 in the second
        Assert.Equal(2, tally.Counts.Launches);
    }
}
