using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>The kernel helpers and defaults a cell sees, checked through small notebooks written by the test.</summary>
public sealed class NotebookKernelTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Writes a notebook of C# cells with the Polyglot metadata, runs it in place, returns each cell's outputs.</summary>
    private async Task<List<JsonArray>> RunCellsAsync(params string[] sources)
    {
        var cells = new JsonArray(sources.Select((source, i) => (JsonNode?)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = $"cell-{i + 1}",
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        }).ToArray());
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        string path = folder["kernel.ipynb"];
        NotebookDocument.Parse(root.ToJsonString(), path).Save(path);
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = path });
        Assert.True(result.Succeeded, result.Error?.ToString());
        NbformatSchema.AssertValid(path);
        return NotebookDocument.Load(path).Cells.Select(c => c.Outputs!).ToList();
    }

    private static string Data(JsonNode? output, string mimeType)
    {
        var value = output!["data"]![mimeType]!;
        return value is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : value.GetValue<string>();
    }

    [Fact]
    public async Task Display_HandleUpdate_ReplacesTheShownValue()
    {
        var outputs = await RunCellsAsync("var handle = display(\"first\");\nConsole.WriteLine(\"between\");\nhandle.Update(\"second\");");

        Assert.Equal(2, outputs[0].Count);
        Assert.Equal("second", Data(outputs[0][0], "text/plain"));
        Assert.Equal("stdout", outputs[0][1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Html_AsTrailingExpression_IsTextHtmlResult()
    {
        var outputs = await RunCellsAsync("HTML(\"<p>hi</p>\")");

        var result = Assert.Single(outputs[0]);
        Assert.Equal("execute_result", result!["output_type"]!.GetValue<string>());
        Assert.Equal("<p>hi</p>", Data(result, "text/html"));
    }

    [Fact]
    public async Task Cells_DotNetInteractiveDefaultImports_NeedNoUsings()
    {
        var outputs = await RunCellsAsync(
            "var sb = new StringBuilder(\"a\");\nvar list = new List<int> { 3, 1, 2 };\nIEnumerable items = list;\nawait Task.Yield();\n$\"{sb}{list.OrderBy(x => x).First()}\"");

        Assert.Equal("a1", Data(outputs[0][0], "text/plain"));
    }

    [Fact]
    public async Task Cells_UsingsMethodsAndTypesFromEarlierCells_StayInScope()
    {
        var outputs = await RunCellsAsync(
            "using System.Globalization;\nrecord Point(int X, int Y);\nstatic int Square(int x) => x * x;",
            "#!csharp\nvar p = new Point(Square(3), 1);\np.X.ToString(CultureInfo.InvariantCulture)");

        Assert.Empty(outputs[0]);
        Assert.Equal("9", Data(outputs[1][0], "text/plain"));
    }

    [Fact]
    public async Task TrailingNullOrVoid_NullShownVoidNot()
    {
        var outputs = await RunCellsAsync("(string)null", "Console.WriteLine(\"x\")");

        Assert.Equal("<div class=\"dni-plaintext\"><pre>&lt;null&gt;</pre></div>", Data(outputs[0][0], "text/html"));
        Assert.Equal("stream", Assert.Single(outputs[1])!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task CompilerWarnings_OnStderrAsTheKernelWritesThem_NullableOffUnlessEnabled()
    {
        var outputs = await RunCellsAsync(
            "string? name = null;",
            "#nullable enable\nstring? other = null;",
            "#pragma warning disable CS0168\nvoid F() { int unused; }",
            "void G() { int unused; }\n\"ran\"");

        var warning = Assert.Single(outputs[0])!;
        Assert.Equal("stderr", warning["name"]!.GetValue<string>());
        Assert.Equal(
            "\n(1,7): warning CS8632: The annotation for nullable reference types should only be used in code within a '#nullable' annotations context.\n\n",
            string.Concat(warning["text"]!.AsArray().Select(l => l!.GetValue<string>())));
        Assert.Empty(outputs[1]);
        Assert.Empty(outputs[2]);
        // The warning comes after the cell has run and before its result, as in the kernel.
        Assert.Equal(["stream", "execute_result"], outputs[3].Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Contains("(1,16): warning CS0168", string.Concat(outputs[3][0]!["text"]!.AsArray().Select(l => l!.GetValue<string>())), StringComparison.Ordinal);
    }
}
