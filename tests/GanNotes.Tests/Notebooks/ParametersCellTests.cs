using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

public class ParametersCellTests
{
    private static NotebookDocument WithParameters(string source, bool tagged = true)
    {
        string sourceJson = System.Text.Json.JsonSerializer.Serialize(source);
        string tags = tagged ? "\"tags\": [\"parameters\"]" : "";
        return NotebookDocument.Parse(
            $$"""
            {"cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# title"},
              {"cell_type": "code", "id": "p", "execution_count": null, "metadata": {{{tags}}}, "outputs": [], "source": {{sourceJson}}}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """,
            "nb.ipynb");
    }

    private static string Apply(string source, params string[] sets) =>
        ParametersCell.Plan(WithParameters(source), sets.Select(ParameterAssignment.Parse).ToList())!.Code;

    [Theory]
    [InlineData("var epochs = 20;", "epochs=2", "var epochs = 2;")]
    [InlineData("int epochs = 20;", "epochs=-3", "int epochs = -3;")]
    [InlineData("const int k = 1;", "k=5", "const int k = 5;")]
    [InlineData("long steps = 10L;", "steps=12345678901", "long steps = 12345678901L;")]
    [InlineData("double lr = 2e-4;", "lr=1e-3", "double lr = 0.001;")]
    [InlineData("double lr = 2e-4;", "lr=1", "double lr = 1.0;")]
    [InlineData("double scale = 1;", "scale=0.5", "double scale = 0.5;")]
    [InlineData("float x = 1f;", "x=0.25", "float x = 0.25f;")]
    [InlineData("var x = 1.5f;", "x=2", "var x = 2f;")]
    [InlineData("bool quick = false;", "quick=true", "bool quick = true;")]
    [InlineData("bool quick = false;", "quick=True", "bool quick = true;")]
    [InlineData("string name = \"x\";", "name=a \"b\" \\c", "string name = \"a \\\"b\\\" \\\\c\";")]
    [InlineData("name = \"x\";", "name=", "name = \"\";")]
    [InlineData("var lr = -1e-3;", "lr=2.5", "var lr = 2.5;")]
    public void Plan_SupportedDeclaration_ReplacesOnlyTheLiteral(string source, string set, string expected)
    {
        Assert.Equal(expected, Apply(source, set));
    }

    [Fact]
    public void Plan_SeveralParametersAndComments_KeepsEverythingElse()
    {
        string source = "// knobs\nint epochs = 20; // full run\ndouble lr = 2e-4;\nvar data = LoadData(); // not a parameter\n";

        string code = Apply(source, "lr=0.01", "epochs=2");

        Assert.Equal("// knobs\nint epochs = 2; // full run\ndouble lr = 0.01;\nvar data = LoadData(); // not a parameter\n", code);
    }

    [Fact]
    public void Plan_SameNameTwice_LastWins()
    {
        Assert.Equal("int epochs = 3;", Apply("int epochs = 20;", "epochs=2", "epochs=3"));
    }

    [Fact]
    public void Plan_Overrides_RecordedAsTypedJson()
    {
        var plan = ParametersCell.Plan(
            WithParameters("int e = 1; double lr = 0.1; bool q = false; string s = \"\";"),
            new[] { "e=2", "lr=0.5", "q=true", "s=abc" }.Select(ParameterAssignment.Parse).ToList())!;

        Assert.Equal(1, plan.CellIndex);
        Assert.Equal("{\"e\":2,\"lr\":0.5,\"q\":true,\"s\":\"abc\"}", plan.Recorded.ToJsonString());
    }

    [Theory]
    [InlineData("int epochs = 20;", "epochs=abc", "is an int (`int epochs = 20`), and 'abc' is not an int")]
    [InlineData("int epochs = 20;", "epochs=99999999999", "is an int")]
    [InlineData("bool quick = false;", "quick=yes", "is a bool (`bool quick = false`), and 'yes' is not a bool")]
    [InlineData("double lr = 0.1;", "lr=NaN", "is a double")]
    [InlineData("var data = LoadData();", "data=1", "is `var data = LoadData()`, which is not an int, long, float, double, bool or string literal")]
    [InlineData("decimal price = 1m;", "price=2", "not an int, long, float, double, bool or string literal")]
    [InlineData("int epochs = 20;", "epoch=2", "nb.ipynb has no parameter 'epoch' in its parameters cell (cell 2; parameters: epochs)")]
    public void Plan_BadOverride_ThrowsOneLineNamingParameterAndNotebook(string source, string set, string expected)
    {
        var e = Assert.Throws<NotebookParameterException>(
            () => ParametersCell.Plan(WithParameters(source), [ParameterAssignment.Parse(set)]));

        Assert.StartsWith($"--set {set}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Plan_NoTaggedCell_Throws()
    {
        var e = Assert.Throws<NotebookParameterException>(
            () => ParametersCell.Plan(WithParameters("int e = 1;", tagged: false), [ParameterAssignment.Parse("e=2")]));

        Assert.Equal("--set e=2: nb.ipynb has no code cell tagged \"parameters\", so it has no parameters to set", e.Message);
    }

    [Fact]
    public void Plan_NoAssignments_ReturnsNull()
    {
        Assert.Null(ParametersCell.Plan(WithParameters("int e = 1;", tagged: false), []));
    }

    [Theory]
    [InlineData("epochs")]
    [InlineData("=2")]
    [InlineData("2x=1")]
    [InlineData("my-name=1")]
    public void Parse_NotNameEqualsValue_ThrowsWithExample(string text)
    {
        var e = Assert.Throws<NotebookParameterException>(() => ParameterAssignment.Parse(text));

        Assert.Equal($"--set '{text}': expected name=value with a C# variable name, for example --set epochs=2", e.Message);
    }

    [Fact]
    public void Parse_ValueWithEquals_KeepsEverythingAfterFirstEquals()
    {
        Assert.Equal(new ParameterAssignment("expr", "a=b"), ParameterAssignment.Parse("expr=a=b"));
    }
}
