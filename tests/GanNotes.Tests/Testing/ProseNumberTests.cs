namespace GanNotes.Tests.Testing;

/// <summary>The rounding rule: when a shown value reads as the number the text quotes.</summary>
public sealed class ProseNumberTests
{
    private static ProseNumber Quoted(string text) =>
        ProseNumbers.Read(text).Single(n => n.Role == NumberRole.Quoted);

    [Theory]
    [InlineData("0.894", 0.89412, true)]
    [InlineData("0.894", 0.8936, true)]
    [InlineData("0.894", 0.8947, false)]
    [InlineData("0.894", 0.89, false)]
    [InlineData("0.670", 0.67, true)]
    [InlineData("13", 13.2, true)]
    [InlineData("13", 12, false)]
    [InlineData("13", 134, false)]
    [InlineData("1,400", 1400, true)]
    [InlineData("1,400", 1401, false)]
    [InlineData("2.1 million", 2_134_567, true)]
    [InlineData("2.1 million", 2_160_000, false)]
    [InlineData("6.3E-003", 0.00634, true)]
    [InlineData("-0.14", -0.138, true)]
    [InlineData("-0.14", 0.138, true)]
    public void IsShownBy_PlainValue_AllowsRoundingToTheQuotedDigits(string text, double shown, bool expected) =>
        Assert.Equal(expected, Quoted(text).IsShownBy(shown, shownIsPercent: false));

    [Fact]
    public void IsShownBy_Percentage_IsShownByThePercentageOrTheFraction()
    {
        var quoted = Quoted("61.7 %");

        Assert.True(quoted.IsShownBy(61.7, shownIsPercent: true));
        Assert.True(quoted.IsShownBy(61.7, shownIsPercent: false));
        Assert.True(quoted.IsShownBy(0.6171, shownIsPercent: false));
        Assert.False(quoted.IsShownBy(0.617, shownIsPercent: true));
        Assert.False(quoted.IsShownBy(61.2, shownIsPercent: true));
    }

    [Fact]
    public void IsShownBy_PlainFraction_IsShownByAPercentage()
    {
        Assert.True(Quoted("0.617").IsShownBy(61.7, shownIsPercent: true));
        Assert.False(Quoted("13").IsShownBy(0.13, shownIsPercent: false));
    }
}
