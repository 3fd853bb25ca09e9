using System.Text.Json.Nodes;
using GanNotes.Notebooks;
using Xunit.Sdk;
using static GanNotes.Tests.Testing.HandMadeNotebook;

namespace GanNotes.Tests.Testing;

/// <summary>
/// The numbers check on hand-made notebooks, and on two cells the course really shipped
/// (tests/data/notebooks/numbers/, cut from commit c10b567 by its make_fixtures.py).
/// </summary>
public sealed class NumbersCheckTests
{
    private const string Sentence = "The saturating gradient is dominated by the 13 samples (5% of 256).";

    private static NotebookDocument Fixture(string name) =>
        NotebookDocument.Load(Path.Combine(AppContext.BaseDirectory, "data", "notebooks", "numbers", name));

    [Fact]
    public void Run_NumberNoOutputShows_IsReportedWithCellAndSentence()
    {
        var notebook = Of([Code("var top = d.Take(d.Length / 20);", Stdout("the 5% of samples with the largest D(G(z))\n")), Markdown("Intro.\n\n" + Sentence)]);

        var unshown = NumbersCheck.Run(notebook);

        Assert.Equal(["13", "256"], unshown.Select(u => u.Number));
        Assert.All(unshown, u => Assert.Equal((1, "cell-1", Sentence), (u.Cell, u.CellId, u.Sentence)));
    }

    [Fact]
    public void Run_NumberInCodeOrListedConstant_IsShown()
    {
        var constants = new JsonObject { ["constants"] = new JsonArray(new JsonObject { ["value"] = "13", ["source"] = "a made-up source" }) };
        var notebook = Of([Code("int batch = 256;", Stdout("the 5% of samples\n")), Markdown(Sentence)], constants);

        Assert.Empty(NumbersCheck.Run(notebook));
    }

    [Fact]
    public void Run_SameNumberTwiceInASentence_IsReportedOnce() =>
        Assert.Single(NumbersCheck.Run(Of([Markdown("Images of 28 × 28 pixels.")])));

    [Fact]
    public void Run_OldNotebook02Cell16_ReportsExactlyThe13()
    {
        var unshown = NumbersCheck.Run(Fixture("02-value-function.ipynb"));

        var only = Assert.Single(unshown);
        Assert.Equal(("ratio-reading", "13"), (only.CellId, only.Number));
        Assert.Contains("the 13 samples (5% of 256)", only.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OldDcganNotebookCell24_ReportsExactlyTheFourMeanScores()
    {
        var unshown = NumbersCheck.Run(Fixture("08-dcgan.ipynb"));

        Assert.Equal(["0.894", "0.104", "0.670", "0.324"], unshown.Where(u => u.CellId == "554a8e687eeb").Select(u => u.Number));
    }

    [Fact]
    public void Run_OldDcganNotebookCell28_ReportsTheEpochsTheTableDoesNotReach() =>
        Assert.Equal(["23", "11.9", "19"],
            NumbersCheck.Run(Fixture("08-dcgan.ipynb")).Where(u => u.CellId == "b2849f09d643").Select(u => u.Number));

    [Fact]
    public void Assert_UnshownNumbers_FailsListingEachWithWhatToDo()
    {
        using var temp = new TempDirectory("gannotes-numbers-");
        string path = temp.Combine("02.ipynb");
        File.WriteAllText(path, Of([Markdown(Sentence)]).ToJson());

        var error = Assert.Throws<XunitException>(() => NumbersCheck.Assert(path));

        Assert.StartsWith("02.ipynb: 3 number(s) in the text", error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.gan_notes.constants", error.Message, StringComparison.Ordinal);
        Assert.Contains($"  cell 0 (cell-0): 5% in \"{Sentence}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_EveryNumberShown_Passes()
    {
        using var temp = new TempDirectory("gannotes-numbers-");
        string path = temp.Combine("ok.ipynb");
        File.WriteAllText(path, Of([Code("Console.WriteLine(0.894);", Stdout("0.894\n")), Markdown("It prints 0.894.")]).ToJson());

        NumbersCheck.Assert(path);
    }
}
