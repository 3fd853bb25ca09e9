using GanNotes.Gan;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

public class GanTrainerTests
{
    private static GanTrainer Build1D(ulong seed = 7, GeneratorLoss loss = GeneratorLoss.NonSaturating, int k = 1, float lr = 2e-3f)
    {
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 8, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(seed));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 8, rng: new Rng(seed + 1));
        var options = new GanTrainerOptions { BatchSize = 64, ZDim = 4, K = k, Loss = loss, Seed = seed, FixedNoiseCount = 256 };
        return new GanTrainer(g, d, new Adam(g.Parameters(), lr, 0.5f), new Adam(d.Parameters(), lr, 0.5f),
            new GaussianSampler(3f, 0.5f, seed + 2), options);
    }

    [Fact]
    public void TrainStep_OneDimensionalGaussian_GeneratorMovesOntoData()
    {
        var trainer = Build1D();
        float before = trainer.SampleFixed().Mean().Item();
        for (int i = 0; i < 400; i++)
        {
            trainer.TrainStep();
        }
        var samples = trainer.SampleFixed().ToArray();
        double mean = samples.Average();
        Assert.True(Math.Abs(before - 3) > 1.5, $"the untrained G already sits on the data (mean {before})");
        Assert.True(Math.Abs(mean - 3) < 0.3, $"after 400 steps p_g has mean {mean}, p_data 3");
    }

    [Fact]
    public void TrainStep_RecordsAlgorithmOneQuantities()
    {
        var trainer = Build1D(k: 2);
        var record = trainer.TrainStep();
        Assert.Equal(1, record.Step);
        Assert.Equal(1, trainer.Step);
        Assert.InRange(record.DReal, 0f, 1f);
        Assert.InRange(record.DFake, 0f, 1f);
        Assert.True(record.GradNormD > 0 && record.GradNormG > 0);
        Assert.Equal(1024 / 64 / 2, trainer.StepsPerEpoch);
        Assert.Equal(1.0 / trainer.StepsPerEpoch, record.Epoch, 12);
    }

    [Fact]
    public void TrainStep_SameSeed_BitwiseSameHistory()
    {
        var a = Build1D();
        var b = Build1D();
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(a.TrainStep(), b.TrainStep());
        }
    }

    [Fact]
    public void Checkpoint_SaveAndResume_ContinuesBitForBit()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-ckpt-");
        try
        {
            var path = Path.Combine(dir.FullName, "checkpoint.safetensors");
            var uninterrupted = Build1D();
            var interrupted = Build1D();
            for (int i = 0; i < 10; i++)
            {
                uninterrupted.TrainStep();
                interrupted.TrainStep();
            }
            GanCheckpoint.Save(interrupted, path);

            var resumed = Build1D();
            GanCheckpoint.Load(resumed, path);
            Assert.Equal(10, resumed.Step);
            for (int i = 0; i < 10; i++)
            {
                Assert.Equal(uninterrupted.TrainStep(), resumed.TrainStep());
            }
            Assert.Equal(uninterrupted.SampleFixed().ToArray(), resumed.SampleFixed().ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Checkpoint_DifferentArchitecture_ThrowsAndChangesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-ckpt-");
        try
        {
            var path = Path.Combine(dir.FullName, "checkpoint.safetensors");
            var small = Build1D();
            small.TrainStep();
            GanCheckpoint.Save(small, path);

            var g = MlpGan.BuildGenerator(zDim: 4, hidden: 16, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(1));
            var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 8, rng: new Rng(2));
            var other = new GanTrainer(g, d, new Adam(g.Parameters()), new Adam(d.Parameters()), new GaussianSampler(0, 1, 3),
                new GanTrainerOptions { BatchSize = 64, ZDim = 4 });
            var before = g.Parameters().Select(p => p.ToArray()).ToList();
            var ex = Assert.Throws<InvalidDataException>(() => GanCheckpoint.Load(other, path));
            Assert.Contains("G.0.0.weight", ex.Message, StringComparison.Ordinal);
            Assert.Equal(before, g.Parameters().Select(p => p.ToArray()).ToList());
            Assert.Equal(0, other.Step);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TrainStep_NonFiniteData_ThrowsNamingStepAndKeepsParameters()
    {
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 8, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(1));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 8, rng: new Rng(2));
        var trainer = new GanTrainer(g, d, new Adam(g.Parameters()), new Adam(d.Parameters()), new GaussianSampler(float.NaN, 1, 3),
            new GanTrainerOptions { BatchSize = 16, ZDim = 4 });
        var before = d.Parameters().Select(p => p.ToArray()).ToList();
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.TrainStep());
        Assert.Equal(1, ex.Step);
        Assert.Contains("step 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, d.Parameters().Select(p => p.ToArray()).ToList());
        Assert.Equal(0, trainer.Step);
    }

    [Fact]
    public void Options_InvalidK_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GanTrainerOptions { K = 0 }.Validate());
        Assert.Contains("Invalid k: 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscriminatorStep_LeavesNoGradientOnG_AndChangesOnlyD()
    {
        var trainer = Build1D();
        var gBefore = trainer.G.Parameters().Select(p => p.ToArray()).ToList();
        var dBefore = trainer.D.Parameters().Select(p => p.ToArray()).ToList();
        var result = trainer.DiscriminatorStep();
        Assert.True(float.IsFinite(result.Loss));
        Assert.All(trainer.G.Parameters(), p => Assert.Null(p.Grad)); // the classic missing-detach bug
        Assert.Equal(gBefore, trainer.G.Parameters().Select(p => p.ToArray()).ToList());
        Assert.All(trainer.D.Parameters().Zip(dBefore), pair => Assert.NotEqual(pair.Second, pair.First.ToArray()));
    }

    [Fact]
    public void TrainStep_SmokeRun_FiniteLossesAndEveryGWeightChanges()
    {
        var trainer = Build1D();
        var before = trainer.G.Parameters().Select(p => p.ToArray()).ToList();
        for (int i = 0; i < 3; i++)
        {
            var record = trainer.TrainStep();
            Assert.True(float.IsFinite(record.LossD) && float.IsFinite(record.LossG));
        }
        foreach (var (p, old) in trainer.G.Parameters().Zip(before))
        {
            var now = p.ToArray();
            Assert.True(now.Zip(old).All(v => v.First != v.Second), "a generator weight did not change");
        }
    }

    [Fact]
    public void TrainStep_KDiscriminatorSteps_ConsumesKRealBatchesAndKPlusOneNoiseBatches()
    {
        var counting = new CountingSampler();
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 8, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(1));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 8, rng: new Rng(2));
        var trainer = new GanTrainer(g, d, new Adam(g.Parameters()), new Adam(d.Parameters()), counting,
            new GanTrainerOptions { BatchSize = 16, ZDim = 4, K = 3, Seed = 5 });
        var reference = new Rng(5);
        trainer.TrainStep();
        trainer.TrainStep();
        Assert.Equal(6, counting.Batches); // k = 3 real minibatches per generator step
        // k + 1 noise minibatches of m x zDim normals per iteration: the trainer's generator is where a fresh one would be after 8.
        var expected = new float[8 * 16 * 4];
        reference.FillNormal(expected, 0f, 1f);
        Assert.Equal(reference.GetState(), trainer.Rng.GetState());
        Assert.Equal(2, trainer.Step);
    }

    [Fact]
    public void Checkpoint_Corrupted_RefusedWithClearMessage()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-ckpt-");
        try
        {
            var path = Path.Combine(dir.FullName, "checkpoint.safetensors");
            var trainer = Build1D();
            trainer.TrainStep();
            GanCheckpoint.Save(trainer, path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]); // a torn write
            var fresh = Build1D();
            var ex = Assert.Throws<InvalidDataException>(() => GanCheckpoint.Load(fresh, path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, fresh.Step);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed class CountingSampler : IRealSampler
    {
        private readonly GaussianSampler inner = new(0f, 1f, 11);

        public int Batches { get; private set; }

        public int Dimension => 1;

        public Tensor Next(int m)
        {
            Batches++;
            return inner.Next(m);
        }

        public int BatchesPerEpoch(int m) => 10;

        public long[] GetState() => inner.GetState();

        public void SetState(long[] state) => inner.SetState(state);
    }

    [Fact]
    public void TrainStep_RecyclesItsTensors_NoGradientsLeftAndLittleAllocatedOnceWarm()
    {
        var trainer = Build1D();
        for (int i = 0; i < 3; i++)
        {
            trainer.TrainStep(); // warm: optimizer state, pooled buffers, JIT
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        trainer.TrainStep();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.All(trainer.G.Parameters().Concat(trainer.D.Parameters()), p => Assert.Null(p.Grad));
        // The step's buffers come from the pool: only small objects (tensors, autograd records) are new.
        Assert.True(allocated < 200 * 1024, $"a warm step allocated {allocated} bytes");
    }
}
