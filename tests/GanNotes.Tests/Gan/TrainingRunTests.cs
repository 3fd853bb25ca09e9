using GanNotes.Gan;
using GanNotes.Optim;

namespace GanNotes.Tests.Gan;

public sealed class TrainingRunTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_WithoutCharts_WritesTheRunButNoPictures()
    {
        // Gan draws nothing itself: the pictures come from Charts (GanNotes.Reports.RunCharts).
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("plain");

        TrainingRun.Create(TinyRuns.Images(epochs: 1), dir, data).Train();

        Assert.True(File.Exists(RunFolder.LastCheckpointPath(dir)));
        Assert.Equal(4, RunHistory.Read(RunFolder.HistoryPath(dir)).Count); // one epoch of 4 steps
        Assert.False(File.Exists(RunFolder.SamplePath(dir, 1)));
        Assert.False(File.Exists(RunFolder.LossHtmlPath(dir)));
    }

    [Fact]
    public void Resume_OneEpochThenOneMore_EqualsTwoEpochsBitForBit()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        // SGD with the paper's momentum ramp, so the ramp's state across the resume is tested too.
        var recipe = TinyRuns.Images(epochs: 2) with { Optimizer = OptimizerKind.Sgd, Lr = 0.05f, MomentumRampEpochs = 2, SampleEvery = 1 };
        var whole = TrainingRun.Create(recipe, temp.Combine("whole"), data);
        whole.Train();

        var first = TrainingRun.Create(recipe with { Epochs = 1 }, temp.Combine("split"), data);
        first.Train();
        var second = TrainingRun.Resume(temp.Combine("split"), epochs: 2, dataDirectory: data);
        Assert.Equal(4, second.Trainer.Step);
        second.Train();

        Assert.Equal(File.ReadAllBytes(temp.Combine("whole", "history.csv")), File.ReadAllBytes(temp.Combine("split", "history.csv")));
        Assert.Equal(File.ReadAllBytes(RunFolder.LastCheckpointPath(temp.Combine("whole"))), File.ReadAllBytes(RunFolder.LastCheckpointPath(temp.Combine("split"))));
        Assert.Equal(whole.Trainer.Sample(8, new GanNotes.Tensors.Rng(3)).ToArray(), second.Trainer.Sample(8, new GanNotes.Tensors.Rng(3)).ToArray());
        Assert.Equal(0.6f, ((Sgd)second.Trainer.OptimizerG).Momentum, 6); // epoch index 1 of a 2-epoch ramp from 0.5 to 0.7
        Assert.Equal(2, RunConfig.Read(RunFolder.ConfigPath(temp.Combine("split"))).Recipe.Epochs);
    }

    [Fact]
    public void Train_ResumedMidEpoch_EpochMeansCoverTheWholeEpoch()
    {
        var recipe = TinyRuns.Toy1D(epochs: 2);
        var wholeEvents = new List<TrainingEvent>();
        var whole = TrainingRun.Create(recipe, temp.Combine("whole"));
        whole.Train(TinyRuns.Collect(wholeEvents));
        using var cancel = new CancellationTokenSource();
        var cut = TrainingRun.Create(recipe, temp.Combine("cut"));
        int stepsPerEpoch = cut.Trainer.StepsPerEpoch;
        cut.Train(TinyRuns.Collect([], e =>
        {
            if (e is StepCompleted s && s.Record.Step == stepsPerEpoch + 2)
            {
                cancel.Cancel(); // two steps into epoch 2
            }
        }), cancel.Token);

        var resumedEvents = new List<TrainingEvent>();
        var resumed = TrainingRun.Resume(temp.Combine("cut"));
        resumed.Train(TinyRuns.Collect(resumedEvents));

        var expected = wholeEvents.OfType<EpochCompleted>().Single(e => e.Epoch == 2);
        var got = resumedEvents.OfType<EpochCompleted>().Single();
        Assert.Equal((expected.MeanLossD, expected.MeanLossG, expected.MeanDReal, expected.MeanDFake), (got.MeanLossD, got.MeanLossG, got.MeanDReal, got.MeanDFake));
    }

    [Fact]
    public void Train_Cancelled_SavesCheckpointAndResumesBitForBit()
    {
        var recipe = TinyRuns.Toy1D(epochs: 3);
        var whole = TrainingRun.Create(recipe, temp.Combine("whole"));
        whole.Train();

        using var cancel = new CancellationTokenSource();
        var run = TrainingRun.Create(recipe, temp.Combine("cut"));
        var result = run.Train(TinyRuns.Collect([], e =>
        {
            if (e is StepCompleted { Record.Step: 6 })
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal((6, 1), (result.Step, result.Epoch));
        Assert.Equal(6, RunHistory.Read(RunFolder.HistoryPath(temp.Combine("cut"))).Count);
        Assert.False(File.Exists(RunFolder.LossHtmlPath(temp.Combine("cut"))));
        var resumed = TrainingRun.Resume(temp.Combine("cut"));
        Assert.Equal(6, resumed.Trainer.Step);
        resumed.Train();
        Assert.Equal(File.ReadAllBytes(temp.Combine("whole", "history.csv")), File.ReadAllBytes(temp.Combine("cut", "history.csv")));
        Assert.Equal(File.ReadAllBytes(RunFolder.LastCheckpointPath(temp.Combine("whole"))), File.ReadAllBytes(RunFolder.LastCheckpointPath(temp.Combine("cut"))));
    }

    [Fact]
    public void Train_Diverges_NamesStepAndKeepsLastGoodCheckpoint()
    {
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 1), dir);
        run.Train();
        byte[] good = File.ReadAllBytes(RunFolder.LastCheckpointPath(dir));

        var wild = TrainingRun.Resume(dir, epochs: 3, lr: 1e30f);
        var ex = Assert.Throws<TrainingDivergedException>(() => wild.Train());

        Assert.InRange(ex.Step, 5, 12);
        Assert.Contains($"step {ex.Step}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(RunFolder.LastCheckpointPath(dir)));
        Assert.Equal(ex.Step - 1, RunHistory.Read(RunFolder.HistoryPath(dir)).Count); // the steps before it, flushed
        var again = TrainingRun.Resume(dir, lr: 1e-3f); // back to the last good state
        Assert.Equal(4, again.Trainer.Step);
        Assert.Equal(4, RunHistory.Read(RunFolder.HistoryPath(dir)).Count);
    }

    [Fact]
    public void Create_NonEmptyFolder_RefusedAndUntouched()
    {
        string dir = temp.Combine("busy");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var ex = Assert.Throws<IOException>(() => TrainingRun.Create(TinyRuns.Toy1D(), dir));
        Assert.Contains("not empty", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_MissingDataset_ThrowsBeforeWritingAnything()
    {
        string dir = temp.Combine("run");
        var ex = Assert.Throws<FileNotFoundException>(() => TrainingRun.Create(GanRecipe.Fast with { Dataset = GanDataset.Mnist }, dir, temp.Path));
        Assert.Contains("gan-notes data fetch mnist", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Create_LimitAboveDataset_NamesLimit()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        var ex = Assert.Throws<InvalidRecipeException>(() => TrainingRun.Create(TinyRuns.Images() with { Limit = 100 }, temp.Combine("run"), data));
        Assert.Equal("limit", ex.Problem?.Setting);
        Assert.Contains("has only 64 images", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_FewerEpochsThanDone_Refused()
    {
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 2), dir);
        run.Train();
        var ex = Assert.Throws<InvalidRecipeException>(() => TrainingRun.Resume(dir, epochs: 1));
        Assert.Equal("epochs", ex.Problem?.Setting);
        Assert.Contains("already done 2 epochs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_HistoryCutByCrash_PartialLineDroppedAndTruncatedToCheckpoint()
    {
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 1), dir);
        run.Train();
        // A crash in epoch 2: two more whole lines and half of a third.
        File.AppendAllText(RunFolder.HistoryPath(dir), "5,1.25,0.7,0.7,0.5,0.5,1,1\n6,1.5,0.7,0.7,0.5,0.5,1,1\n7,1.7");
        Assert.Equal(6, RunHistory.Read(RunFolder.HistoryPath(dir)).Count);

        TrainingRun.Resume(dir, epochs: 2);

        Assert.Equal([1, 2, 3, 4], RunHistory.Read(RunFolder.HistoryPath(dir)).Select(r => r.Step));
    }

    [Fact]
    public void Resume_NotARunFolder_FileNotFound()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => TrainingRun.Resume(temp.Path));
        Assert.Contains("config.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunConfig_Damaged_NamesFile()
    {
        string path = temp.Combine("config.json");
        File.WriteAllText(path, "{\"gan_notes_version\": \"x\", \"steps_per_epoch\": 4, \"recipe\": {\"lr\": 0}}");
        var ex = Assert.Throws<InvalidDataException>(() => RunConfig.Read(path));
        Assert.Equal($"{path}: invalid lr 0: the learning rate must be positive and finite", ex.Message);
        File.WriteAllText(path, "{ not json");
        Assert.StartsWith($"{path}: not a valid run config", Assert.Throws<InvalidDataException>(() => RunConfig.Read(path)).Message, StringComparison.Ordinal);
    }
}
