using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// How a run fails: compile errors, runtime errors, a timeout, a NuGet reference, bad
/// parameters and malformed files; asserted on the saved notebook.
/// </summary>
public sealed class NotebookRunnerFailureTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Task<(NotebookRunResult Result, JsonArray Cells)> RunAsync(string name, TimeSpan? timeout = null) =>
        folder.RunInPlaceAsync(name, timeout);

    private static JsonObject ErrorOutput(JsonArray cells, int cellNumber)
    {
        var error = cells[cellNumber - 1]!["outputs"]!.AsArray()[^1]!.AsObject();
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        return error;
    }

    private static List<string> Lines(JsonNode? node) => node!.AsArray().Select(l => l!.GetValue<string>()).ToList();

    [Fact]
    public async Task RunAsync_CompileError_SavesRoslynDiagnosticWithCellRelativePosition()
    {
        var (result, cells) = await RunAsync("compile-error.ipynb");

        var error = ErrorOutput(cells, 2);
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Equal(["(2,9): error CS0103: The name 'nope' does not exist in the current context"], Lines(error["traceback"]));
        Assert.Contains("(2,9): error CS0103", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new NotebookRunError(1, 2, "CompilationError", "CS0103: The name 'nope' does not exist in the current context"), result.Error);
        Assert.Equal(2, cells[1]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_FailedCell_LaterCellsLoseStaleOutputsLikePapermill()
    {
        var (result, cells) = await RunAsync("compile-error.ipynb");

        Assert.Empty(cells[2]!["outputs"]!.AsArray());
        Assert.Null(cells[2]!["execution_count"]);
        Assert.Equal(CellRunStatus.NotRun, result.Cells[2].Status);
        Assert.Equal("The cell above keeps no stale output after a failed run.", NotebookDocument.Load(folder["compile-error.ipynb"]).Cells[3].Source);
    }

    [Fact]
    public async Task RunAsync_RuntimeError_SavesTypeMessageTracebackAndCellLine()
    {
        var (result, cells) = await RunAsync("runtime-error.ipynb");

        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Equal("before\n", string.Concat(Lines(outputs[0]!["text"])));
        var error = ErrorOutput(cells, 2);
        Assert.Equal("System.DivideByZeroException", error["ename"]!.GetValue<string>());
        Assert.Equal("Attempted to divide by zero.", error["evalue"]!.GetValue<string>());
        var traceback = Lines(error["traceback"]);
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", traceback[0]);
        Assert.Contains(traceback, l => l.EndsWith("in runtime-error.ipynb[cell 2]:line 4", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, l => l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, l => l.Contains(folder.Path, StringComparison.Ordinal));
        Assert.Equal(1, result.Error!.CellIndex);
        Assert.Equal(4, result.Error.Line);
        Assert.Empty(cells[2]!["outputs"]!.AsArray());
    }

    [Fact]
    public async Task RunAsync_CellPastTimeout_SavesTimeoutErrorAndStops()
    {
        var (result, cells) = await RunAsync("timeout.ipynb", TimeSpan.FromSeconds(2));

        var error = ErrorOutput(cells, 2);
        Assert.Equal("TimeoutException", error["ename"]!.GetValue<string>());
        Assert.Equal("cell 2 did not finish within 2 s (the per-cell timeout); the run stopped here", error["evalue"]!.GetValue<string>());
        Assert.Equal(CellRunStatus.TimedOut, result.Cells[1].Status);
        Assert.InRange(result.Cells[1].Duration, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10)); // timer granularity
        Assert.Equal(CellRunStatus.NotRun, result.Cells[2].Status);
        Assert.Equal("start\n", string.Concat(Lines(cells[0]!["outputs"]![0]!["text"])));
    }

    [Fact]
    public async Task RunAsync_NugetReference_RefusedBeforeCompiling()
    {
        var (result, cells) = await RunAsync("nuget-reference.ipynb");

        var error = ErrorOutput(cells, 1);
        Assert.Equal("NotSupportedException", error["ename"]!.GetValue<string>());
        string message = error["evalue"]!.GetValue<string>();
        Assert.StartsWith("#r \"nuget: Newtonsoft.Json, 13.0.3\" is not supported: the GanNotes runner never fetches packages", message, StringComparison.Ordinal);
        Assert.Equal(1, result.Error!.Line);
    }

    [Fact]
    public async Task RunAsync_MalformedNotebook_ThrowsAndLeavesFileUnchanged()
    {
        string path = folder["broken.ipynb"];
        byte[] bytes = "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\"}"u8.ToArray();
        File.WriteAllBytes(path, bytes);

        var e = await Assert.ThrowsAsync<NotebookFormatException>(
            () => NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = path }));

        Assert.StartsWith($"{path}: not a valid notebook: invalid JSON at line 1", e.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task RunAsync_UnknownParameter_ThrowsNamingBothAndRunsNothing()
    {
        string path = folder["runner-fixture.ipynb"];
        byte[] before = File.ReadAllBytes(path);
        var options = new NotebookRunOptions { OutputPath = path, Parameters = [ParameterAssignment.Parse("epoch=2")] };

        var e = await Assert.ThrowsAsync<NotebookParameterException>(() => NotebookRunner.RunAsync(path, options));

        Assert.Contains("no parameter 'epoch'", e.Message, StringComparison.Ordinal);
        Assert.Contains("runner-fixture.ipynb", e.Message, StringComparison.Ordinal);
        Assert.Contains("epochs, lr, name, quick", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task RunAsync_ParameterOfWrongType_ThrowsNamingValueAndType()
    {
        string path = folder["runner-fixture.ipynb"];
        var options = new NotebookRunOptions { Parameters = [ParameterAssignment.Parse("epochs=2.5")] };

        var e = await Assert.ThrowsAsync<NotebookParameterException>(() => NotebookRunner.RunAsync(path, options));

        Assert.Contains("'epochs'", e.Message, StringComparison.Ordinal);
        Assert.Contains("is an int (`int epochs = 20`), and '2.5' is not an int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ParametersWithoutParametersCell_Throws()
    {
        var options = new NotebookRunOptions { Parameters = [ParameterAssignment.Parse("epochs=2")] };

        var e = await Assert.ThrowsAsync<NotebookParameterException>(
            () => NotebookRunner.RunAsync(folder["compile-error.ipynb"], options));

        Assert.Contains("has no code cell tagged \"parameters\"", e.Message, StringComparison.Ordinal);
    }
}
