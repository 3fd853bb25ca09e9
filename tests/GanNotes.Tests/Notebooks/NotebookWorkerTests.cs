using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// Cells run in a worker process: a cell that ends that process becomes its own error in the
/// saved notebook, and a cell past its time limit or a cancelled run is stopped by ending it.
/// </summary>
public sealed class NotebookWorkerTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Task<(NotebookRunResult Result, JsonArray Cells)> RunAsync(string name, TimeSpan? timeout = null) =>
        folder.RunInPlaceAsync(name, timeout);

    private static JsonObject Output(JsonArray cells, int cellNumber, int index) => cells[cellNumber - 1]!["outputs"]!.AsArray()[index]!.AsObject();

    private static string Text(JsonNode? node) => string.Concat(node!.AsArray().Select(l => l!.GetValue<string>()));

    [Fact]
    public async Task RunAsync_StackOverflow_IsThatCellsErrorAndLaterCellsDoNotRun()
    {
        var (result, cells) = await RunAsync("stack-overflow.ipynb");

        Assert.Equal("before\n", Text(Output(cells, 1, 0)["text"]));
        Assert.Equal("recursing\n", Text(Output(cells, 2, 0)["text"]));
        var error = Output(cells, 2, 1);
        Assert.Equal("System.StackOverflowException", error["ename"]!.GetValue<string>());
        Assert.StartsWith("stack overflow in cell 2", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ended the process that runs the notebook", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        var traceback = error["traceback"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.Contains(traceback, l => l.Contains("Deeper(Int32)", StringComparison.Ordinal)); // the worker's own report
        Assert.InRange(traceback.Count, 2, 62);
        Assert.Equal(1, result.Error!.CellIndex);
        Assert.Equal([CellRunStatus.Succeeded, CellRunStatus.Failed, CellRunStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Empty(cells[2]!["outputs"]!.AsArray());
    }

    [Fact]
    public async Task RunAsync_EnvironmentExit_IsThatCellsErrorWithWhatItWroteFirst()
    {
        var (result, cells) = await RunAsync("environment-exit.ipynb");

        Assert.Equal("leaving", Text(Output(cells, 1, 0)["text"]));
        var error = Output(cells, 1, 1);
        Assert.Equal("WorkerExitedException", error["ename"]!.GetValue<string>());
        Assert.Equal(
            "cell 1 ended the process that runs the notebook (exit code 0), e.g. with Environment.Exit; the run stopped here",
            error["evalue"]!.GetValue<string>());
        Assert.False(result.Succeeded);
        Assert.Equal(CellRunStatus.NotRun, result.Cells[1].Status);
    }

    [Fact]
    public async Task RunAsync_ExceptionOnAThreadOfItsOwn_IsThatCellsErrorWithTypeMessageAndLine()
    {
        var (result, cells) = await RunAsync("thread-exception.ipynb");

        var error = Output(cells, 1, 0);
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.StartsWith("thrown on a thread of its own (not caught on a thread other than cell 1's own", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        var traceback = error["traceback"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.Contains("Unhandled exception. System.InvalidOperationException: thrown on a thread of its own", traceback);
        Assert.DoesNotContain(traceback, l => l.Contains(folder.Path, StringComparison.Ordinal));
        Assert.Equal(new NotebookRunError(0, 1, "System.InvalidOperationException", $"System.InvalidOperationException: {error["evalue"]}"), result.Error);
    }

    [Fact]
    public async Task RunAsync_CellPastTimeout_EndsTheProcessRunningIt()
    {
        var (result, cells) = await RunAsync("timeout.ipynb", TimeSpan.FromSeconds(2));

        Assert.Equal(CellRunStatus.TimedOut, result.Cells[1].Status);
        string printed = Text(Output(cells, 2, 0)["text"]);
        int worker = int.Parse(printed.Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.NotEqual(Environment.ProcessId, worker);
        Assert.False(IsRunning(worker), $"process {worker} still runs the timed-out cell");
    }

    [Fact]
    public async Task RunAsync_CancelledDuringCell_StopsAtOnceAndWritesNothing()
    {
        string path = folder["timeout.ipynb"];
        byte[] before = File.ReadAllBytes(path);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.CellIndex == 1 && p.Status == CellRunStatus.Running)
            {
                cancel.CancelAfter(TimeSpan.FromSeconds(1));
            }
        });
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = path }, progress, cancel.Token));

        // The cell busy-waits for 60 s and never looks at the token: only ending its process stops it.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"cancelling took {watch.Elapsed}");
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class SyncProgress(Action<NotebookProgress> report) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value) => report(value);
    }
}
