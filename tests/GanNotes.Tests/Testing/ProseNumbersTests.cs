namespace GanNotes.Tests.Testing;

/// <summary>The rules that say which numbers of a markdown cell are quoted measurements, on small hand-made cells.</summary>
public sealed class ProseNumbersTests
{
    private static string[] Quoted(string markdown) =>
        [.. ProseNumbers.Read(markdown).Where(n => n.Role == NumberRole.Quoted).Select(n => n.Text)];

    private static NumberRole RoleOf(string markdown, string number) =>
        ProseNumbers.Read(markdown).First(n => n.Text == number).Role;

    [Fact]
    public void Read_MeasurementsInASentence_AreQuoted() =>
        Assert.Equal(["1", "0.894", "0.104", "5", "0.670"],
            Quoted("after epoch 1 $D$ is winning (mean $D(x)$ 0.894, $D(G(z))$ 0.104); by epoch 5 it is 0.670"));

    [Theory]
    [InlineData("as notebook 05 showed", "05")]
    [InlineData("Notebooks 04 and 05 trained GANs", "05")]
    [InlineData("The MLP GAN of notebooks 05 to 07", "07")]
    [InlineData("cells 14-16 are optional", "16")]
    [InlineData("by Eq. 5 the gradients", "5")]
    [InlineData("Eqs. 1, 2 and 5 hold", "2")]
    [InlineData("the paper's Figure 2 answers", "2")]
    [InlineData("the paper's Section\n3 warns", "3")]
    [InlineData("Exercise 1 derives it", "1")]
    [InlineData("**Proposition 2**, its convergence", "2")]
    [InlineData("Seed 001 writes the discriminator", "001")]
    [InlineData("seeds 1 and 2 with a clump", "2")]
    [InlineData("the paper's Table 1 reports", "1")]
    [InlineData("sneakers (class 7)", "7")]
    [InlineData("pixel 300 sits next to", "300")]
    public void Read_ReferencesAndTheirLists_AreNotQuoted(string markdown, string number) =>
        Assert.Equal(NumberRole.Reference, RoleOf(markdown, number));

    [Fact]
    public void Read_ReferenceWordEndingAParagraph_DoesNotTakeTheNextParagraphsNumber() =>
        Assert.Equal(["7", "8"], Quoted("We return to this in the next section\n\n7 of 8 modes were hit."));

    [Fact]
    public void Read_ListMarkers_AreNotQuoted()
    {
        string markdown = "## Exercises\n\n1. Train it\n   for longer.\n2. Compare.\n> 3. Quoted item";

        Assert.Empty(Quoted(markdown));
        Assert.Equal(3, ProseNumbers.Read(markdown).Count(n => n.Role == NumberRole.ListMarker));
    }

    [Fact]
    public void Read_SentenceWrappedBeforeANumber_KeepsItQuoted() =>
        Assert.Equal(["13"], Quoted("the ratio climbs to\n13. Then it stays."));

    [Theory]
    [InlineData("## 5. The full run")]
    [InlineData("# 04 · The training loop")]
    [InlineData("### 3.2 Details")]
    public void Read_HeadingNumber_IsASectionNumber(string markdown) =>
        Assert.Equal(NumberRole.SectionNumber, ProseNumbers.Read(markdown)[0].Role);

    [Theory]
    [InlineData("(Goodfellow et al. 2014, Eq. 1)", "2014")]
    [InlineData("(Goodfellow et al., 2014)", "2014")]
    [InlineData("DCGAN (Radford, Metz & Chintala 2016), and", "2016")]
    [InlineData("van den Oord and Bethge (2016, \"A note\")", "2016")]
    [InlineData("a constant (Arjovsky and\n   Bottou, 2017), a different", "2017")]
    [InlineData("DCGAN is from 2015.", "2015")]
    public void Read_CitationYears_AreYears(string markdown, string number) =>
        Assert.Equal(NumberRole.Year, RoleOf(markdown, number));

    [Theory]
    [InlineData("7 of the 2000 samples")]
    [InlineData("all (2000 samples) of them")]
    [InlineData("at steps 1000, 2000, 3000")]
    [InlineData("at step 2000.")]
    public void Read_YearLikeCounts_AreQuoted(string markdown) =>
        Assert.Equal(NumberRole.Quoted, RoleOf(markdown, "2000"));

    [Theory]
    [InlineData("$\\log 4$ and $1/2$ and $D^*(2) \\approx 0.67$")]
    [InlineData("$$C(G) = -\\log 4 + 2 \\cdot 0.4969$$")]
    [InlineData("with `lr: 2e-4f` and\n```\ngan-notes train --epochs 30\n```")]
    [InlineData("<!-- BEGIN SOLUTION -->")]
    [InlineData("[.NET SDK](https://dot.net/download/10)")]
    public void Read_NumbersInMathCodeLinksAndComments_AreNotRead(string markdown) =>
        Assert.Empty(ProseNumbers.Read(markdown));

    [Theory]
    [InlineData("the seed004 recipe", "004")]
    [InlineData("8 Tesla V100 GPUs", "100")]
    [InlineData("StyleGAN2 adds", "2")]
    [InlineData("in `results/` and results/mlp-30/ there", "30")]
    [InlineData("a 28x28 image", "28")]
    [InlineData("an R1 penalty", "1")]
    public void Read_DigitsInsideWords_AreWordParts(string markdown, string number) =>
        Assert.Equal(NumberRole.WordPart, RoleOf(markdown, number));

    [Theory]
    [InlineData("a 1-D toy problem", "1")]
    [InlineData("a 2D output", "2")]
    public void Read_DimensionLabels_AreDimensions(string markdown, string number) =>
        Assert.Equal(NumberRole.Dimension, RoleOf(markdown, number));

    [Theory]
    [InlineData("Install the .NET 10 SDK", "10")]
    [InlineData("PyTorch 1.13 on Debian", "1.13")]
    [InlineData("a 2-core AMD EPYC (Zen 5)", "5")]
    [InlineData("tool 1.0.712001 runs", "1.0")]
    [InlineData("tool 1.0.712001 runs", "712001")]
    public void Read_Versions_AreVersions(string markdown, string number) =>
        Assert.Equal(NumberRole.Version, RoleOf(markdown, number));

    [Fact]
    public void Read_UnitsAndHyphenatedCounts_AreQuoted() =>
        Assert.Equal(["5", "58", "5.3", "2", "136", "10", "8"],
            Quoted("a 5-epoch run at 58 ms per step, 5.3s per epoch on a 2-core CPU, 136 s, 10x faster; the 8th epoch"));

    [Fact]
    public void Read_Percentages_AreFlaggedWithTheirValue()
    {
        var numbers = ProseNumbers.Read("61.7 % of 2000 samples, the top 5%, 12 percent");

        Assert.Equal(["61.7 %", "2000", "5%", "12 percent"], numbers.Select(n => n.Text));
        Assert.Equal([true, false, true, true], numbers.Select(n => n.IsPercent));
        Assert.Equal(61.7, numbers[0].Value, 12);
        Assert.Equal(0.1, numbers[0].Unit, 12);
    }

    [Theory]
    [InlineData("2.1 million weights", "2.1 million", 2.1e6, 1e5)]
    [InlineData("1,400 steps", "1,400", 1400, 1)]
    [InlineData("the 1,505,680 weights", "1,505,680", 1505680, 1)]
    [InlineData("a 60k set", "60k", 60000, 1000)]
    [InlineData("from 6.3E-003 on", "6.3E-003", 0.0063, 0.0001)]
    [InlineData("learning rate 2e-4", "2e-4", 0.0002, 0.0001)]
    [InlineData("moves by -0.14 now", "-0.14", 0.14, 0.01)]
    [InlineData("left column −1 here", "−1", 1, 1)]
    public void Read_WrittenForms_GiveValueAndPrecision(string markdown, string text, double value, double unit)
    {
        var number = ProseNumbers.Read(markdown).Single(n => n.Role == NumberRole.Quoted);

        Assert.Equal(text, number.Text);
        Assert.Equal(value, number.Value, 9);
        Assert.Equal(unit, number.Unit, 12);
    }

    [Fact]
    public void Read_RangeWithADash_IsTwoMagnitudes() =>
        Assert.Equal(["128", "1024"], Quoted("widths 128-1024"));

    [Fact]
    public void Read_Offset_PointsAtTheDigitsInTheCell()
    {
        string markdown = "We use $k = 5$ and `m = 64`, then 0.894 here.";

        var number = Assert.Single(ProseNumbers.Read(markdown));

        Assert.Equal(markdown.IndexOf("0.894", StringComparison.Ordinal), number.Offset);
    }
}
