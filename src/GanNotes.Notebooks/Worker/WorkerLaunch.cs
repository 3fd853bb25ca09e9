using System.Diagnostics;
using System.Globalization;

namespace GanNotes.Notebooks;

/// <summary>
/// How the runner starts its worker: <c>gan-notes-worker.dll</c> lies next to the runner's own
/// assembly (the projects that use the runner reference GanNotes.Notebooks.Worker), and runs on
/// the same .NET the runner runs on, through that installation's <c>dotnet</c> host; a
/// self-contained build has no such host and starts the worker's own executable instead.
/// </summary>
internal static class WorkerLaunch
{
    public const string AssemblyName = "gan-notes-worker";

    /// <summary>
    /// The worker's start: it runs in <paramref name="workingDirectory"/>, the notebook's folder, as
    /// Jupyter and VS Code start a kernel, so a cell's relative paths mean the same in every engine.
    /// </summary>
    /// <exception cref="NotebookWorkerException">The worker is not where it should be.</exception>
    public static ProcessStartInfo StartInfo(string pipeName, string workingDirectory)
    {
        string folder = Path.GetDirectoryName(typeof(WorkerLaunch).Assembly.Location) is { Length: > 0 } own ? own : AppContext.BaseDirectory;
        string dll = Path.Combine(folder, AssemblyName + ".dll");
        string apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? AssemblyName + ".exe" : AssemblyName);
        ProcessStartInfo info;
        if (File.Exists(dll) && DotnetHost() is { } dotnet)
        {
            info = new ProcessStartInfo(dotnet);
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(dll);
        }
        else if (File.Exists(apphost))
        {
            info = new ProcessStartInfo(apphost);
        }
        else
        {
            throw new NotebookWorkerException(
                $"the notebook worker {AssemblyName}.dll is missing from {folder}; rebuild (the runner's projects reference GanNotes.Notebooks.Worker)");
        }
        info.ArgumentList.Add(pipeName);
        info.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        info.UseShellExecute = false;
        info.WorkingDirectory = workingDirectory;
        // Cells cannot read the terminal (a notebook has no input), and their stray output is
        // kept for the report of a worker that dies.
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // A crashing cell is reported in the notebook; a core dump of the worker would only fill the disk.
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        return info;
    }

    /// <summary>
    /// The <c>dotnet</c> host of the running .NET: the runtime lives in
    /// <c>ROOT/shared/Microsoft.NETCore.App/VERSION/</c>, the host is <c>ROOT/dotnet</c>.
    /// </summary>
    private static string? DotnetHost()
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "", "..", "..", ".."));
        string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : null;
    }
}
