using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// The differential test of our runner against the .NET Interactive kernel, the engine of
/// Polyglot Notebooks: tests/data/notebooks/engine-parity.ipynb, run in both, gives the same
/// outputs per cell, with the same stream text and the same text/plain, compiler warnings
/// included. A notebook that is clean in one engine is then clean in the other.
/// </summary>
public sealed class EngineParityTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ParityFixture_OurRunnerAndPolyglotKernel_SameOutputsPerCell()
    {
        string source = folder["engine-parity.ipynb"];
        string ours = folder["ours.ipynb"];
        var result = await NotebookRunner.RunAsync(source, new NotebookRunOptions { OutputPath = ours, CellTimeout = TimeSpan.FromSeconds(60) });
        Assert.True(result.Succeeded, result.Error?.ToString());
        var (kernelNotebook, _) = PolyglotKernel.Run(source, folder["kernel.ipynb"]);

        var fromRunner = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(ours))!);
        var fromKernel = SavedOutputs.Read(kernelNotebook).Where(o => !IsKernelBootstrap(o)).ToList();

        Assert.Equal(fromKernel.Select(o => o.ToString()), fromRunner.Select(o => o.ToString()));
        // Both engines report the warnings (so the comparison above cannot pass by both going quiet).
        Assert.Contains(fromRunner, o => o.Type == "stream:stderr" && o.Text!.Contains("(2,7): warning CS8632", StringComparison.Ordinal));
        Assert.Contains(fromRunner, o => o.Type == "stream:stderr" && o.Text!.Contains("(3,9): warning CS0168", StringComparison.Ordinal));
        Assert.Contains(fromRunner, o => o.Type == "execute_result" && o.MimeTypes.SequenceEqual(["image/png", "text/html"]));
    }

    /// <summary>
    /// The kernel's first cell also shows a script of its own (it finds the kernel's HTTP API
    /// from the browser); it is not the cell's output.
    /// </summary>
    private static bool IsKernelBootstrap(SavedOutput output) =>
        output.Type == "display_data" && output.Data?["text/html"] is { } html
        && SavedOutputs.Text(html).Contains("dotnet-interactive-this-cell", StringComparison.Ordinal);
}
