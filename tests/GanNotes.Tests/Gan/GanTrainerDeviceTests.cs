using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

/// <summary>
/// Algorithm 1 on the CUDA device's kernels (run on ILGPU's CPU accelerator) against the CPU: the
/// same steps give the same losses to 1e-4, and a checkpoint saved on one device resumes on the other.
/// </summary>
public sealed class GanTrainerDeviceTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static Device Gpu => Device.CudaKernelsOnCpu;

    /// <summary>The recipe's trainer on <paramref name="device"/>, over the fixture folder <paramref name="data"/> (null for toy data).</summary>
    private static GanTrainer Build(Device device, GanRecipe recipe, string? data) =>
        RunBuilder.Trainer(recipe, RunBuilder.Sampler(recipe, data), device);

    private static void AssertClose(StepRecord expected, StepRecord actual, double tolerance)
    {
        Assert.Equal(expected.Step, actual.Step);
        foreach (var (name, e, a) in new[]
        {
            ("D loss", (double)expected.LossD, (double)actual.LossD), ("G loss", expected.LossG, actual.LossG),
            ("D(x)", expected.DReal, actual.DReal), ("D(G(z))", expected.DFake, actual.DFake),
            ("|grad D|", expected.GradNormD, actual.GradNormD), ("|grad G|", expected.GradNormG, actual.GradNormG),
        })
        {
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"step {expected.Step} {name}: cpu {e:G9}, accelerator {a:G9}");
        }
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, 4)]
    [InlineData(OptimizerKind.Sgd, 4)]
    public void TrainSteps_OnTheAccelerator_GiveTheCpuLossesToOneInTenThousand(OptimizerKind optimizer, int steps)
    {
        // The 1-D toy: every op of a step, at sizes the CPU accelerator (which emulates GPU threads) runs in moments.
        var recipe = TinyRuns.Toy1D() with { Optimizer = optimizer, Lr = optimizer == OptimizerKind.Sgd ? 0.05f : 1e-3f, Seed = 3 };
        AssertSameSteps(recipe, null, steps);
    }

    [Fact]
    public void TrainSteps_OnTheAccelerator_ImagesGiveTheCpuLossesToOneInTenThousand()
    {
        // 784 pixels: the Sigmoid output, batch norm over 16 images and the long products of D's first layer.
        AssertSameSteps(TinyRuns.Images() with { Lr = 1e-3f, Seed = 3 }, TinyRuns.WriteFashionFixture(temp), steps: 2);
    }

    private static void AssertSameSteps(GanRecipe recipe, string? data, int steps)
    {
        var cpu = Build(Device.Cpu, recipe, data);
        var gpu = Build(Gpu, recipe, data);
        Assert.All(gpu.G.Parameters().Concat(gpu.D.Parameters()), p => Assert.Equal(Gpu, p.Device));

        for (int i = 0; i < steps; i++)
        {
            AssertClose(cpu.TrainStep(), gpu.TrainStep(), 1e-4);
        }
        var samples = cpu.SampleFixed();
        var gpuSamples = gpu.SampleFixed();
        Assert.Equal(Gpu, gpuSamples.Device);
        TensorAssert.Close([.. samples.Shape], samples.ToArray(), gpuSamples, 1e-4);
    }

    [Fact]
    public void Checkpoint_SavedOnTheAccelerator_ResumesOnTheCpuBitForBit()
    {
        string? data = null;
        var recipe = TinyRuns.Toy1D() with { Seed = 4 };
        var gpu = Build(Gpu, recipe, data);
        for (int i = 0; i < 3; i++)
        {
            gpu.TrainStep();
        }
        string path = temp.Combine("gpu.safetensors");
        GanCheckpoint.Save(gpu, path);

        var cpu = Build(Device.Cpu, recipe, data);
        GanCheckpoint.Load(cpu, path);
        Assert.Equal(3, cpu.Step);
        foreach (var (module, loaded) in new[] { (gpu.G, cpu.G), (gpu.D, cpu.D) })
        {
            var expected = module.StateDict();
            var actual = loaded.StateDict();
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(Device.Cpu, actual[i].Value.Device);
                Assert.Equal(expected[i].Value.ToArray(), actual[i].Value.ToArray()); // the same bits
            }
        }

        // ... and back: the CPU's checkpoint loads onto the accelerator, optimizer state included.
        cpu.TrainStep();
        string back = temp.Combine("cpu.safetensors");
        GanCheckpoint.Save(cpu, back);
        var again = Build(Gpu, recipe, data);
        GanCheckpoint.Load(again, back);
        Assert.Equal(cpu.G.StateDict()[0].Value.ToArray(), again.G.StateDict()[0].Value.ToArray());
        AssertClose(cpu.TrainStep(), again.TrainStep(), 1e-4);
    }

    [Fact]
    public void ModuleTo_MovesParametersAndBuffersInPlace_AndKeepsTheirValues()
    {
        var g = MlpGan.BuildGenerator(zDim: 2, hidden: 4, outputDim: 3, output: GeneratorOutput.Sigmoid, rng: new Rng(1));
        var before = g.StateDict().Select(p => (p.Value, Values: p.Value.ToArray())).ToList();

        Assert.Same(g, g.To(Gpu));

        Assert.Equal(Gpu, g.Device);
        var after = g.StateDict();
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Same(before[i].Value, after[i].Value);          // the same tensor objects, as optimizers hold them
            Assert.Equal(Gpu, after[i].Value.Device);
            Assert.Equal(before[i].Values, after[i].Value.ToArray());
        }
        g.To(Device.Cpu);
        Assert.Equal(Device.Cpu, g.Device);
        Assert.Equal(before[0].Values, g.StateDict()[0].Value.ToArray());
    }
}
