using System.Text.Json.Nodes;
using GanNotes.Evaluation;
using GanNotes.Gan;
using GanNotes.Reports;
using GanNotes.Tests.Data;
using GanNotes.Tests.Gan;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes evaluate</c> and <c>gan-notes data classifier</c>, in process, on tiny runs scored against the shipped Fashion-MNIST.</summary>
public sealed class EvaluateCommandTests(TrainedRunsFixture runs) : IClassFixture<TrainedRunsFixture>
{
    [Fact]
    public void Evaluate_ImageRun_PrintsEveryScoreAndWritesEvaluationCsv()
    {
        string run = CopyOf(runs.ImageRun, "images-scored");

        var (code, output, error) = Run("evaluate", run, "--count", "50", "--data", RepoData.Path);

        Assert.True(code == 0, error);
        Assert.Equal("warning: --count 50: below 500 samples the Fréchet distance of 128 features is dominated by noise; compare scores only at equal counts", error.TrimEnd());
        Assert.Contains("epoch 1 (50 samples): FD ", output, StringComparison.Ordinal);
        Assert.Contains("Parzen ", output, StringComparison.Ordinal);
        var row = Assert.Single(EvaluationCsv.Read(EvaluationCsv.PathIn(run)));
        Assert.Equal((1, 4, 50), (row.Epoch, row.Step, row.Count));
        Assert.True(row.FrechetDistance > 0 && double.IsFinite(row.FrechetDistance!.Value));
        Assert.InRange(row.ClassesCovered!.Value, 0, 10);
        Assert.True(double.IsFinite(row.ParzenLogLikelihood!.Value));
        Assert.Null(row.ModesHit);
    }

    [Fact]
    public void Evaluate_Json_PrintsOnlyAnArrayOfTheSameScores()
    {
        string run = CopyOf(runs.ImageRun, "images-json");

        var (code, output, error) = Run("evaluate", run, "--count", "40", "--json", "--data", RepoData.Path);

        Assert.True(code == 0, error);
        var array = JsonNode.Parse(output)!.AsArray();
        var json = Assert.Single(array)!;
        var row = Assert.Single(EvaluationCsv.Read(EvaluationCsv.PathIn(run)));
        Assert.Equal(row.FrechetDistance!.Value, (double)json["frechet_distance"]!);
        Assert.Equal(40, (int)json["count"]!);
        Assert.Null(json["modes_hit"]);
    }

    [Fact]
    public void Evaluate_RingRunAll_ScoresEveryKeptCheckpointAndPlotsDrawsThem()
    {
        string run = runs.Combine("ring");
        var recipe = GanRecipe.Fast.ForDataset(GanDataset.Ring2D) with { Epochs = 2, Limit = 64, BatchSize = 16, SampleEvery = 1 };
        var training = TrainingRun.Create(recipe, run);
        training.Charts = new RunCharts { ChartImages = false };
        training.Train();

        var (code, output, error) = Run("evaluate", run, "--all", "--count", "500");

        Assert.True(code == 0, error);
        var rows = EvaluationCsv.Read(EvaluationCsv.PathIn(run));
        Assert.Equal([1, 2], rows.Select(r => r.Epoch));
        Assert.All(rows, r => Assert.InRange(r.ModesHit!.Value, 0, 8));
        Assert.All(rows, r => Assert.Null(r.FrechetDistance));
        Assert.Contains("modes hit", output, StringComparison.Ordinal);

        // Scoring the last checkpoint again replaces its row rather than adding one.
        Assert.Equal(0, Run("evaluate", run, "--count", "100").ExitCode);
        rows = EvaluationCsv.Read(EvaluationCsv.PathIn(run));
        Assert.Equal([(1, 500), (2, 100)], rows.Select(r => (r.Epoch, r.Count)));

        var (plotsCode, plotsOutput, plotsError) = Run("plots", run);
        Assert.True(plotsCode == 0, plotsError);
        Assert.Contains(Path.Combine(run, EvaluationFigure.HtmlFileName), plotsOutput, StringComparison.Ordinal);
        Assert.Contains("modes hit", File.ReadAllText(Path.Combine(run, EvaluationFigure.HtmlFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotARunFolder_OneLineExitTwoNothingWritten()
    {
        string folder = runs.Combine("just-a-folder");
        Directory.CreateDirectory(folder);

        var (code, output, error) = Run("evaluate", folder);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"error: {folder}: not a run folder (no config.json); give a folder written by gan-notes train", error.TrimEnd());
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Evaluate_OneDimensionalRun_RefusedInOneLineNamingWhatIsScored()
    {
        var (code, _, error) = Run("evaluate", runs.ToyRun);

        Assert.Equal(2, code);
        Assert.Single(Lines(error));
        Assert.Contains("evaluate scores fashion-mnist and ring-2d runs", error, StringComparison.Ordinal);
        Assert.False(File.Exists(EvaluationCsv.PathIn(runs.ToyRun)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("60001")]
    public void Evaluate_CountOutOfRange_RefusedNamingTheValue(string count)
    {
        var (code, _, error) = Run("evaluate", runs.ImageRun, "--count", count);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: --count {count}: score 2 to 60000 samples", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DamagedEvaluationCsv_FailsInOneLineAndLeavesItAlone()
    {
        string run = CopyOf(runs.ImageRun, "images-damaged");
        string csv = EvaluationCsv.PathIn(run);
        File.WriteAllText(csv, "not,a,header\n");

        var (code, _, error) = Run("evaluate", run, "--count", "20", "--data", RepoData.Path);

        Assert.Equal(1, code);
        Assert.Single(Lines(error));
        Assert.Contains($"{csv}: line 1 is not the evaluation header", error, StringComparison.Ordinal);
        Assert.Equal("not,a,header\n", File.ReadAllText(csv));
    }

    [Fact]
    public void DataClassifier_OneEpoch_ReportsAccuracyAndWritesLoadableWeights()
    {
        string file = runs.Combine("classifier.safetensors");

        var (code, output, error) = Run("data", "classifier", "--epochs", "1", "--out", file, "--data", RepoData.Path);

        Assert.True(code == 0, error);
        Assert.Contains("epoch 1/1  loss ", output, StringComparison.Ordinal);
        Assert.Matches(@"test accuracy \d\d\.\d\d % on 10000 images", output);
        var classifier = new FashionClassifier();
        GanNotes.Nn.ModuleSerializationExtensions.Load(classifier, file);
        Assert.Equal(FashionClassifier.FeatureCount, classifier.Features(GanNotes.Tensors.Tensor.Zeros(1, 784)).Shape[1]);
    }

    [Fact]
    public void DataClassifier_ZeroEpochs_RefusedNamingTheValue()
    {
        var (code, _, error) = Run("data", "classifier", "--epochs", "0", "--out", runs.Combine("never.safetensors"));

        Assert.Equal(2, code);
        Assert.StartsWith("error: --epochs 0: train for 1 to 1000 epochs", error, StringComparison.Ordinal);
        Assert.False(File.Exists(runs.Combine("never.safetensors")));
    }

    [Fact]
    public void Evaluate_AllWithADamagedCheckpoint_SkipsItKeepsTheOtherRowsAndExitsOne()
    {
        string run = runs.Combine("ring-damaged");
        var recipe = GanRecipe.Fast.ForDataset(GanDataset.Ring2D) with { Epochs = 3, Limit = 64, BatchSize = 16, SampleEvery = 1 };
        var training = TrainingRun.Create(recipe, run);
        training.Charts = new RunCharts { ChartImages = false };
        training.Train();
        string damaged = RunFolder.EpochCheckpointPath(run, 2);
        File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..100]);

        var (code, output, error) = Run("evaluate", run, "--all", "--count", "500");

        Assert.Equal(1, code);
        Assert.Contains("warning: skipped epoch 2: ", error, StringComparison.Ordinal);
        Assert.Equal([1, 3], EvaluationCsv.Read(EvaluationCsv.PathIn(run)).Select(r => r.Epoch));
        Assert.Contains("wrote ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DamagedEvaluationCsv_RefusedBeforeAnyScoring()
    {
        string run = CopyOf(runs.ImageRun, "images-damaged-first");
        File.WriteAllText(EvaluationCsv.PathIn(run), "");

        var (code, output, error) = Run("evaluate", run, "--count", "20", "--data", RepoData.Path);

        Assert.Equal(1, code);
        Assert.Equal("", output); // no score was printed: nothing was computed
        Assert.Contains("is not the evaluation header", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_DamagedEvaluationCsv_WarnsAndDrawsEverythingElse()
    {
        string run = CopyOf(runs.ImageRun, "images-plots-damaged");
        File.WriteAllText(EvaluationCsv.PathIn(run), "epoch\n");

        var (code, output, error) = Run("plots", run);

        Assert.True(code == 0, error);
        Assert.Contains("warning: evaluation chart skipped: ", error, StringComparison.Ordinal);
        Assert.Contains(RunFolder.LossHtmlPath(run), output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, EvaluationFigure.HtmlFileName)));
    }

    [Theory]
    [InlineData("weights.bin", "give a name ending in .safetensors")]
    [InlineData("", "give a file name")]
    public void DataClassifier_BadOut_RefusedBeforeTraining(string name, string expected)
    {
        string file = name.Length == 0 ? "" : runs.Combine(name);

        var (code, output, error) = Run("data", "classifier", "--epochs", "1", "--out", file, "--data", RepoData.Path);

        Assert.Equal(2, code);
        Assert.DoesNotContain("epoch 1/1", output, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void DataClassifier_OtherRecipeWithoutOut_RefusesToReplaceTheShippedWeights()
    {
        string shipped = Path.Combine(RepoData.Path, FashionClassifier.ShippedFileName);
        byte[] before = File.ReadAllBytes(shipped);

        var (code, _, error) = Run("data", "classifier", "--epochs", "1", "--data", RepoData.Path);

        Assert.Equal(2, code);
        Assert.Contains("write the result elsewhere with --out", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(shipped));
    }

    /// <summary>A copy of a run folder, so each test's evaluation.csv is its own.</summary>
    private string CopyOf(string run, string name)
    {
        string copy = runs.Combine(name);
        foreach (string file in Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(run, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
