using GanNotes.Data;
using GanNotes.Exercises;
using GanNotes.Tensors;
using GanNotes.Tests.Data;

namespace GanNotes.Tests.Exercises;

public class StartHereExercisesTests
{
    private static Tensor? ByBackward(Tensor x, Func<Tensor, Tensor> y, int backwardCalls = 1)
    {
        for (int i = 0; i < backwardCalls; i++)
        {
            y(x).Sum().Backward();
        }
        return x.Grad;
    }

    [Fact]
    public void GradientOfCubes_Backward_Passes()
    {
        var result = StartHereExercises.GradientOfCubes(x => ByBackward(x, v => v * v * v));
        Assert.True(result.Passed, result.Message);
        Assert.Contains("(3, 12, 27)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("squares", "the example above")]
    [InlineData("values", "not their derivatives")]
    [InlineData("3x", "3x^2, not 3x")]
    [InlineData("twice", "call it once")]
    [InlineData("null", "until you call Backward()")]
    [InlineData("constant", "right at x = (1, 2, 3) but not at x = (-1, 0.5, 2)")]
    public void GradientOfCubes_KnownMistake_GivesItsHint(string mistake, string hint)
    {
        Func<Tensor, Tensor?> answer = mistake switch
        {
            "squares" => x => ByBackward(x, v => v * v),
            "values" => x => x * x * x,
            "3x" => x => x * 3f,
            "twice" => x => ByBackward(x, v => v * v * v, backwardCalls: 2),
            "null" => x => x.Grad,
            _ => x => Tensor.FromArray(new float[] { 3, 12, 27 }),
        };

        var result = StartHereExercises.GradientOfCubes(answer);

        Assert.False(result.Passed);
        Assert.True(result.Attempted);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GradientOfCubes_Placeholder_NotYet()
    {
        var result = StartHereExercises.GradientOfCubes(x => throw new NotImplementedException());
        Assert.False(result.Attempted);
        Assert.StartsWith("\u25CB ", result.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Eight images, labels 0, 7, 9, 7, 7, 6, 7, 7: five sneakers.</summary>
    private static ImageDataset Clothes()
    {
        byte[] labels = [0, 7, 9, 7, 7, 6, 7, 7];
        string[] names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        return new ImageDataset("test", new float[labels.Length * 4], labels, 2, 2, names);
    }

    [Fact]
    public void SneakerIndices_FirstSneakers_Passes()
    {
        var full = FashionMnist.Load(RepoData.Path, train: true);
        var result = StartHereExercises.SneakerIndices(n => [.. Enumerable.Range(0, full.Count).Where(i => full.GetLabel(i) == 7).Take(n)], full);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void SneakerIndices_SmallSetWithFiveSneakers_TooFewForSixteen()
    {
        int[] sneakers = [1, 3, 4, 6, 7];
        var result = StartHereExercises.SneakerIndices(n => sneakers[..Math.Min(n, sneakers.Length)], Clothes());
        Assert.Contains("asked for 16, the function returned 5", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SneakerIndices_AnkleBoots_NamesTheClassItFound()
    {
        var full = FashionMnist.Load(RepoData.Path, train: true);
        var result = StartHereExercises.SneakerIndices(n => [.. Enumerable.Range(0, full.Count).Where(i => full.GetLabel(i) == 9).Take(n)], full);
        Assert.False(result.Passed);
        Assert.Contains("label 9 (Ankle boot), not 7 (Sneaker)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SneakerIndices_RepeatedOrTooFewOrOutside_SaysWhich()
    {
        var full = FashionMnist.Load(RepoData.Path, train: true);
        int sneaker = Enumerable.Range(0, full.Count).First(i => full.GetLabel(i) == 7);

        Assert.Contains("appears twice", StartHereExercises.SneakerIndices(n => [.. Enumerable.Repeat(sneaker, n)], full).Message, StringComparison.Ordinal);
        Assert.Contains("asked for 16, the function returned 1", StartHereExercises.SneakerIndices(n => [sneaker], full).Message, StringComparison.Ordinal);
        Assert.Contains("-1 is not an index", StartHereExercises.SneakerIndices(n => [.. Enumerable.Repeat(-1, n)], full).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SneakerIndices_Placeholder_NotYet()
    {
        Assert.False(StartHereExercises.SneakerIndices(n => throw new NotImplementedException(), Clothes()).Attempted);
    }
}
