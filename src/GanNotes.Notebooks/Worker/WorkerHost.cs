using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The worker process's side (<c>gan-notes-worker PIPE</c>): connects to the runner's pipe, opens
/// one notebook's script session, and runs the cells it is sent, one after another, mirroring
/// each output to the runner as it happens. Whatever a cell does to this process (overflow the
/// stack, throw on a thread of its own, call <c>Environment.Exit</c>) ends only the worker; the
/// runner sees the pipe close and records it in that cell (<see cref="NotebookWorker"/>).
/// </summary>
/// <remarks>
/// The runner alone decides when the worker stops: Ctrl+C in a terminal signals the whole
/// process group, so the worker ignores SIGINT and SIGTERM and lets the runner end it (and keep
/// the notebook unchanged). A worker whose runner has gone exits on its own.
/// </remarks>
internal static class WorkerHost
{
    private const int ConnectTimeoutMilliseconds = 30_000;
    private static readonly TimeSpan RunnerCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The worker's main: returns 0 when the runner closes the pipe, 2 on a bad command line or message.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [string pipeName, string runnerText]
            || !int.TryParse(runnerText, NumberStyles.None, CultureInfo.InvariantCulture, out int runnerId))
        {
            await Console.Error.WriteLineAsync("gan-notes-worker runs notebook cells for 'gan-notes notebooks run'; it is started by the runner, not by hand").ConfigureAwait(false);
            return 2;
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => signal.Cancel = true);
        using var watchdog = new Timer(_ => ExitWithoutRunner(runnerId), null, RunnerCheckInterval, RunnerCheckInterval);
        using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);
        await pipe.ConnectAsync(ConnectTimeoutMilliseconds).ConfigureAwait(false);
        using var channel = new WorkerChannel(pipe);
        ConsoleRouter.Install();
        ScriptSession? session = null;
        while (await channel.ReceiveAsync(CancellationToken.None).ConfigureAwait(false) is { } request)
        {
            switch (WorkerMessages.Kind(request))
            {
                case "open" when session is null && request["path"] is JsonValue path:
                    session = new ScriptSession(path.GetValue<string>());
                    session.WarmUp();
                    channel.Send(WorkerMessages.Ready());
                    break;
                case "run" when session is not null:
                    var error = await RunCellAsync(session, request, channel).ConfigureAwait(false);
                    channel.Send(WorkerMessages.Done(error));
                    break;
                default:
                    await Console.Error.WriteLineAsync($"gan-notes-worker: unexpected message {request.ToJsonString()}").ConfigureAwait(false);
                    return 2;
            }
        }
        return 0;
    }

    private static void ExitWithoutRunner(int runnerId)
    {
        try
        {
            using var runner = Process.GetProcessById(runnerId);
            if (!runner.HasExited)
            {
                return;
            }
        }
        catch (ArgumentException)
        {
            // no such process: the runner is gone
        }
        Environment.Exit(1);
    }

    private static async Task<CellError?> RunCellAsync(ScriptSession session, JsonObject request, WorkerChannel channel)
    {
        string code = request["code"]!.GetValue<string>();
        int cellNumber = request["cell"]!.GetValue<int>();
        int executionCount = request["count"]!.GetValue<int>();
        var outputs = new CellOutputs(channel.Send);
        var error = await CellThread.RunAsync(
            () =>
            {
                CellOutputs.SetCurrent(outputs);
                try
                {
                    return session.Execute(code, cellNumber, executionCount, outputs);
                }
#pragma warning disable CA1031 // Whatever escapes the cell (a formatter, the engine) becomes its error output.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    return ErrorReport.FromException(e, session.CellFileName(cellNumber), session.NotebookFolder);
                }
                finally
                {
                    CellOutputs.SetCurrent(null);
                }
            },
            $"notebook cell {cellNumber}").ConfigureAwait(false);
        outputs.Close(); // what the cell's own threads write later belongs to no cell
        return error;
    }
}
