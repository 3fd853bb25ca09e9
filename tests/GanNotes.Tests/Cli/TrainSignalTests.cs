using System.Diagnostics;
using GanNotes.Cli.Commands;
using GanNotes.Gan;
using GanNotes.Tests.Gan;

namespace GanNotes.Tests.Cli;

/// <summary>
/// <c>gan-notes train</c> as a process of its own, stopped by SIGTERM, the signal of
/// <c>kill</c>, <c>timeout</c> and <c>docker stop</c> (POSIX): it saves a checkpoint as Ctrl+C does.
/// </summary>
public sealed class TrainSignalTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Train_Sigterm_StopsAfterTheStepSavesCheckpointAndResumes()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        using var process = CliRunner.StartProcess(CliRunner.Tiny("fashion-mnist", dir, "--epochs", "100000", "--data", data));
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            output.AppendLine(line);
            if (line.StartsWith("epoch 2/", StringComparison.Ordinal))
            {
                break; // training is under way: two epochs done
            }
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        output.Append(await process.StandardOutput.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(process.ExitCode == GanNotes.Cli.Cli.Interrupted, $"exit {process.ExitCode}\n{output}\n{await stderr}");
        Assert.Contains("Stopped at step ", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(RunFolder.LastCheckpointPath(dir)));
        var resumed = TrainingRun.Resume(dir, epochs: 1000, dataDirectory: data);
        Assert.True(resumed.Trainer.Step >= 8, $"resumed at step {resumed.Trainer.Step}");
        Assert.Equal(resumed.Trainer.Step, RunHistory.Read(RunFolder.HistoryPath(dir)).Count);
    }
}
