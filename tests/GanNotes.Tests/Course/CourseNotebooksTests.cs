using System.Text.Json.Nodes;
using GanNotes.Notebooks;
using GanNotes.Tests.Notebooks;

namespace GanNotes.Tests.Course;

/// <summary>
/// The course itself: every notebook under notebooks/ runs clean in quick mode (its own
/// metadata.gan_notes.quick settings), and every committed notebook keeps the Polyglot
/// Notebooks metadata contract and shows each plot as a static image too.
/// </summary>
public class CourseNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(NotebooksFolder(), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_QuickMode_RunsCleanAndWritesValidNotebook(string name)
    {
        var output = Path.Combine(Path.GetTempPath(), $"gannotes-course-{Guid.NewGuid():N}.ipynb");
        try
        {
            var result = await NotebookRunner.RunAsync(Path.Combine(NotebooksFolder(), name),
                new NotebookRunOptions { Quick = true, OutputPath = output, CellTimeout = TimeSpan.FromMinutes(5) });
            Assert.True(result.Succeeded, $"{name}: {result.Error}");
            NbformatSchema.AssertValid(output);
            var outputs = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(output))!);
            var stderr = outputs.Where(o => o.Type == "stream:stderr").ToList();
            Assert.True(stderr.Count == 0, $"{name} wrote to stderr in our runner:\n{string.Join('\n', stderr)}");
            AssertEveryChartWithItsImage(name, outputs);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// The same quick run in the .NET Interactive kernel (Polyglot Notebooks' engine), through
    /// Jupyter's nbclient, with the quick settings assigned in a cell injected after the
    /// parameters cell as papermill does it: no error, nothing on stderr (compiler warnings
    /// included), and every chart of the committed notebook there with its static image.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_QuickModeInPolyglotKernel_RunsCleanWithEveryChart(string name)
    {
        string path = Path.Combine(NotebooksFolder(), name);
        var committed = JsonNode.Parse(File.ReadAllText(path))!;
        string quickSettings = string.Concat(committed["metadata"]!["gan_notes"]!["quick"]!.AsObject()
            .Select(p => $"{p.Key} = {CSharpLiteral(p.Value!)};\n"));
        using var temp = new TempDirectory("gannotes-course-kernel-");
        var (executed, _) = PolyglotKernel.Run(path, temp.Combine(name), quickSettings);

        var outputs = SavedOutputs.Read(executed);
        var unclean = outputs.Where(o => o.Type is "error" or "stream:stderr").ToList();
        Assert.True(unclean.Count == 0, $"{name} in the .NET Interactive kernel:\n{string.Join('\n', unclean)}");
        AssertEveryChartWithItsImage(name, outputs);
    }

    /// <summary>
    /// The run shows as many charts as the committed notebook, each with its static PNG (so
    /// Chromium is required), stored once: as the image/png of the chart's bundle, not again in its HTML.
    /// </summary>
    private static void AssertEveryChartWithItsImage(string name, IReadOnlyList<SavedOutput> outputs)
    {
        var committed = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder(), name)))!);
        var charts = outputs.Where(o => o.IsChart).ToList();
        Assert.Equal(committed.Count(o => o.IsChart), charts.Count);
        foreach (var chart in charts)
        {
            Assert.True(chart.MimeTypes.SequenceEqual(["image/png", "text/html", "text/plain"]),
                $"{name}: a chart without its static image (is Chromium installed? tests/test.sh installs it): {chart}");
            Assert.False(SavedOutputs.Text(chart.Data!["text/html"]).Contains("data:image/png", StringComparison.Ordinal),
                $"{name}: a chart's HTML carries a second copy of its PNG: {chart}");
        }
    }

    private static string CSharpLiteral(JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.ToJsonString(),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Committed_FollowsPolyglotContractAndHasStaticPlots(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder(), name)))!;
        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);
        var metadata = notebook["metadata"]!;
        Assert.Equal(".net-csharp", (string?)metadata["kernelspec"]!["name"]);
        Assert.Equal(".NET (C#)", (string?)metadata["kernelspec"]!["display_name"]);
        Assert.Equal("C#", (string?)metadata["kernelspec"]!["language"]);
        Assert.Equal("C#", (string?)metadata["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.NotNull(metadata["gan_notes"]?["quick"]);

        var cells = notebook["cells"]!.AsArray();
        Assert.Contains(cells, c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true);
        foreach (var cell in cells)
        {
            Assert.False(string.IsNullOrEmpty((string?)cell!["id"]), $"{name}: a cell has no id");
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }
            Assert.Equal("csharp", (string?)cell["metadata"]!["dotnet_interactive"]?["language"]);
            Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]?["kernelName"]);
            Assert.NotNull(cell["execution_count"]); // committed outputs come from a full run
            foreach (var output in cell["outputs"]!.AsArray())
            {
                Assert.NotEqual("error", (string?)output!["output_type"]);
                var data = output["data"]?.AsObject();
                if (data is not null && data.ContainsKey("text/html") && SavedOutputs.Text(data["text/html"]).Contains("Plotly.newPlot", StringComparison.Ordinal))
                {
                    Assert.True(data.ContainsKey("image/png"), $"{name}: a plot without its static image/png");
                }
            }
        }
    }

    private static string NotebooksFolder() => Path.Combine(Repository.Root, "notebooks");
}
