using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

public class NotebookDocumentTests
{
    private static string Fixture(string name) => Path.Combine(FixtureFolder.DataFolder, name);

    [Fact]
    public void ToJson_UnexecutedNotebookWithUnknownMetadata_RoundTripsByteForByte()
    {
        // roundtrip.ipynb was written by Jupyter's nbformat: unknown metadata at every level,
        // attachments, outputs, unicode, 1e-05 and -0.0; writing it back must change nothing.
        string original = File.ReadAllText(Fixture("roundtrip.ipynb"));

        string written = NotebookDocument.Parse(original, "roundtrip.ipynb").ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), "not JSON-equal after a round trip");
        Assert.Equal(original, written);
    }

    [Fact]
    public void ToJson_EveryFixture_MatchesJupyterFormatting()
    {
        foreach (var path in Directory.EnumerateFiles(FixtureFolder.DataFolder, "*.ipynb"))
        {
            string original = File.ReadAllText(path);
            Assert.Equal(original, NotebookDocument.Load(path).ToJson());
        }
    }

    [Fact]
    public void Source_StringOrListOfLines_ReadsTheSameText()
    {
        var asString = NotebookDocument.Parse(Minimal("\"a\\nb\""), "s.ipynb");
        var asList = NotebookDocument.Parse(Minimal("[\"a\\n\", \"b\"]"), "l.ipynb");

        Assert.Equal("a\nb", asString.Cells[0].Source);
        Assert.Equal("a\nb", asList.Cells[0].Source);
    }

    [Fact]
    public void ToJson_StringSource_WritesListOfLinesWithOneSpaceIndentAndTrailingNewline()
    {
        var notebook = NotebookDocument.Parse(Minimal("\"line 1\\nline 2\\n\""), "s.ipynb");

        string json = notebook.ToJson();

        Assert.Contains("   \"source\": [\n    \"line 1\\n\",\n    \"line 2\\n\"\n   ]", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n \"cells\": [\n  {\n", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CellsWithoutIds_GetIdsAndMinorVersion5()
    {
        string json = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "x"},
                       {"cell_type": "markdown", "metadata": {}, "source": "y"}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """;

        var notebook = NotebookDocument.Parse(json, "old.ipynb");

        Assert.All(notebook.Cells, c => Assert.Matches("^[0-9a-f]{8}$", c.Id));
        Assert.NotEqual(notebook.Cells[0].Id, notebook.Cells[1].Id);
        Assert.Equal(5, notebook.Root["nbformat_minor"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"cells\": [", "invalid JSON at line 1")]
    [InlineData("[]", "the top level is not a JSON object")]
    [InlineData("{\"cells\": [], \"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "invalid JSON: Duplicate property 'cells'")]
    [InlineData("{\"cells\": [], \"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}", "nbformat 3 is not supported")]
    [InlineData("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "\"cells\" is missing")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 5, \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "cell 1 has no \"source\"")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "cell 1 is a code cell without an \"outputs\" list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"note\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "cell 1 has no \"cell_type\"")]
    public void Parse_MalformedNotebook_ThrowsOneLineNamingFileAndProblem(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(json, "bad.ipynb"));

        Assert.StartsWith("bad.ipynb: not a valid notebook: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Save_ExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        using var folder = new FixtureFolder();
        var notebook = NotebookDocument.Load(folder["roundtrip.ipynb"]);
        notebook.Cells[0].Source = "changed";

        notebook.Save(folder["roundtrip.ipynb"]);

        Assert.Equal("changed", NotebookDocument.Load(folder["roundtrip.ipynb"]).Cells[0].Source);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp"));
        NbformatSchema.AssertValid(folder["roundtrip.ipynb"]);
    }

    private static string Minimal(string sourceJson) =>
        $$"""
        {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": {{sourceJson}}}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;
}
