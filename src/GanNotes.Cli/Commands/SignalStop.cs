using System.Runtime.InteropServices;

namespace GanNotes.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (the signal of <c>kill</c>, <c>timeout</c> and <c>docker stop</c>)
/// as a cancellation. System.CommandLine 2.0 leaves both alone by default, so a command that must
/// stop cleanly (save a checkpoint, end a worker, leave files unchanged) takes them: the first
/// signal cancels <see cref="Token"/> and keeps the process alive until the command returns; a
/// second one ends the process at once.
/// </summary>
internal sealed class SignalStop : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly PosixSignalRegistration sigint;
    private readonly PosixSignalRegistration sigterm;

    /// <param name="cancellationToken">The command's own token; cancelling it stops too.</param>
    public SignalStop(CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>True once a signal (or the command's token) asked to stop.</summary>
    public bool Requested => stop.IsCancellationRequested;

    public void Dispose()
    {
        sigint.Dispose();
        sigterm.Dispose();
        stop.Dispose();
    }

    private void Stop(PosixSignalContext signal)
    {
        signal.Cancel = !stop.IsCancellationRequested;
        stop.Cancel();
    }
}
