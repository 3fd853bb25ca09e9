using System.Diagnostics;

namespace GanNotes.Tests.Testing;

/// <summary>
/// NVIDIA's PTX assembler, where it is on PATH: it turns PTX into the machine code of one GPU
/// architecture, as the driver does when it loads a kernel, and rejects what that GPU cannot run.
/// </summary>
internal static class Ptxas
{
    /// <summary>Why a test that needs ptxas is skipped.</summary>
    public const string MissingReason =
        "ptxas is not on PATH: install the CUDA toolkit (Debian: nvidia-cuda-toolkit, component non-free; .ci/run installs it)";

    /// <summary>The executable on PATH, or null.</summary>
    public static string? Location { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "ptxas.exe" : "ptxas"))
            .FirstOrDefault(File.Exists);

    /// <summary>The release line of <c>ptxas --version</c> ("Cuda compilation tools, release 11.8, V11.8.89").</summary>
    public static string Version()
    {
        var (exitCode, output) = Run(["--version"]);
        Assert.True(exitCode == 0, $"ptxas --version exited with {exitCode}: {output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => line.Contains("release", StringComparison.Ordinal)) ?? output.Trim();
    }

    /// <summary>What ptxas said about one file: its exit code and everything it printed.</summary>
    public sealed record Result(string Name, string Architecture, int ExitCode, string Output)
    {
        public bool Assembled => ExitCode == 0;
    }

    /// <summary>
    /// Assembles <paramref name="ptx"/> for <paramref name="architecture"/> (sm_90) in <paramref name="folder"/>,
    /// writing &lt;name&gt;.&lt;architecture&gt;.ptx and its .cubin there. <paramref name="verbose"/> adds
    /// ptxas's <c>-v</c> lines (registers, spills, stack per kernel).
    /// </summary>
    public static Result Assemble(string name, string ptx, string architecture, string folder, bool verbose = false)
    {
        string source = Path.Combine(folder, $"{name}.{architecture}.ptx");
        File.WriteAllText(source, ptx);
        List<string> arguments = [$"-arch={architecture}", "-o", Path.ChangeExtension(source, ".cubin"), source];
        if (verbose)
        {
            arguments.Insert(0, "-v");
        }
        var (exitCode, output) = Run(arguments);
        return new Result(name, architecture, exitCode, output.Trim());
    }

    /// <summary>
    /// Assembles every (name, PTX) pair for <paramref name="architecture"/>, one ptxas per file, as many
    /// at once as there are cores.
    /// </summary>
    public static IReadOnlyList<Result> AssembleAll(IEnumerable<(string Name, string Ptx)> files, string architecture, string folder, bool verbose = false)
    {
        var list = files.ToList();
        var results = new Result[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = Assemble(list[i].Name, list[i].Ptx, architecture, folder, verbose));
        return results;
    }

    /// <summary>Fails naming every file ptxas rejected, quoting what it said.</summary>
    public static void AssertAssembled(IReadOnlyList<Result> results)
    {
        var failed = results.Where(r => !r.Assembled).ToList();
        if (failed.Count > 0)
        {
            Assert.Fail($"ptxas rejected {failed.Count} of {results.Count} kernels:\n"
                + string.Join('\n', failed.Select(r => $"  {r.Name} (-arch={r.Architecture}, exit {r.ExitCode}): {r.Output.ReplaceLineEndings(" | ")}")));
        }
    }

    private static (int ExitCode, string Output) Run(IEnumerable<string> arguments)
    {
        Assert.True(Location is not null, MissingReason);
        var start = new ProcessStartInfo(Location)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            Assert.Fail($"ptxas {string.Join(' ', arguments)} did not finish in 2 minutes");
        }
        process.WaitForExit(); // lets the output readers reach the end
        return (process.ExitCode, stderr.Result + stdout.Result);
    }
}
