using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks.Classroom;

public class SolutionRegionsTests
{
    [Fact]
    public void StripCode_Statements_LeavesTheStubAndThePlaceholder()
    {
        const string teacher = "double v = double.NaN;\n// BEGIN SOLUTION\nv = -Math.Log(4);\n// END SOLUTION\nConsole.WriteLine(v);";

        Assert.Equal("double v = double.NaN;\n// YOUR CODE HERE\nConsole.WriteLine(v);", SolutionRegions.StripCode(teacher));
    }

    [Fact]
    public void StripCode_RegionThatReturns_ThrowsNotImplementedAtItsIndentation()
    {
        const string teacher = "double Ratio(double d)\n{\n    // BEGIN SOLUTION\n    double r = (1 - d) / d;\n    return r;\n    // END SOLUTION\n}";

        Assert.Equal("double Ratio(double d)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}",
            SolutionRegions.StripCode(teacher));
    }

    [Fact]
    public void StripCode_ReturnInsideALambdaOfTheRegion_StillCountsAsReturning()
    {
        const string teacher = "int F()\n{\n  // BEGIN SOLUTION\n  var g = () =>\n  {\n      return 1;\n  };\n  return g();\n  // END SOLUTION\n}";

        Assert.Contains("  throw new NotImplementedException();", SolutionRegions.StripCode(teacher), StringComparison.Ordinal);
    }

    [Fact]
    public void StripCode_SeveralRegions_EachReplaced()
    {
        const string teacher = "// BEGIN SOLUTION\na = 1;\n// END SOLUTION\nx();\n// BEGIN SOLUTION\nb = 2;\n// END SOLUTION";

        Assert.Equal("// YOUR CODE HERE\nx();\n// YOUR CODE HERE", SolutionRegions.StripCode(teacher));
    }

    [Fact]
    public void StripMarkdown_Region_RemovedWithItsMarkers()
    {
        const string teacher = "Before.\n<!-- BEGIN SOLUTION -->\n<details>\nthe answer\n</details>\n<!-- END SOLUTION -->\nAfter.";

        Assert.Equal("Before.\nAfter.", SolutionRegions.StripMarkdown(teacher));
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION\na = 1;", "line 1: '// BEGIN SOLUTION' without an '// END SOLUTION' after it")]
    [InlineData("a = 1;\n// END SOLUTION", "line 2: '// END SOLUTION' without a '// BEGIN SOLUTION' before it")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "line 2: '// BEGIN SOLUTION' inside the region begun at line 1; regions do not nest")]
    public void StripCode_BadMarkers_SayWhichLine(string teacher, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => SolutionRegions.StripCode(teacher)).Message);
    }

    [Fact]
    public void Contains_MarkerOfEitherKind_True()
    {
        Assert.True(SolutionRegions.Contains("x\n  // END SOLUTION"));
        Assert.True(SolutionRegions.Contains("<!-- BEGIN SOLUTION -->"));
        Assert.False(SolutionRegions.Contains("// BEGIN SOLUTION is how the teacher marks an answer"));
    }
}
