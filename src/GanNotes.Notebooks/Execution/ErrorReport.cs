using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GanNotes.Notebooks;

/// <summary>Builds Jupyter error outputs from Roslyn diagnostics and from exceptions.</summary>
internal static class ErrorReport
{
    private const string UnhandledPrefix = "Unhandled exception. ";
    private const int MaxWorkerLines = 60;

    /// <summary>
    /// Compile errors as Roslyn prints them, positions relative to the cell:
    /// <c>(2,1): error CS0103: The name 'x' does not exist in the current context</c>.
    /// </summary>
    public static CellError FromCompilation(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(Describe).ToList();
        var first = errors[0];
        int? line = first.Location.IsInSource ? first.Location.GetLineSpan().StartLinePosition.Line + 1 : null;
        string summary = $"{first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)}";
        return new CellError("CompilationError", string.Join('\n', lines), lines, line, summary);
    }

    /// <summary>
    /// A runtime exception: ename is its type, evalue its message, the traceback its text
    /// without the scripting engine's frames and without the notebook's folder (a saved
    /// notebook should not carry the path of the machine that ran it). The line is that of the
    /// innermost frame in <paramref name="cellFile"/> (the running cell).
    /// </summary>
    public static CellError FromException(Exception exception, string cellFile, string notebookFolder)
    {
        var e = Unwrap(exception);
        string name = e.GetType().FullName ?? e.GetType().Name;
        string folderPrefix = Path.TrimEndingDirectorySeparator(notebookFolder) + Path.DirectorySeparatorChar;
        var traceback = e.ToString().Split('\n')
            .Select(l => l.TrimEnd('\r').Replace(folderPrefix, "", StringComparison.Ordinal))
            .Where(l => !IsEngineFrame(l))
            .ToList();
        while (traceback.Count > 0 && traceback[^1].StartsWith("--- End of stack trace", StringComparison.Ordinal))
        {
            traceback.RemoveAt(traceback.Count - 1);
        }
        int? line = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            // Roslyn makes the cell's file name absolute against the notebook folder.
            .Where(f => Path.GetFileName(f.GetFileName()) == cellFile && f.GetFileLineNumber() > 0)
            .Select(f => (int?)f.GetFileLineNumber())
            .FirstOrDefault();
        string firstMessageLine = e.Message.Split('\n')[0].TrimEnd('\r');
        return new CellError(name, e.Message, traceback, line, $"{name}: {firstMessageLine}");
    }

    /// <summary>
    /// The stderr text .NET Interactive's Jupyter kernel writes for a submission's diagnostics:
    /// each one as Roslyn prints it, separated by a blank line, with a line break before and a
    /// blank line after (dotnet/interactive, Jupyter/ExecuteRequestHandler.cs).
    /// </summary>
    public static string DiagnosticsText(IEnumerable<Diagnostic> diagnostics) =>
        "\n" + string.Join("\n\n", diagnostics.Select(Describe)) + "\n\n";

    /// <summary>The error of a cell that ran past the time limit.</summary>
    public static CellError Timeout(int cellNumber, TimeSpan limit)
    {
        string message = $"cell {cellNumber} did not finish within {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (the per-cell timeout); the run stopped here";
        return new CellError("TimeoutException", message, [$"TimeoutException: {message}"], null, $"TimeoutException: {message}");
    }

    /// <summary>
    /// The error of a cell during which the worker process ended, from its exit code and what it
    /// printed as it died: .NET's <c>Stack overflow.</c> report, the <c>Unhandled exception.</c>
    /// report of an exception on another thread, or nothing (a cell called <c>Environment.Exit</c>).
    /// </summary>
    public static CellError WorkerExited(int cellNumber, int exitCode, string workerOutput, string notebookFolder)
    {
        string folderPrefix = Path.TrimEndingDirectorySeparator(notebookFolder) + Path.DirectorySeparatorChar;
        var said = workerOutput.Split('\n')
            .Select(l => l.TrimEnd('\r').Replace(folderPrefix, "", StringComparison.Ordinal))
            .SkipWhile(l => l.Trim().Length == 0)
            .ToList();
        while (said.Count > 0 && said[^1].Trim().Length == 0)
        {
            said.RemoveAt(said.Count - 1);
        }
        if (said.Count > MaxWorkerLines)
        {
            int cut = said.Count - MaxWorkerLines;
            said = [.. said.Take(MaxWorkerLines), $"... ({cut} more lines)"];
        }
        string ended = $"it ended the process that runs the notebook (exit code {exitCode}); the run stopped here";
        string name;
        string message;
        string? unhandled = said.FirstOrDefault(l => l.StartsWith(UnhandledPrefix, StringComparison.Ordinal));
        if (said.Any(l => l.Trim() == "Stack overflow."))
        {
            name = "System.StackOverflowException";
            message = $"stack overflow in cell {cellNumber} (recursion without end, or too deep): {ended}";
        }
        else if (unhandled is not null)
        {
            string report = unhandled[UnhandledPrefix.Length..];
            int colon = report.IndexOf(": ", StringComparison.Ordinal);
            name = colon > 0 ? report[..colon] : report;
            string what = colon > 0 ? report[(colon + 2)..] : "unhandled exception";
            message = $"{what} (not caught on a thread other than cell {cellNumber}'s own, which ends the process that runs the notebook, exit code {exitCode}); the run stopped here";
        }
        else
        {
            name = "WorkerExitedException";
            message = $"cell {cellNumber} ended the process that runs the notebook (exit code {exitCode}), "
                + "e.g. with Environment.Exit; the run stopped here";
        }
        int? line = said
            .Select(l => l.IndexOf($"[cell {cellNumber}]:line ", StringComparison.Ordinal) is int at and >= 0
                && int.TryParse(l[(at + $"[cell {cellNumber}]:line ".Length)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
                    ? (int?)n
                    : null)
            .FirstOrDefault(n => n is not null);
        return new CellError(name, message, [$"{name}: {message}", .. said], line, $"{name}: {message}");
    }

    private static string Describe(Diagnostic d)
    {
        string severity = d.Severity.ToString().ToLowerInvariant();
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        if (!d.Location.IsInSource)
        {
            return $"{severity} {d.Id}: {message}";
        }
        var start = d.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1}): {severity} {d.Id}: {message}";
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                default:
                    return e;
            }
        }
    }

    private static bool IsEngineFrame(string line)
    {
        string text = line.TrimStart();
        return text.StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal);
    }
}
