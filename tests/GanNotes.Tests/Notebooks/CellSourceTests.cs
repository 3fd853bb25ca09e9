using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

public class CellSourceTests
{
    [Fact]
    public void Prepare_FirstLineOtherKernel_HandsCellToThatKernel()
    {
        var cell = CellSource.Prepare("// F# after all\n#!fsharp\nprintfn \"x\"");

        Assert.Equal("fsharp", cell.OtherKernel);
        Assert.Null(cell.Rejection);
    }

    [Fact]
    public void Prepare_CSharpKernelLine_BlankedKeepingLineNumbers()
    {
        var cell = CellSource.Prepare("#!csharp\nvar x = 1;");

        Assert.Equal("\nvar x = 1;", cell.Code);
        Assert.Null(cell.OtherKernel);
    }

    [Theory]
    [InlineData("// packages\n#r \"nuget: Plotly.NET, 4.0.0\"", 2, "never fetches packages")]
    [InlineData("#r \"nuget:Foo\"", 1, "never fetches packages")]
    [InlineData("#i \"nuget: https://example.org/feed\"", 1, "never fetches packages")]
    [InlineData("#i \"/tmp/feed\"", 1, "has no package sources")]
    [InlineData("#!time\nvar x = 1;", 1, "does not implement .NET Interactive's magic commands")]
    [InlineData("var x = 1;\n#!fsharp\nprintfn \"x\"", 2, "cannot switch to the fsharp kernel")]
    public void Prepare_UnsupportedDirective_RejectedWithLine(string source, int line, string why)
    {
        var cell = CellSource.Prepare(source);

        Assert.NotNull(cell.Rejection);
        Assert.Equal(line, cell.Rejection.Line);
        Assert.Contains(why, cell.Rejection.Value, StringComparison.Ordinal);
        Assert.Contains("is not supported", cell.Rejection.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_RelativeDllReference_LeftForRoslyn()
    {
        var cell = CellSource.Prepare("#r \"../src/GanNotes/bin/Release/net10.0/GanNotes.dll\"\nusing GanNotes.Tensors;");

        Assert.Null(cell.Rejection);
        Assert.Equal("#r \"../src/GanNotes/bin/Release/net10.0/GanNotes.dll\"\nusing GanNotes.Tensors;", cell.Code);
    }
}
