using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// Runs tests/data/notebooks/runner-fixture.ipynb end to end and checks what was saved:
/// state across cells, #r of a relative dll and its dependency, display, HTML, Display(),
/// trailing expressions, stdout/stderr, a parameters override and rich output through the
/// TypeFormatterSource convention.
/// </summary>
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<(NotebookRunResult Result, JsonArray Cells)> RunFixtureAsync(params string[] sets)
    {
        string path = folder["runner-fixture.ipynb"];
        var options = new NotebookRunOptions
        {
            Parameters = sets.Select(ParameterAssignment.Parse).ToList(),
            OutputPath = path,
            CellTimeout = TimeSpan.FromSeconds(60),
        };
        var result = await NotebookRunner.RunAsync(path, options);
        NbformatSchema.AssertValid(path);
        var saved = JsonNode.Parse(File.ReadAllText(path))!;
        return (result, saved["cells"]!.AsArray());
    }

    private static JsonArray Outputs(JsonArray cells, int cellNumber) => cells[cellNumber - 1]!["outputs"]!.AsArray();

    private static string Text(JsonNode? multiline) =>
        multiline is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : multiline!.GetValue<string>();

    [Fact]
    public async Task RunAsync_FixtureWithOverrides_SucceedsAndSavesOutputs()
    {
        var (result, cells) = await RunFixtureAsync("epochs=2", "name=quick run");

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(7, result.ExecutedCells);
        var stdout = Outputs(cells, 3).Single();
        Assert.Equal("stream", stdout!["output_type"]!.GetValue<string>());
        Assert.Equal("stdout", stdout["name"]!.GetValue<string>());
        Assert.Equal("epochs=2 lr=0.0002 name=quick run quick=False\n", Text(stdout["text"]));
    }

    [Fact]
    public async Task RunAsync_Overrides_RecordedInMetadataAndSourceUnchanged()
    {
        string originalSource = NotebookDocument.Load(folder["runner-fixture.ipynb"]).Cells[1].Source;

        var (result, cells) = await RunFixtureAsync("epochs=2", "lr=1e-3", "quick=true");

        var saved = NotebookDocument.Load(folder["runner-fixture.ipynb"]);
        var recorded = saved.Metadata["gan_notes"]!["parameters"]!;
        Assert.Equal(2, recorded["epochs"]!.GetValue<int>());
        Assert.Equal(1e-3, recorded["lr"]!.GetValue<double>());
        Assert.True(recorded["quick"]!.GetValue<bool>());
        Assert.Equal(originalSource, saved.Cells[1].Source);
        Assert.Contains("epochs=2 lr=0.001 name=full quick=True", Text(Outputs(cells, 3)[0]!["text"]), StringComparison.Ordinal);
        Assert.Equal(3, result.Parameters!.Count);
    }

    [Fact]
    public async Task RunAsync_NoOverrides_RemovesRecordOfAnEarlierRun()
    {
        await RunFixtureAsync("epochs=2");

        await RunFixtureAsync();

        Assert.Null(NotebookDocument.Load(folder["runner-fixture.ipynb"]).Metadata["gan_notes"]);
    }

    [Fact]
    public async Task RunAsync_CellsRunInTheNotebooksFolder_AsInJupyterAndVsCode()
    {
        // Relative paths in a cell (the course's results/ files) and in #r must mean the same in every engine.
        string sub = Directory.CreateDirectory(folder["course"]).FullName;
        File.WriteAllText(Path.Combine(sub, "note.txt"), "read from the notebook's folder");
        string path = Path.Combine(sub, "cwd.ipynb");
        File.WriteAllText(path, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],
                        "source": ["#r \"../GanFixture.dll\"\n", "Console.WriteLine(System.IO.File.ReadAllText(\"note.txt\") + \", \" + GanFixture.Helper.UseDependency());"]}],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "C#"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        // A path relative to the caller's folder, as `gan-notes notebooks run notebooks/x.ipynb` gives it.
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var result = await NotebookRunner.RunAsync(relative, new NotebookRunOptions { OutputPath = path, CellTimeout = TimeSpan.FromSeconds(60) });

        Assert.True(result.Succeeded, result.Error?.ToString());
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        Assert.Equal("read from the notebook's folder, hello notebook from a dependency\n", Text(Outputs(cells, 1).Single()!["text"]));
    }

    [Fact]
    public async Task RunAsync_TrailingExpression_IsExecuteResultWithStateFromEarlierCells()
    {
        var (_, cells) = await RunFixtureAsync("epochs=2");

        // Cell 4 had a stale result (execution count 99); it now holds total + 1 = 2 * 10 + 1.
        var result = Outputs(cells, 4).Single()!;
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal("<div class=\"dni-plaintext\"><pre>21</pre></div>", Text(result["data"]!["text/html"]));
        Assert.Equal(3, result["execution_count"]!.GetValue<int>());
        Assert.Equal(3, cells[3]!["execution_count"]!.GetValue<int>());
        Assert.Equal(1, cells[1]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_DisplayHtmlAndStderr_SavedInOrder()
    {
        var (_, cells) = await RunFixtureAsync();

        var outputs = Outputs(cells, 5);
        Assert.Equal(["display_data", "stream", "execute_result"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("<b>bold</b>", Text(outputs[0]!["data"]!["text/html"]));
        Assert.Single(outputs[0]!["data"]!.AsObject());
        Assert.Equal("stderr", outputs[1]!["name"]!.GetValue<string>());
        Assert.Equal("to stderr\n", Text(outputs[1]!["text"]));
        Assert.Equal("trailing", Text(outputs[2]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task RunAsync_TypeFormatterSourceWithPreferredMimeTypes_BothMimeTypesInOneResult()
    {
        var (_, cells) = await RunFixtureAsync();

        var data = Outputs(cells, 6).Single()!["data"]!.AsObject();
        Assert.Equal(["image/png", "text/html"], data.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("<div class=\"chart\">loss</div>", Text(data["text/html"]));
        // image/png is one base64 string, as the formatter wrote it (not split into lines).
        Assert.Equal(FixtureAssemblies.PngBase64, data["image/png"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_DisplayExtensionAndDependencyOfReferencedDll_Work()
    {
        var (_, cells) = await RunFixtureAsync();

        var outputs = Outputs(cells, 7);
        Assert.Equal("display_data", outputs[0]!["output_type"]!.GetValue<string>());
        var display = outputs[0]!["data"]!.AsObject();
        Assert.Equal("<span class=\"badge\">b</span>", Text(display["text/html"]));
        Assert.Equal(FixtureAssemblies.PngBase64, display["image/png"]!.GetValue<string>());
        Assert.Equal("hello notebook from a dependency", Text(outputs[1]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task RunAsync_OtherKernelMarkdownAndRawCells_LeftUntouched()
    {
        var before = JsonNode.Parse(File.ReadAllText(folder["runner-fixture.ipynb"]))!["cells"]!.AsArray();

        var (result, cells) = await RunFixtureAsync();

        foreach (int number in new[] { 1, 8, 9 })
        {
            Assert.True(JsonNode.DeepEquals(before[number - 1], cells[number - 1]), $"cell {number} changed");
        }
        Assert.Equal(CellRunStatus.Skipped, result.Cells[7].Status);
        Assert.Contains("fsharp", result.Cells[7].Note, StringComparison.Ordinal);
        Assert.Equal(CellRunStatus.NotCode, result.Cells[8].Status);
    }

    [Fact]
    public async Task RunAsync_ConsoleWritesAcrossAwaitAndTrailingDisplay_OneStreamThenOneDisplay()
    {
        var (_, cells) = await RunFixtureAsync();

        var outputs = Outputs(cells, 10);
        Assert.Equal("no newline, then a newline\nafter await\n", Text(outputs[0]!["text"]));
        Assert.Equal("42", Text(outputs[1]!["data"]!["text/plain"]));
        Assert.Equal(2, outputs.Count); // the trailing display(...) handle is not shown as a result
    }

    [Fact]
    public async Task RunAsync_Progress_ReportsEachCodeCellStartAndEnd()
    {
        var reports = new List<NotebookProgress>();
        string path = folder["runner-fixture.ipynb"];

        await NotebookRunner.RunAsync(path, new NotebookRunOptions(), new SyncProgress(reports.Add));

        Assert.Equal(14, reports.Count); // 7 C# cells, a start and an end each
        Assert.All(reports, r => Assert.Equal(10, r.CellCount));
        Assert.Equal(CellRunStatus.Running, reports[0].Status);
        Assert.Equal(2, reports[0].CellNumber);
        Assert.Equal(CellRunStatus.Succeeded, reports[^1].Status);
        Assert.Equal(10, reports[^1].CellNumber);
    }

    private sealed class SyncProgress(Action<NotebookProgress> report) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value) => report(value);
    }
}
