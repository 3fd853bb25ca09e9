using GanNotes.Tests.Plots;

namespace GanNotes.Tests.Cli;

/// <summary>
/// <c>notebooks run --timeout</c> limits the cells, not the engine's start (1-3 s). Timed, so it runs
/// in the collection that runs alone, in a process of its own.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class NotebooksRunTimeoutTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>gan-notes in a process of its own, as a user starts it: the engine's start is part of the run.</summary>
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var process = CliRunner.StartProcess(args);
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    [Fact]
    public void Run_TimeoutOneSecond_EngineStartNotChargedToTheFirstCell()
    {
        // Roslyn's start (1-3 s) once made a trivial first cell time out under --timeout 1.
        string notebook = temp.Combine("trivial.ipynb");
        File.WriteAllText(notebook, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {"tags": ["parameters"]}, "outputs": [],
                        "source": "int epochs = 2;"},
                       {"cell_type": "code", "execution_count": null, "id": "b", "metadata": {}, "outputs": [],
                        "source": "Console.WriteLine(epochs * 2);"}],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "C#"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        var (code, output, error) = Run("notebooks", "run", notebook, "--inplace", "--timeout", "1");

        Assert.True(code == 0, output + error);
        Assert.EndsWith("1 notebook ran clean.\n", output, StringComparison.Ordinal);
    }
}
