using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class BitmapFontTests
{
    private static string Picture(char c) => string.Join(' ', Enumerable.Range(0, BitmapFont.GlyphHeight)
        .Select(row => string.Concat(Enumerable.Range(0, BitmapFont.GlyphWidth).Select(column => BitmapFont.Ink(c, column, row) ? '#' : '.'))));

    [Fact]
    public void Glyphs_EveryPrintableAsciiCharacter_DrawnAndDistinct()
    {
        var printable = Enumerable.Range(32, 95).Select(i => (char)i).ToList();

        Assert.All(printable, c => Assert.True(BitmapFont.CanDraw(c), $"'{c}'"));
        Assert.DoesNotContain('#', Picture(' '));
        Assert.All(printable.Skip(1), c => Assert.Contains('#', Picture(c)));
        var pictures = printable.GroupBy(Picture).Where(g => g.Count() > 1).Select(g => string.Concat(g)).ToList();
        Assert.True(pictures.Count == 0, "characters drawn alike: " + string.Join(", ", pictures));
    }

    [Fact]
    public void Ink_CapitalA_HasItsShape()
    {
        Assert.Equal(".###. #...# #...# ##### #...# #...# #...# ..... .....", Picture('A'));
    }

    [Fact]
    public void Ink_DescendersBelowTheBaselineOnly()
    {
        // Rows 7 and 8 lie under the baseline: only descenders reach them.
        static bool Descends(char c) => Enumerable.Range(0, BitmapFont.GlyphWidth).Any(x => BitmapFont.Ink(c, x, 7) || BitmapFont.Ink(c, x, 8));

        Assert.Equal("gjpqy", string.Concat(Enumerable.Range('a', 26).Select(i => (char)i).Where(Descends)));
        Assert.DoesNotContain(Enumerable.Range('A', 26).Concat(Enumerable.Range('0', 10)), i => Descends((char)i));
    }

    [Theory]
    [InlineData("epoch 20", 1, 47, 9)]
    [InlineData("epoch 20", 2, 94, 18)]
    [InlineData("x", 3, 15, 27)]
    public void Measure_SixColumnsPerCharacterLessTheLastGap(string text, int scale, int width, int height)
    {
        Assert.Equal((width, height), BitmapFont.Measure(text, scale));
    }

    [Fact]
    public void Draw_InkOnTheGlyphsPixelsOnly_ScaledAndPlaced()
    {
        // "T" at (1, 2), scale 2, in a 14 x 22 picture of gray 200: its bar is font row 0,
        // its stem font column 2.
        var pixels = Enumerable.Repeat((byte)200, 14 * 22).ToArray();

        BitmapFont.Draw(pixels, 14, "T", 1, 2, scale: 2, ink: 7);

        for (int y = 0; y < 22; y++)
        {
            for (int x = 0; x < 14; x++)
            {
                int column = (x - 1) / 2, row = (y - 2) / 2;
                bool inGlyph = x >= 1 && y >= 2 && column < 5 && row < 9;
                byte expected = inGlyph && BitmapFont.Ink('T', column, row) ? (byte)7 : (byte)200;
                Assert.True(expected == pixels[y * 14 + x], $"pixel ({x}, {y}): expected {expected}, got {pixels[y * 14 + x]}");
            }
        }
    }

    [Fact]
    public void Draw_TextReachingOutside_RefusedNamingTheSizes()
    {
        var pixels = new byte[16 * 10];

        var e = Assert.Throws<ArgumentException>(() => BitmapFont.Draw(pixels, 16, "abc", 0, 0));

        Assert.StartsWith("\"abc\" at (0, 0) is 17x9 pixels and does not fit in a 16x10 picture.", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BitmapFont.Draw(pixels, 16, "ab", 0, 2));
        Assert.Throws<ArgumentException>(() => BitmapFont.Draw(pixels, 16, "ab", -1, 0));
        Assert.All(pixels, p => Assert.Equal(0, p)); // nothing half-drawn
    }

    [Theory]
    [InlineData("époque 1", "position 0, 'é'")]
    [InlineData("1\n2", "position 1, '\\u000A'")]
    public void Measure_CharacterWithoutGlyph_RefusedNamingIt(string text, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => BitmapFont.Measure(text));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("printable ASCII", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_EmptyText_Refused()
    {
        Assert.Throws<ArgumentException>(() => BitmapFont.Measure(""));
    }
}
