using System.Text.Json.Nodes;
using GanNotes.Cli;
using GanNotes.Tests.Notebooks;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes notebooks run</c>, invoked in-process with captured stdout and stderr.</summary>
public sealed class NotebooksRunCommandTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = GanNotes.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Run_Help_ShowsUsageOptionsAndExamples()
    {
        var (code, output, error) = Run("notebooks", "run", "--help");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("gan-notes notebooks run <paths>... [options]", output, StringComparison.Ordinal);
        foreach (var option in new[] { "--set <name=value>", "--inplace", "-o, --output <DIR>", "--timeout <SECONDS>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("gan-notes notebooks run notebooks/ --inplace", output, StringComparison.Ordinal);
        Assert.Contains("--set epochs=2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CleanNotebookWithOutputFolder_ExitsZeroAndLeavesOriginalUnchanged()
    {
        string notebook = folder["runner-fixture.ipynb"];
        byte[] original = File.ReadAllBytes(notebook);
        string outputFolder = folder["executed"];

        var (code, output, error) = Run("notebooks", "run", notebook, "--set", "epochs=2", "--output", outputFolder);

        Assert.True(code == 0, error);
        Assert.Empty(error);
        Assert.Equal(original, File.ReadAllBytes(notebook));
        string written = Path.Combine(outputFolder, "runner-fixture.ipynb");
        NbformatSchema.AssertValid(written);
        var cells = JsonNode.Parse(File.ReadAllText(written))!["cells"]!.AsArray();
        Assert.Equal("<div class=\"dni-plaintext\"><pre>21</pre></div>", cells[3]!["outputs"]![0]!["data"]!["text/html"]![0]!.GetValue<string>());
        Assert.Contains("  cell 4 of 10: ok (", output, StringComparison.Ordinal);
        Assert.Contains(
            $"  note: {notebook}: cell 8 is a fsharp cell: the C# runner does not run it and keeps its outputs\n",
            output, StringComparison.Ordinal);
        Assert.Contains("| ok ", output, StringComparison.Ordinal);
        Assert.Contains("|   7/7 |", output, StringComparison.Ordinal);
        Assert.EndsWith("1 notebook ran clean.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailingNotebook_ExitsOneAndErrorLineNamesNotebookCellAndLine()
    {
        string notebook = folder["compile-error.ipynb"];

        var (code, output, error) = Run("notebooks", "run", notebook, "--inplace");

        Assert.Equal(1, code);
        Assert.Equal(
            [$"error: {notebook}: cell 2, line 2: CS0103: The name 'nope' does not exist in the current context"],
            Lines(error));
        Assert.Contains("failed (cell 2)", output, StringComparison.Ordinal);
        NbformatSchema.AssertValid(notebook);
        var saved = JsonNode.Parse(File.ReadAllText(notebook))!["cells"]![1]!["outputs"]![0]!;
        Assert.Equal("CompilationError", saved["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_StackOverflowInSecondOfThree_SavesAllThreeSummarisesAndExitsOne()
    {
        string runs = folder["runs"];
        Directory.CreateDirectory(runs);
        FixtureAssemblies.WriteTo(runs);
        string first = Path.Combine(runs, "1-first.ipynb");
        string second = Path.Combine(runs, "2-overflow.ipynb");
        string third = Path.Combine(runs, "3-third.ipynb");
        File.Copy(folder["runner-fixture.ipynb"], first);
        File.Copy(folder["stack-overflow.ipynb"], second);
        File.Copy(folder["runner-fixture.ipynb"], third);

        // A process of its own: before cells ran in a worker, the overflow ended gan-notes itself
        // (exit code 134, nothing saved, no summary).
        using var process = CliRunner.StartProcess("notebooks", "run", runs, "--inplace");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string output = await stdout;

        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}\n{output}\n{error}");
        Assert.Equal(
            [
                $"error: {second}: cell 2: System.StackOverflowException: stack overflow in cell 2 (recursion without end, or too deep): "
                    + "it ended the process that runs the notebook (exit code 134); the run stopped here",
            ],
            Lines(error));
        foreach (var notebook in new[] { first, second, third })
        {
            NbformatSchema.AssertValid(notebook);
        }
        JsonNode Cell(string notebook, int number) => JsonNode.Parse(File.ReadAllText(notebook))!["cells"]![number - 1]!;
        Assert.Equal("<div class=\"dni-plaintext\"><pre>201</pre></div>", Cell(first, 4)["outputs"]![0]!["data"]!["text/html"]![0]!.GetValue<string>());
        Assert.Equal("before\n", Cell(second, 1)["outputs"]![0]!["text"]![0]!.GetValue<string>());
        Assert.Equal("System.StackOverflowException", Cell(second, 2)["outputs"]![1]!["ename"]!.GetValue<string>());
        Assert.Equal("<div class=\"dni-plaintext\"><pre>201</pre></div>", Cell(third, 4)["outputs"]![0]!["data"]!["text/html"]![0]!.GetValue<string>());
        Assert.Contains($"[3/3] {third}: ok in", output, StringComparison.Ordinal);
        Assert.Matches(@"\| .*2-overflow\.ipynb +\| +2/3 \| +[0-9.]+ \| failed \(cell 2\) +\|", output);
        Assert.EndsWith("1 of 3 notebooks failed.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedNotebook_ReportedLeftUntouchedAndOthersStillRun()
    {
        string broken = folder["broken.ipynb"];
        byte[] bytes = "{\"cells\": [], \"nbformat\": 4"u8.ToArray();
        File.WriteAllBytes(broken, bytes);

        var (code, output, error) = Run("notebooks", "run", broken, folder["runner-fixture.ipynb"], "--inplace");

        Assert.Equal(1, code);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: {broken}: not a valid notebook: invalid JSON at line 1", line, StringComparison.Ordinal);
        Assert.EndsWith("(left unchanged)", line, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(broken));
        Assert.Contains("invalid notebook", output, StringComparison.Ordinal);
        Assert.Contains("runner-fixture.ipynb: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadSetFormat_OneClearLineExitTwoNothingWritten()
    {
        string notebook = folder["runner-fixture.ipynb"];
        byte[] original = File.ReadAllBytes(notebook);

        var (code, output, error) = Run("notebooks", "run", notebook, "--set", "epochs", "--inplace");

        Assert.Equal(2, code);
        Assert.Equal(["error: --set 'epochs': expected name=value with a C# variable name, for example --set epochs=2"], Lines(error));
        Assert.Empty(output);
        Assert.Equal(original, File.ReadAllBytes(notebook));
    }

    [Fact]
    public void Run_SetValueOfWrongType_ErrorNamesParameterAndNotebook()
    {
        string notebook = folder["runner-fixture.ipynb"];
        byte[] original = File.ReadAllBytes(notebook);

        var (code, _, error) = Run("notebooks", "run", notebook, "--set", "quick=maybe", "--inplace");

        Assert.Equal(1, code);
        Assert.Equal(
            [$"error: --set quick=maybe: parameter 'quick' in {notebook} is a bool (`bool quick = false`), and 'maybe' is not a bool"],
            Lines(error));
        Assert.Equal(original, File.ReadAllBytes(notebook));
    }

    [Fact]
    public void Run_NeitherInplaceNorOutput_AsksToChoose()
    {
        var (code, _, error) = Run("notebooks", "run", folder["runner-fixture.ipynb"]);

        Assert.Equal(2, code);
        Assert.Equal(
            ["error: choose where the executed notebooks go: --inplace (replace each notebook) or --output DIR (write copies to DIR)"],
            Lines(error));
    }

    [Fact]
    public void Run_OutputUnderAFile_RefusedBeforeAnyCellRuns()
    {
        string notebook = folder["runner-fixture.ipynb"];
        string file = folder["a-file"];
        File.WriteAllText(file, "not a folder");
        string target = Path.Combine(file, "executed");

        var (code, output, error) = Run("notebooks", "run", notebook, "--output", target);

        Assert.Equal(2, code);
        Assert.Equal([$"error: --output {target}: {file} is a file, so the folder {target} cannot be made"], Lines(error));
        Assert.DoesNotContain("cell", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OutputFileIsAFolder_RefusedBeforeAnyCellRuns()
    {
        string notebook = folder["runner-fixture.ipynb"];
        string target = folder["executed"];
        Directory.CreateDirectory(Path.Combine(target, "runner-fixture.ipynb"));

        var (code, output, error) = Run("notebooks", "run", notebook, "--output", target);

        Assert.Equal(2, code);
        Assert.Equal([$"error: --output {target}: {Path.Combine(target, "runner-fixture.ipynb")} is a folder, not a file that can be written"], Lines(error));
        Assert.DoesNotContain("cell", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimeoutNotANumber_OneLineNamingOptionNoTypeName()
    {
        var (code, output, error) = Run("notebooks", "run", folder["runner-fixture.ipynb"], "--inplace", "--timeout", "abc");

        Assert.Equal(2, code);
        Assert.Equal("error: --timeout 'abc': expected a number such as 30 or 2.5", Lines(error)[0]);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("cell", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingPath_ExitTwoNamingIt()
    {
        string missing = folder["nope.ipynb"];

        var (code, _, error) = Run("notebooks", "run", missing, "--inplace");

        Assert.Equal(2, code);
        Assert.Equal([$"error: {missing}: no such file or folder"], Lines(error));
    }

    [Fact]
    public void Run_FolderInplace_ExpandsSortedSkipsCheckpointsAndLeavesNoTemporaryFiles()
    {
        string checkpoints = Directory.CreateDirectory(folder[".ipynb_checkpoints"]).FullName;
        File.WriteAllText(Path.Combine(checkpoints, "runner-fixture-checkpoint.ipynb"), "not json");

        var (code, output, error) = Run("notebooks", "run", folder.Path, "--inplace", "--timeout", "5");

        Assert.Equal(1, code); // the fixtures include failing notebooks
        var started = Lines(output).Where(l => l.StartsWith('[') && !l.Contains(": ", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            "compile-error", "engine-parity", "environment-exit", "nuget-reference", "roundtrip", "runner-fixture", "runtime-error",
            "stack-overflow", "thread-exception", "timeout",
        ];
        Assert.Equal(
            expected.Select((name, i) => $"[{i + 1}/{expected.Length}] {Path.Combine(folder.Path, name + ".ipynb")}"),
            started);
        // compile, exit, nuget, runtime, overflow, thread, timeout; nothing about the checkpoint
        Assert.Equal(7, Lines(error).Length);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        foreach (var notebook in Directory.EnumerateFiles(folder.Path, "*.ipynb"))
        {
            NbformatSchema.AssertValid(notebook);
        }
        Assert.Equal("not json", File.ReadAllText(Path.Combine(checkpoints, "runner-fixture-checkpoint.ipynb")));
    }
}
