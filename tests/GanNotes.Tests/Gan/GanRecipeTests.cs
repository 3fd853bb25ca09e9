using System.Text.Json;
using GanNotes.Gan;

namespace GanNotes.Tests.Gan;

public class GanRecipeTests
{
    [Fact]
    public void Seed004_IsTheLectureNotesRecipe()
    {
        var r = GanRecipe.Seed004;
        Assert.Equal(("seed004", GanDataset.FashionMnist, 250, 128), (r.Name, r.Dataset, r.Epochs, r.BatchSize));
        Assert.Equal((OptimizerKind.Adam, 1e-5f, 0.9f, 0.999f), (r.Optimizer, r.Lr, r.Beta1, r.Beta2));
        Assert.Equal((64, 128, 1, GeneratorLoss.NonSaturating, NoiseKind.Normal), (r.ZDim, r.Hidden, r.K, r.Loss, r.Noise));
        Assert.Null(r.FindProblem());
    }

    [Fact]
    public void Fast_IsDcganAdamOnTheSameNetworks()
    {
        var r = GanRecipe.Fast;
        Assert.Equal(("fast", 10, 2e-4f, 0.5f, 0.999f), (r.Name, r.Epochs, r.Lr, r.Beta1, r.Beta2));
        Assert.Equal((GanRecipe.Seed004.ZDim, GanRecipe.Seed004.Hidden, GanRecipe.Seed004.BatchSize), (r.ZDim, r.Hidden, r.BatchSize));
        Assert.Same(GanRecipe.Fast, GanRecipe.Presets["fast"]);
        Assert.Same(GanRecipe.Seed004, GanRecipe.Presets["seed004"]);
    }

    [Fact]
    public void Dcgan_IsTheConvolutionalNetworksWithDcgansAdam()
    {
        var r = GanRecipe.Dcgan;
        Assert.Equal(("dcgan", GanArchitecture.Dcgan, 100, 32, 128), (r.Name, r.Architecture, r.ZDim, r.Hidden, r.BatchSize));
        Assert.Equal((2e-4f, 0.5f, 0.999f), (r.Lr, r.Beta1, r.Beta2));
        Assert.Same(GanRecipe.Dcgan, GanRecipe.Presets["dcgan"]);
        Assert.Null(r.FindProblem());
        Assert.Equal(GanArchitecture.Mlp, GanRecipe.Fast.Architecture);
        Assert.Equal((100f, 1000f), (GanRecipe.Fast.MaxGradNorm, r.MaxGradNorm));
    }

    [Fact]
    public void Dcgan_OnToyData_RefusedNamingTheDataset()
    {
        var problem = GanRecipe.Dcgan.ForDataset(GanDataset.Ring2D).FindProblem();
        Assert.NotNull(problem);
        Assert.StartsWith("invalid dataset ring-2d: the DCGAN's convolutions are built for 28x28 images", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WithoutArchitecture_IsTheMlp()
    {
        // config.json of runs trained before the DCGAN existed have no "architecture".
        string json = GanRecipe.Fast.ToJson().Replace("\"architecture\": \"mlp\",", "", StringComparison.Ordinal);
        Assert.DoesNotContain("architecture", json, StringComparison.Ordinal);
        Assert.Equal(GanArchitecture.Mlp, GanRecipe.FromJson(json).Architecture);
        Assert.Contains("\"architecture\": \"dcgan\"", GanRecipe.Dcgan.ToJson(), StringComparison.Ordinal);
        Assert.Equal(GanRecipe.Dcgan, GanRecipe.FromJson(GanRecipe.Dcgan.ToJson()));
    }

    [Fact]
    public void ForDataset_Toy_SmallNetworksIdentityOutput()
    {
        var r = GanRecipe.Fast.ForDataset(GanDataset.Ring2D);
        Assert.Equal((16, 8, 2, GeneratorOutput.Identity), (r.Hidden, r.ZDim, r.DataDimension, r.GeneratorOutput));
        Assert.True(r.IsToy && r.KeepSampleCheckpoints);
        Assert.Equal(r.Lr, GanRecipe.Fast.Lr);
        var images = GanRecipe.Seed004.ForDataset(GanDataset.Mnist);
        Assert.Equal((784, GeneratorOutput.Sigmoid, 128), (images.DataDimension, images.GeneratorOutput, images.Hidden));
    }

    [Theory]
    [InlineData("lr", "-1")]
    [InlineData("batch_size", "1")]
    [InlineData("beta1", "1")]
    [InlineData("epochs", "0")]
    [InlineData("k", "0")]
    [InlineData("z_dim", "0")]
    [InlineData("limit", "8")]
    public void FindProblem_InvalidSetting_NamesSettingAndValue(string setting, string value)
    {
        var r = setting switch
        {
            "lr" => GanRecipe.Fast with { Lr = -1 },
            "batch_size" => GanRecipe.Fast with { BatchSize = 1 },
            "beta1" => GanRecipe.Fast with { Beta1 = 1 },
            "epochs" => GanRecipe.Fast with { Epochs = 0 },
            "k" => GanRecipe.Fast with { K = 0 },
            "z_dim" => GanRecipe.Fast with { ZDim = 0 },
            _ => GanRecipe.Fast with { Limit = 8 },
        };
        var problem = r.FindProblem();
        Assert.NotNull(problem);
        Assert.Equal((setting, value), (problem.Setting, problem.Value));
        var ex = Assert.Throws<InvalidRecipeException>(r.Validate);
        Assert.StartsWith($"invalid {setting} {value}: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(setting, ex.ParamName);
    }

    [Fact]
    public void FindProblem_NaNLearningRate_Refused() =>
        Assert.Equal("lr", (GanRecipe.Fast with { Lr = float.NaN }).FindProblem()?.Setting);

    [Fact]
    public void FindProblem_MomentumRampCrossingZero_Refused()
    {
        var problem = (GanRecipe.Fast with { Optimizer = OptimizerKind.Sgd, MomentumStart = 0, MomentumEnd = 0.5f, MomentumRampEpochs = 5 }).FindProblem();
        Assert.Equal("momentum_end", problem?.Setting);
        Assert.Contains("cannot cross zero", problem?.Reason, StringComparison.Ordinal);
        Assert.Equal("--momentum-end", problem?.Option);
    }

    [Fact]
    public void MomentumAt_RampsLinearlyThenHolds()
    {
        var r = GanRecipe.Fast with { MomentumStart = 0.5f, MomentumEnd = 0.7f, MomentumRampEpochs = 4 };
        Assert.Equal([0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.7f], Enumerable.Range(0, 6).Select(r.MomentumAt).ToArray(), new ToleranceComparer(1e-6f));
        Assert.Equal(0.5f, (r with { MomentumRampEpochs = 0 }).MomentumAt(10));
    }

    [Fact]
    public void IsSampleEpoch_FirstEveryNthAndLast()
    {
        var r = GanRecipe.Seed004;
        Assert.Equal([1, 10, 20, 250], Enumerable.Range(1, 250).Where(r.IsSampleEpoch).Where(e => e is 1 or 10 or 20 or 11 or 249 or 250).ToArray());
        Assert.Equal(26, Enumerable.Range(1, 250).Count(r.IsSampleEpoch));
    }

    [Fact]
    public void Json_RoundTrip_EqualRecipe()
    {
        var r = GanRecipe.Seed004.ForDataset(GanDataset.Gaussian1D) with
        {
            Optimizer = OptimizerKind.Sgd, Loss = GeneratorLoss.Minimax, Noise = NoiseKind.Uniform, Limit = 512,
            Seed = ulong.MaxValue, Lr = 0.1f, MomentumEnd = 0.9f,
        };
        var back = GanRecipe.FromJson(r.ToJson());
        Assert.Equal(r, back);
        Assert.Equal(GanRecipe.Fast, GanRecipe.FromJson(GanRecipe.Fast.ToJson()));
    }

    [Fact]
    public void Json_UsesSnakeCaseAndKebabNames()
    {
        string json = (GanRecipe.Fast with { Dataset = GanDataset.Gaussian1D }).ToJson();
        Assert.Contains("\"batch_size\": 128", json, StringComparison.Ordinal);
        Assert.Contains("\"loss\": \"non-saturating\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dataset\": \"gaussian-1d\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lr\": 0.0002", json, StringComparison.Ordinal);
        Assert.DoesNotContain("is_toy", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_UnknownSetting_Refused()
    {
        var ex = Assert.Throws<JsonException>(() => GanRecipe.FromJson("{\"learning_rate\": 0.1}"));
        Assert.Contains("learning_rate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_InvalidValue_NamesSetting()
    {
        var ex = Assert.Throws<InvalidDataException>(() => GanRecipe.FromJson("{\"lr\": -1}"));
        Assert.Equal("invalid lr -1: the learning rate must be positive and finite", ex.Message);
        Assert.Throws<JsonException>(() => GanRecipe.FromJson("{\"dataset\": \"cats\"}"));
        Assert.Throws<JsonException>(() => GanRecipe.FromJson("{\"dataset\": 2}"));
    }

    [Fact]
    public void RecipeNames_MatchJsonAndParse()
    {
        Assert.Equal(["fashion-mnist", "mnist", "gaussian-1d", "ring-2d"], RecipeNames.All<GanDataset>());
        Assert.Equal(["minimax", "non-saturating"], RecipeNames.All<GeneratorLoss>());
        Assert.True(RecipeNames.TryParse("ring-2d", out GanDataset d) && d == GanDataset.Ring2D);
        Assert.False(RecipeNames.TryParse("Ring2D", out d));
        Assert.Equal("adam or sgd", RecipeNames.Choices<OptimizerKind>());
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }

    [Fact]
    public void FindProblem_TrainerKnobs_AskedThroughTheTrainersOwnCheck()
    {
        // One check for k, m, z, loss and noise: the recipe's problem is the trainer options' problem.
        Assert.Equal(new GanTrainerOptions { K = 0 }.FindProblem(), (GanRecipe.Fast with { K = 0 }).FindProblem());
        Assert.Equal(new GanTrainerOptions { BatchSize = 1 }.FindProblem(), (GanRecipe.Fast with { BatchSize = 1 }).FindProblem());
        Assert.Equal(new GanTrainerOptions { ZDim = 0 }.FindProblem(), (GanRecipe.Fast with { ZDim = 0 }).FindProblem());
        Assert.Equal(new RecipeProblem("k", "0", "at least one discriminator step per generator step"), new GanTrainerOptions { K = 0 }.FindProblem());
    }
}
