using System.Text.Json.Nodes;
using GanNotes.Notebooks;
using GanNotes.Tests.Notebooks;

namespace GanNotes.Tests.Course;

/// <summary>
/// The course itself, in quick mode (each notebook's own metadata.gan_notes.quick settings):
/// the teacher's edition of every notebook runs clean with full marks in our runner, its student
/// edition runs clean with every exercise "not yet" in our runner and in the .NET Interactive
/// kernel, and every committed notebook keeps the Polyglot Notebooks metadata contract and shows
/// each plot as a static image too.
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

    /// <summary>
    /// The teacher's edition (the repository's notebook, solutions in place) graded in our runner
    /// in quick mode, as <c>gan-notes notebooks grade</c> grades a submission: every check passes,
    /// every cell runs clean with nothing on stderr, and the executed notebook is valid nbformat
    /// with every chart and its static image.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_TeachersEditionQuick_RunsCleanWithFullMarks(string name)
    {
        string path = Path.Combine(NotebooksFolder(), name);
        var options = new NotebookRunOptions { Quick = true, CellTimeout = TimeSpan.FromMinutes(5) };
        NotebookRunResult run;
        if (HasChecks(path))
        {
            var graded = await Grader.GradeAsync(path, path, "teacher", options);
            var lost = graded.Exercises.Where(e => e.Verdict != GradeVerdict.Passed).ToList();
            Assert.True(lost.Count == 0, $"{name}: the teacher's answers lose points:\n{string.Join('\n', lost)}");
            run = graded.Run!;
        }
        else
        {
            run = await NotebookRunner.RunAsync(path, options);
        }
        Assert.True(run.Succeeded, $"{name}: {run.Error}");
        using var temp = new TempDirectory("gannotes-course-");
        string output = temp.Combine(name);
        run.Notebook.Save(output);
        NbformatSchema.AssertValid(output);
        var outputs = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(output))!);
        var stderr = outputs.Where(o => o.Type == "stream:stderr").ToList();
        Assert.True(stderr.Count == 0, $"{name} wrote to stderr in our runner:\n{string.Join('\n', stderr)}");
        AssertEveryChartWithItsImage(name, outputs);
    }

    /// <summary>
    /// The student edition (<c>gan-notes notebooks student</c>) in our runner, in quick mode, beside
    /// the course's lib/: it runs from top to bottom clean, and every check says "not yet".
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_StudentEditionQuick_RunsCleanWithEveryExerciseNotYet(string name)
    {
        using var temp = new TempDirectory("gannotes-course-student-");
        string student = WriteStudentEdition(name, temp);

        var run = await NotebookRunner.RunAsync(student, new NotebookRunOptions
        {
            Quick = true, CellTimeout = TimeSpan.FromMinutes(5), RunAs = Path.Combine(NotebooksFolder(), name),
        });

        Assert.True(run.Succeeded, $"{name} (student edition): {run.Error}");
        var executed = JsonNode.Parse(run.Notebook.ToJson())!;
        var stderr = SavedOutputs.Read(executed).Where(o => o.Type == "stream:stderr").ToList();
        Assert.True(stderr.Count == 0, $"{name} (student edition) wrote to stderr:\n{string.Join('\n', stderr)}");
        AssertEveryCheckNotYet(name, executed);
    }

    private static bool HasChecks(string path) =>
        NotebookDocument.Load(path).Cells.Any(c => NbgraderCell.Of(c) is { IsCheck: true });

    private static string WriteStudentEdition(string name, TempDirectory temp)
    {
        string student = temp.Combine(name);
        StudentEdition.Write(Path.Combine(NotebooksFolder(), name), student);
        return student;
    }

    /// <summary>Every check cell of the executed notebook printed a "not yet" verdict.</summary>
    private static void AssertEveryCheckNotYet(string name, JsonNode executed)
    {
        var notebook = NotebookDocument.Parse(executed.ToJsonString(), name);
        foreach (var cell in notebook.Cells.Where(c => NbgraderCell.Of(c) is { IsCheck: true }))
        {
            var verdict = CheckOutput.Read(cell.Outputs ?? []);
            Assert.True(verdict?.Verdict == GradeVerdict.NotYet,
                $"{name} (student edition), check {NbgraderCell.Of(cell)!.GradeId}: expected 'not yet', got "
                + $"{verdict?.Verdict.ToString() ?? "no verdict"} {verdict?.Message}");
        }
    }

    /// <summary>
    /// The student edition's quick run in the .NET Interactive kernel (Polyglot Notebooks' engine),
    /// started in the course's folder, through Jupyter's nbclient, with the quick settings assigned
    /// in a cell injected after the parameters cell as papermill does it: no error, nothing on
    /// stderr (compiler warnings included), every chart of the committed notebook there with its
    /// static image, and every check "not yet".
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_StudentEditionQuickInPolyglotKernel_RunsCleanWithEveryChartAndEveryExerciseNotYet(string name)
    {
        string path = Path.Combine(NotebooksFolder(), name);
        var committed = JsonNode.Parse(File.ReadAllText(path))!;
        string quickSettings = string.Concat(committed["metadata"]!["gan_notes"]!["quick"]!.AsObject()
            .Select(p => $"{p.Key} = {CSharpLiteral(p.Value!)};\n"));
        using var temp = new TempDirectory("gannotes-course-kernel-");
        string student = WriteStudentEdition(name, temp);
        var (executed, _) = PolyglotKernel.Run(student, temp.Combine("executed-" + name), quickSettings, folder: NotebooksFolder());

        var outputs = SavedOutputs.Read(executed);
        var unclean = outputs.Where(o => o.Type is "error" or "stream:stderr").ToList();
        Assert.True(unclean.Count == 0, $"{name} (student edition) in the .NET Interactive kernel:\n{string.Join('\n', unclean)}");
        AssertEveryChartWithItsImage(name, outputs);
        AssertEveryCheckNotYet(name, executed);
    }

    /// <summary>
    /// The run shows as many charts as the committed notebook, each with its static PNG stored
    /// once, inside its HTML (so Chromium is required), and no second copy as image/png.
    /// </summary>
    private static void AssertEveryChartWithItsImage(string name, IReadOnlyList<SavedOutput> outputs)
    {
        var committed = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder(), name)))!);
        var charts = outputs.Where(o => o.IsChart).ToList();
        Assert.Equal(committed.Count(o => o.IsChart), charts.Count);
        foreach (var chart in charts)
        {
            Assert.True(chart.MimeTypes.SequenceEqual(["text/html", "text/plain"]), $"{name}: a chart stores its PNG twice or lacks its summary: {chart}");
            Assert.True(PngCount(chart.Data!["text/html"]) == 1,
                $"{name}: a chart without its static image inside its HTML (is Chromium installed? tests/test.sh installs it): {chart}");
        }
    }

    private static int PngCount(JsonNode? html)
    {
        string text = SavedOutputs.Text(html);
        int count = 0;
        for (int at = text.IndexOf("data:image/png;base64,", StringComparison.Ordinal); at >= 0;
            at = text.IndexOf("data:image/png;base64,", at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
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
                    Assert.True(!data.ContainsKey("image/png") && PngCount(data["text/html"]) == 1,
                        $"{name}: a plot without its static PNG inside its HTML, or with a second copy");
                }
            }
        }
    }

    private static string NotebooksFolder() => Path.Combine(Repository.Root, "notebooks");
}
