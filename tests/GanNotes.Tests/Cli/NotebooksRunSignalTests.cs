using System.Diagnostics;
using System.Globalization;
using GanNotes.Cli.Commands;
using GanNotes.Tests.Notebooks;

namespace GanNotes.Tests.Cli;

/// <summary>
/// <c>gan-notes notebooks run</c> as a process of its own, interrupted during a cell that never
/// looks at cancellation: the cell's worker process is ended, and no notebook is changed.
/// </summary>
public sealed class NotebooksRunSignalTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Run_SignalDuringBusyCell_EndsItsWorkerLeavesNotebooksUnchangedAndExits130(string signal)
    {
        string busy = folder["timeout.ipynb"];
        string next = folder["runtime-error.ipynb"];
        byte[] busyBefore = File.ReadAllBytes(busy);
        byte[] nextBefore = File.ReadAllBytes(next);
        using var process = CliRunner.StartProcess("notebooks", "run", busy, next, "--inplace");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            output.AppendLine(line);
            if (line.StartsWith("  cell 1 of 3: ok", StringComparison.Ordinal))
            {
                break; // cell 2, the busy loop, is starting
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        var worker = Assert.Single(WorkersOf(process.Id));
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        output.Append(await process.StandardOutput.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)); // the cell alone would run 60 s

        Assert.True(process.ExitCode == GanNotes.Cli.Cli.Interrupted, $"exit {process.ExitCode}\n{output}\n{await stderr}");
        Assert.Equal(
            [$"error: {busy}: interrupted while running; left unchanged", $"error: {next}: not run (interrupted); left unchanged"],
            CliRunner.Lines(await stderr));
        Assert.False(File.Exists($"/proc/{worker}"), $"worker {worker} still runs the interrupted cell");
        Assert.Equal(busyBefore, File.ReadAllBytes(busy));
        Assert.Equal(nextBefore, File.ReadAllBytes(next));
    }

    /// <summary>The worker processes a runner started: their command line ends with the runner's process id.</summary>
    private static List<int> WorkersOf(int runner) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : 0)
            .Where(id => id > 0)
            .Where(id =>
            {
                try
                {
                    var args = File.ReadAllText($"/proc/{id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
                    return args.Any(a => a.EndsWith("gan-notes-worker.dll", StringComparison.Ordinal))
                        && args[^1] == runner.ToString(CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    return false; // ended while we looked
                }
            })
            .ToList();
}
