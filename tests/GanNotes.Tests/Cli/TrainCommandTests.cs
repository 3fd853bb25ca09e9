using GanNotes.Gan;
using GanNotes.Tests.Gan;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes train</c>, in process.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_Help_ListsOptionsAndExamples()
    {
        var (code, output, error) = Run("train", "--help");

        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (var option in new[] { "--dataset <fashion-mnist|mnist|gaussian-1d|ring-2d>", "--recipe <fast|seed004|dcgan>", "--epochs <N>", "--batch-size <M>",
            "--lr <X>", "--beta1 <X>", "--k <K>", "--optimizer <adam|sgd>", "--momentum <X>", "--loss <minimax|non-saturating>", "--z-dim <N>",
            "--hidden <H>", "--seed <N>", "-o, --out <DIR>", "--resume", "--limit <N>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("gan-notes train --resume --out runs/seed004", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Help_PresetsDescribedFromTheRecipes()
    {
        var (_, output, _) = Run("train", "--help");

        // The help once said 20 epochs for fast while the recipe ran 10: it is now read from the recipes.
        string text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains($"fast (default; the course's MLP GAN with Adam lr 2e-4, beta1 0.5, {GanRecipe.Fast.Epochs} epochs, the DCGAN paper's setting)", text, StringComparison.Ordinal);
        // Seed 004 gives the epochs, z, m and the learning rate; Adam and its beta1 are the course's.
        Assert.Contains($"seed004 (the lecture notes' final setting, {GanRecipe.Seed004.Epochs} epochs, z 64, m 128, lr 1e-5; Adam with beta1 0.9 is the course's choice, as are the MLP's widths)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the lecture notes: Adam", text, StringComparison.Ordinal);
        Assert.Contains($"dcgan (convolutional networks, z 100, h 32, Adam lr 2e-4, beta1 0.5, {GanRecipe.Dcgan.Epochs} epochs; images only)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Help_OptionDefaultsReadFromTheRecipes()
    {
        var (_, output, _) = Run("train", "--help");

        string text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        var fast = GanRecipe.Fast;
        var toy = fast.ForDataset(GanDataset.Gaussian1D);
        Assert.Contains($"the minibatch size (default {fast.BatchSize})", text, StringComparison.Ordinal);
        Assert.Contains($"(default {fast.ZDim}; dcgan {GanRecipe.Dcgan.ZDim}; toys {toy.ZDim})", text, StringComparison.Ordinal);
        Assert.Contains($"(default {fast.Hidden}; toys {toy.Hidden}); the DCGAN's feature maps are 2h, h in G and h, 2h in D (dcgan {GanRecipe.Dcgan.Hidden})", text, StringComparison.Ordinal);
        Assert.Contains($"h {toy.Hidden} and z {toy.ZDim}", text, StringComparison.Ordinal);
        Assert.Contains($"(toy data: N samples per epoch, default {GanRecipe.DefaultToyEpochSize})", text, StringComparison.Ordinal);
        Assert.Contains($"(Algorithm 1; default {fast.K})", text, StringComparison.Ordinal);
        Assert.Contains("(default: 0.5 rising to 0.7 over the run", text, StringComparison.Ordinal);
        Assert.Equal((0.5f, 0.7f), (fast.MomentumStart, fast.MomentumEnd));
    }

    [Fact]
    public void Train_TinyImageRun_WritesRunFolderAndReportsEpochs()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");

        var (code, output, error) = Run(Tiny("fashion-mnist", dir, "--epochs", "2", "--data", data, "--lr", "1e-3", "--seed", "5", "--device", "cpu"));

        Assert.True(code == 0, error);
        Assert.DoesNotContain("error", error, StringComparison.Ordinal);
        Assert.Contains("Training fast (mlp) on fashion-mnist: 2 epochs of 4 steps, m 16, k 1, non-saturating loss, adam lr 0.001", output, StringComparison.Ordinal);
        Assert.Contains("  on cpu, into ", output, StringComparison.Ordinal);
        Assert.Contains("epoch 1/2  D loss ", output, StringComparison.Ordinal);
        Assert.Contains("epoch 2/2  D loss ", output, StringComparison.Ordinal);
        Assert.Contains("Done: 2 epochs (8 steps)", output, StringComparison.Ordinal);
        var recipe = RunConfig.Read(RunFolder.ConfigPath(dir)).Recipe;
        Assert.Equal((1e-3f, 5UL, 16, 4, 2, 64), (recipe.Lr, recipe.Seed, recipe.BatchSize, recipe.Hidden, recipe.ZDim, recipe.Limit));
        Assert.Equal(8, RunHistory.Read(RunFolder.HistoryPath(dir)).Count);
        Assert.True(File.Exists(RunFolder.SamplePath(dir, 1)) && File.Exists(RunFolder.SamplePath(dir, 2)));
        Assert.True(File.Exists(RunFolder.LastCheckpointPath(dir)) && File.Exists(RunFolder.LossHtmlPath(dir)));

        // Continue it for one more epoch.
        (code, output, error) = Run("train", "--resume", "--out", dir, "--epochs", "3", "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains("Resuming at step 8 (epoch 2 done)", output, StringComparison.Ordinal);
        Assert.Equal(12, RunHistory.Read(RunFolder.HistoryPath(dir)).Count);

        // Done already: nothing to do.
        (code, output, _) = Run("train", "--resume", "--out", dir, "--data", data);
        Assert.Equal(0, code);
        Assert.Contains("all 3 epochs are done", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_DcganRecipe_TrainsTheConvolutionalNetworks()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("dcgan");

        var (code, output, error) = Run("train", "--recipe", "dcgan", "--limit", "64", "--batch-size", "16", "--hidden", "2", "--z-dim", "3",
            "--epochs", "1", "--data", data, "--out", dir, "--device", "cpu");

        Assert.True(code == 0, error);
        Assert.Contains("Training dcgan (dcgan) on fashion-mnist: 1 epoch of 4 steps, m 16", output, StringComparison.Ordinal);
        var recipe = RunConfig.Read(RunFolder.ConfigPath(dir)).Recipe;
        Assert.Equal((GanArchitecture.Dcgan, 2, 3), (recipe.Architecture, recipe.Hidden, recipe.ZDim));
        Assert.True(File.Exists(RunFolder.SamplePath(dir, 1)) && File.Exists(RunFolder.LastCheckpointPath(dir)));
        // The checkpoint holds the convolutions' weights: [in, out, 7, 7] for G's first layer.
        var file = GanNotes.Nn.Safetensors.Read(RunFolder.LastCheckpointPath(dir));
        Assert.Equal([3, 4, 7, 7], file.Tensors["G.1.weight"].Shape);
        Assert.Equal([2, 1, 4, 4], file.Tensors["D.1.weight"].Shape);
    }

    [Fact]
    public void Train_DcganOnToyData_OneLineNamingTheDataset()
    {
        var (code, _, error) = Run("train", "--recipe", "dcgan", "--dataset", "ring-2d", "--out", temp.Combine("run"));

        Assert.Equal(2, code);
        Assert.StartsWith("error: --dataset ring-2d: the DCGAN's convolutions are built for 28x28 images; choose fashion-mnist or mnist", Lines(error)[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Theory]
    [InlineData("tpu", "error: --device tpu: Unknown device 'tpu': expected 'cpu', 'cuda' or 'cuda:N'.")]
    [InlineData("cuda:99", "error: --device cuda:99: Device 'cuda:99' is not available: ")]
    public void Train_UnavailableDevice_OneLineNamingItExitTwoNothingWritten(string device, string expected)
    {
        string dir = temp.Combine("run");
        var (code, output, error) = Run("train", "--device", device, "--out", dir);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(Lines(error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        if (expected.EndsWith('.'))
        {
            Assert.Equal(expected, error.TrimEnd()); // the whole line, nothing after it
        }
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Train_DeviceFromTheEnvironment_BadValueNamesTheVariable()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gan-notes.dll"));
        foreach (string argument in new[] { "train", "--out", temp.Combine("run") })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[GanNotes.Tensors.Device.EnvironmentVariable] = "tpu";
        using var process = System.Diagnostics.Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("error: GANNOTES_DEVICE=tpu: Unknown device 'tpu'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Fact]
    public void Train_NegativeLr_OneLineNamingValueExitTwoNothingWritten()
    {
        string dir = temp.Combine("run");
        var (code, output, error) = Run("train", "--lr", "-1", "--out", dir);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(["error: --lr -1: the learning rate must be positive and finite"], Lines(error));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Train_OutIsAFile_OneLineNamingOptionExitTwoFileKept()
    {
        string file = temp.Combine("taken");
        File.WriteAllText(file, "mine");

        var (code, output, error) = Run("train", "--dataset", "gaussian-1d", "--out", file);

        // Was .NET's "The file '...' already exists." with exit code 1.
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal([$"error: --out {file}: {file} is a file, not a folder"], Lines(error));
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void Train_OutUnderAFile_OneLineNamingOptionExitTwo()
    {
        string file = temp.Combine("taken");
        File.WriteAllText(file, "mine");
        string dir = Path.Combine(file, "run");

        var (code, output, error) = Run("train", "--dataset", "gaussian-1d", "--out", dir);

        // Was .NET's "Could not find a part of the path '...'." with exit code 1.
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal([$"error: --out {dir}: {file} is a file, so the folder {dir} cannot be made"], Lines(error));
    }

    [Fact]
    public void Train_UnknownDataset_ListsValidOnes()
    {
        var (code, _, error) = Run("train", "--dataset", "cats");

        Assert.Equal(2, code);
        Assert.Equal("error: --dataset 'cats': choose fashion-mnist, mnist, gaussian-1d or ring-2d", Lines(error)[0]);
    }

    [Theory]
    [InlineData("--epochs", "ten", "error: --epochs 'ten': expected a whole number")]
    [InlineData("--lr", "fast", "error: --lr 'fast': expected a number such as 0.0002 or 2e-4")]
    [InlineData("--recipe", "slow", "error: --recipe 'slow': choose fast, seed004 or dcgan")]
    [InlineData("--batch-size", "1", "error: --batch-size 1: the minibatch needs at least 2 examples (BatchNorm normalises over it)")]
    [InlineData("--beta1", "1.5", "error: --beta1 1.5: Adam's beta1 must be in [0, 1)")]
    [InlineData("--k", "0", "error: --k 0: at least one discriminator step per generator step")]
    public void Train_BadValue_ClearLineExitTwo(string option, string value, string expected)
    {
        var (code, _, error) = Run("train", option, value, "--out", temp.Combine("run"));

        Assert.Equal(2, code);
        Assert.Equal(expected, Lines(error)[0]);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Fact]
    public void Train_MnistMissing_GivesFetchAdviceExitOne()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");

        var (code, _, error) = Run("train", "--dataset", "mnist", "--data", data, "--out", dir);

        Assert.Equal(1, code);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith("error: MNIST file not found: ", line, StringComparison.Ordinal);
        Assert.Contains("gan-notes data fetch mnist", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Train_OutHoldsARun_RefusedWithoutResume()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        Assert.Equal(0, Run(Tiny("fashion-mnist", dir, "--epochs", "1", "--data", data)).ExitCode);
        byte[] history = File.ReadAllBytes(RunFolder.HistoryPath(dir));

        var (code, _, error) = Run(Tiny("gaussian-1d", dir, "--epochs", "1"));

        Assert.Equal(2, code);
        Assert.Equal([$"error: --out {dir}: it already holds a run; continue it with --resume, or choose another folder"], Lines(error));
        Assert.Equal(history, File.ReadAllBytes(RunFolder.HistoryPath(dir)));
    }

    [Fact]
    public void Train_ResumeProblems_ClearLines()
    {
        Assert.Equal(["error: --resume needs --out RUN_DIR, the folder of the run to continue"], Lines(Run("train", "--resume").Error));
        string empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var (code, _, error) = Run("train", "--resume", "--out", empty);
        Assert.Equal(2, code);
        Assert.Equal([$"error: --out {empty}: not a run folder (no config.json); start a new run without --resume"], Lines(error));
        (code, _, error) = Run("train", "--resume", "--out", empty, "--batch-size", "8", "--seed", "1");
        Assert.Equal(2, code);
        Assert.Equal(["error: --resume continues the run as its config.json says; only --epochs and --lr may change, not --batch-size, --seed"], Lines(error));
    }

    [Fact]
    public void Train_ResumeFewerEpochsThanDone_NamesEpochs()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        Assert.Equal(0, Run(Tiny("fashion-mnist", dir, "--epochs", "2", "--data", data)).ExitCode);

        var (code, _, error) = Run("train", "--resume", "--out", dir, "--epochs", "1", "--data", data);

        Assert.Equal(2, code);
        Assert.Equal([$"error: --epochs 1: the run in {dir} has already done 2 epochs"], Lines(error));
    }

    [Fact]
    public void Train_ResumeDamagedConfig_ExitOneNamingFile()
    {
        string dir = temp.Combine("run");
        Directory.CreateDirectory(dir);
        File.WriteAllText(RunFolder.ConfigPath(dir), "{ \"recipe\": ");

        var (code, _, error) = Run("train", "--resume", "--out", dir);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {Path.GetFullPath(RunFolder.ConfigPath(dir))}: not a valid run config: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ResumeWithCheckpointMissing_RefusedNamingBothFilesAndNothingRewritten()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        Assert.Equal(0, Run(Tiny("fashion-mnist", dir, "--epochs", "2", "--data", data)).ExitCode);
        File.Delete(RunFolder.LastCheckpointPath(dir));
        byte[] history = File.ReadAllBytes(RunFolder.HistoryPath(dir));
        byte[] config = File.ReadAllBytes(RunFolder.ConfigPath(dir));

        var (code, output, error) = Run("train", "--resume", "--out", dir, "--epochs", "3", "--data", data);

        Assert.Equal(1, code);
        string line = Assert.Single(Lines(error));
        Assert.Contains(Path.GetFullPath(RunFolder.LastCheckpointPath(dir)) + " is missing", line, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(RunFolder.HistoryPath(dir)) + " records 8 finished steps", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Training", output, StringComparison.Ordinal);
        Assert.Equal(history, File.ReadAllBytes(RunFolder.HistoryPath(dir)));
        Assert.Equal(config, File.ReadAllBytes(RunFolder.ConfigPath(dir)));
    }
}
