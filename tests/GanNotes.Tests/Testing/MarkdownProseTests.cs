namespace GanNotes.Tests.Testing;

/// <summary>Which parts of a markdown cell are prose, and the sentence around a number.</summary>
public sealed class MarkdownProseTests
{
    [Theory]
    [InlineData("the value $\\log 4 \\approx 1.386$ here", "$\\log 4 \\approx 1.386$")]
    [InlineData("$$V = -\\log 4$$ and", "$$V = -\\log 4$$")]
    [InlineData("set `lr: 2e-4` now", "`lr: 2e-4`")]
    [InlineData("see [notebook](05-mlp-gan.ipynb#3) now", "(05-mlp-gan.ipynb#3)")]
    [InlineData("![a plot](epoch_005.png) now", "![a plot](epoch_005.png)")]
    [InlineData("<!-- BEGIN SOLUTION -->\n2. x", "<!-- BEGIN SOLUTION -->")]
    [InlineData("<img width=\"300\"> a", "<img width=\"300\">")]
    [InlineData("at https://dot.net/10 a", "https://dot.net/10")]
    [InlineData("a &#8722;1", "&#8722;")]
    [InlineData("costs \\$5 and $x$", "$x$")]
    public void Of_NonProse_IsBlankedInPlace(string markdown, string blanked) =>
        Assert.Equal(markdown.Replace(blanked, new string(' ', blanked.Length), StringComparison.Ordinal), MarkdownProse.Of(markdown));

    [Fact]
    public void Of_FencedCodeAndMultiLineFormula_KeepTheirNewlines()
    {
        string markdown = "run\n```\ngan-notes train --epochs 30\n```\nand $1.414 \\times\n0.99$ done";

        string prose = MarkdownProse.Of(markdown);

        Assert.Equal(markdown.Length, prose.Length);
        Assert.Equal(markdown.Count(c => c == '\n'), prose.Count(c => c == '\n'));
        Assert.DoesNotContain("30", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("0.99", prose, StringComparison.Ordinal);
        Assert.EndsWith(" done", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_DollarInsideCode_OpensNoFormula()
    {
        string prose = MarkdownProse.Of("print `$\"{x}\"` then 0.5 and `$y`");

        Assert.Contains("then 0.5 and", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void SentenceAround_Number_IsItsSentenceOnOneLine()
    {
        string markdown = "First one. The losses tell the game: after\nepoch 1 $D$ is winning (Eq. 5 says so, e.g. here) with 0.894. Next one.";

        string sentence = MarkdownProse.SentenceAround(markdown, markdown.IndexOf("0.894", StringComparison.Ordinal));

        Assert.Equal("The losses tell the game: after epoch 1 $D$ is winning (Eq. 5 says so, e.g. here) with 0.894.", sentence);
    }

    [Fact]
    public void SentenceAround_ListItem_StopsAtTheItem()
    {
        string markdown = "Results\n- the first, 3 modes\n- the second, 5 modes";

        Assert.Equal("- the second, 5 modes", MarkdownProse.SentenceAround(markdown, markdown.IndexOf('5', StringComparison.Ordinal)));
    }
}
