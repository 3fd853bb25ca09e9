using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The runner's handle on the worker process that runs one notebook's cells (papermill's
/// kernel manager, in small). The worker is started fresh for each notebook; a cell that ends
/// it (stack overflow, an exception on a thread of its own, <c>Environment.Exit</c>) becomes that
/// cell's error, with what the worker printed as it died. A cell past its time limit, or a run
/// cancelled by the user, is stopped by killing the worker: nothing waits on the cell.
/// </summary>
internal sealed class NotebookWorker : IAsyncDisposable
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly NamedPipeServerStream pipe;
    private readonly WorkerChannel channel;
    private readonly WorkerLog log = new();
    private readonly string notebookFolder;

    private NotebookWorker(Process process, NamedPipeServerStream pipe, string notebookPath)
    {
        this.process = process;
        this.pipe = pipe;
        channel = new WorkerChannel(pipe);
        notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
    }

    /// <summary>
    /// Starts a worker and opens <paramref name="notebookPath"/>'s script session in it; returns
    /// once the script engine is warm (this start-up is not part of any cell's time).
    /// </summary>
    /// <exception cref="NotebookWorkerException">The worker could not start, or died while starting.</exception>
    public static async Task<NotebookWorker> StartAsync(string notebookPath, CancellationToken cancellationToken)
    {
        string pipeName = $"gan-notes-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var pipe = new NamedPipeServerStream(
            pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);
        Process process;
        try
        {
            process = Process.Start(WorkerLaunch.StartInfo(pipeName, Path.GetDirectoryName(Path.GetFullPath(notebookPath))!))
                ?? throw new NotebookWorkerException($"the notebook worker for {notebookPath} did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or NotebookWorkerException)
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw e as NotebookWorkerException ?? new NotebookWorkerException($"cannot start the notebook worker: {e.Message}", e);
        }
        var worker = new NotebookWorker(process, pipe, notebookPath);
        try
        {
            var connected = pipe.WaitForConnectionAsync(cancellationToken);
            if (await Task.WhenAny(connected, process.WaitForExitAsync(cancellationToken)).ConfigureAwait(false) != connected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw await worker.DiedWhileStartingAsync().ConfigureAwait(false);
            }
            await connected.ConfigureAwait(false);
            worker.channel.Send(WorkerMessages.Open(Path.GetFullPath(notebookPath))); // the worker runs in the notebook's folder
            var reply = await worker.channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (reply is null || WorkerMessages.Kind(reply) != "ready")
            {
                throw await worker.DiedWhileStartingAsync().ConfigureAwait(false);
            }
            return worker;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            var died = await worker.DiedWhileStartingAsync().ConfigureAwait(false);
            await worker.DisposeAsync().ConfigureAwait(false);
            throw died;
        }
        catch
        {
            worker.Kill();
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs one cell: its outputs, its error (null when clean), and its status. The time limit
    /// counts from sending the cell to its last output.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run was cancelled; the worker has been killed.</exception>
    public async Task<(JsonArray Outputs, CellError? Error, CellRunStatus Status)> RunCellAsync(
        string code, int cellNumber, int executionCount, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var outputs = new CellOutputs();
        using var limit = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            channel.Send(WorkerMessages.Run(code, cellNumber, executionCount));
            if (timeout is TimeSpan t)
            {
                limit.CancelAfter(t);
            }
            while (await channel.ReceiveAsync(linked.Token).ConfigureAwait(false) is { } message)
            {
                if (WorkerMessages.Kind(message) == "done")
                {
                    var error = WorkerMessages.ErrorOf(message);
                    return (outputs.Close(error), error, error is null ? CellRunStatus.Succeeded : CellRunStatus.Failed);
                }
                outputs.Apply(message);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Kill();
            var timedOut = ErrorReport.Timeout(cellNumber, timeout!.Value);
            return (outputs.Close(timedOut), timedOut, CellRunStatus.TimedOut);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            log.Add(e.Message);
        }
        // The pipe closed before the cell was done: the worker died in this cell.
        int exitCode = await ExitCodeAsync().ConfigureAwait(false);
        var died = ErrorReport.WorkerExited(cellNumber, exitCode, log.Text, notebookFolder);
        return (outputs.Close(died), died, CellRunStatus.Failed);
    }

    /// <summary>True once the worker process has ended (killed after a time-out, or died in a cell).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Closes the pipe, which ends a healthy worker; kills one that does not end.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            channel.Dispose(); // flushes nothing that matters: every message was flushed when sent
        }
        catch (IOException)
        {
            // the worker is gone
        }
        await pipe.DisposeAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private async Task<int> ExitCodeAsync()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            // Also waits for the worker's last words on stdout and stderr.
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(); // it closed the pipe but will not end
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return process.ExitCode;
    }

    private async Task<NotebookWorkerException> DiedWhileStartingAsync()
    {
        int exitCode = await ExitCodeAsync().ConfigureAwait(false);
        string said = log.Text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";
        return new NotebookWorkerException($"the notebook worker died while starting (exit code {exitCode}): {said}");
    }

    /// <summary>The worker's own stdout and stderr, kept up to a bound for the report of its death.</summary>
    private sealed class WorkerLog
    {
        private const int MaxChars = 64 * 1024;
        private readonly Lock gate = new();
        private readonly StringBuilder text = new();

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (gate)
            {
                if (text.Length < MaxChars)
                {
                    text.Append(line).Append('\n');
                }
            }
        }
    }
}
