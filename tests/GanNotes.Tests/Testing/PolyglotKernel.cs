using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Tests.Testing;

/// <summary>
/// Runs a notebook in the .NET Interactive kernel (the engine of Polyglot Notebooks) through
/// Jupyter's nbclient: the tool pinned in <c>.config/dotnet-tools.json</c>, restored with
/// <c>dotnet tool restore</c>, and Debian's <c>python3-nbclient</c>. The kernel spec lives in a
/// folder of its own (on JUPYTER_PATH) and starts the tool's dll directly, so no global install
/// and no <c>dotnet-interactive jupyter install</c> is needed and the user's kernels are not touched.
/// </summary>
internal static class PolyglotKernel
{
    private const string Python = "/usr/bin/python3";
    private const string PackageId = "microsoft.dotnet-interactive";

    private static readonly Lazy<string> KernelSpecFolder = new(CreateKernelSpecFolder, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kernels started at the same moment race for the first free port of --http-port-range, and
    // the loser dies before it answers ("Kernel died before replying to kernel_info"), so the
    // test classes that use the kernel take turns (a semaphore, so that async tests can hold it).
    private static readonly SemaphoreSlim OneKernelAtATime = new(1, 1);

    /// <summary>The tool version pinned in the repository's tool manifest.</summary>
    public static string ToolVersion { get; } = ReadPinnedVersion();

    /// <summary>
    /// The folder to put on JUPYTER_PATH for the kernel spec <c>.net-csharp</c> (made on first use,
    /// restoring the tool when it is missing), for a Jupyter server of a test's own.
    /// </summary>
    public static string KernelSpecPath => KernelSpecFolder.Value;

    /// <summary>
    /// Waits until no other test of this process runs the kernel, and holds that turn until the
    /// result is disposed: a test that starts the kernel by other means (a Jupyter server) takes
    /// its turn with this.
    /// </summary>
    public static async Task<IDisposable> TakeTurnAsync()
    {
        await OneKernelAtATime.WaitAsync();
        return new Turn();
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> in the kernel and returns the executed notebook (also
    /// written to <paramref name="output"/>) and what the runner printed (its time).
    /// <paramref name="injectedCode"/>, when given, runs in a cell right after the parameters cell;
    /// <paramref name="folder"/>, when given, is the kernel's working folder instead of the notebook's.
    /// </summary>
    public static (JsonNode Notebook, string Log) Run(
        string notebook, string output, string? injectedCode = null, TimeSpan? cellTimeout = null, string? folder = null)
    {
        Assert.True(File.Exists(Python), $"Running notebooks in the .NET Interactive kernel needs {Python} with python3-nbclient (tests/test.sh installs it).");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "GanNotes.Tests", "Testing", "run_in_kernel.py"));
        start.ArgumentList.Add(notebook);
        start.ArgumentList.Add(output);
        if (injectedCode is not null)
        {
            start.ArgumentList.Add("--inject");
            start.ArgumentList.Add(injectedCode);
        }
        if (folder is not null)
        {
            start.ArgumentList.Add("--folder");
            start.ArgumentList.Add(folder);
        }
        start.ArgumentList.Add("--timeout");
        start.ArgumentList.Add(((int)(cellTimeout ?? TimeSpan.FromMinutes(5)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["JUPYTER_PATH"] = KernelSpecFolder.Value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        string stdout, errors;
        int exitCode;
        OneKernelAtATime.Wait();
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            errors = stderr.Result;
            exitCode = process.ExitCode;
        }
        finally
        {
            OneKernelAtATime.Release();
        }
        Assert.False(errors.Contains("No module named 'nbclient'", StringComparison.Ordinal) || errors.Contains("No module named 'nbformat'", StringComparison.Ordinal),
            "python3-nbclient is not installed: apt-get install python3-nbclient (tests/test.sh installs it).");
        Assert.True(exitCode == 0, $"nbclient could not run {Path.GetFileName(notebook)} in the .NET Interactive kernel (exit {exitCode}):\n{LastLines(errors, 30)}");
        return (JsonNode.Parse(File.ReadAllText(output))!, stdout.Trim());
    }

    private static string CreateKernelSpecFolder()
    {
        string dll = ToolEntryPoint();
        string folder = Directory.CreateTempSubdirectory("gannotes-kernelspec-").FullName;
        string spec = Path.Combine(folder, "kernels", ".net-csharp");
        Directory.CreateDirectory(spec);
        // The argv of `dotnet-interactive jupyter install`, with the tool's dll in place of `dotnet interactive`.
        var kernel = new JsonObject
        {
            ["argv"] = new JsonArray("dotnet", dll, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"),
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
        };
        File.WriteAllText(Path.Combine(spec, "kernel.json"), kernel.ToJsonString());
        return folder;
    }

    /// <summary>The tool's entry dll in the NuGet packages folder, restored first when missing.</summary>
    private static string ToolEntryPoint()
    {
        string packages = Dotnet("nuget", "locals", "global-packages", "--list").Split(':', 2)[1].Trim();
        string dll = Path.Combine(packages, PackageId, ToolVersion, "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");
        if (!File.Exists(dll))
        {
            Dotnet("tool", "restore");
        }
        Assert.True(File.Exists(dll), $"dotnet tool restore did not bring {PackageId} {ToolVersion} to {dll}.");
        return dll;
    }

    private static string Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed (exit {process.ExitCode}):\n{stdout}{stderr.Result}");
        return stdout;
    }

    private static string ReadPinnedVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".config", "dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty(PackageId).GetProperty("version").GetString()!;
    }

    private static string LastLines(string text, int count) =>
        string.Join('\n', text.Split('\n').TakeLast(count));

    private sealed class Turn : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                OneKernelAtATime.Release();
            }
        }
    }
}
