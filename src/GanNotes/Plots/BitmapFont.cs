namespace GanNotes.Plots;

/// <summary>
/// A built-in 5 × 9 pixel bitmap font of the printable ASCII characters (32 to 126), for the
/// labels drawn into sample grids and strips (the epoch under a grid, the recipe over it): no
/// font package and no text renderer needed, and the same pixels on every machine.
/// </summary>
/// <remarks>
/// Each glyph is <see cref="GlyphWidth"/> columns by <see cref="GlyphHeight"/> rows. Capitals
/// and digits fill rows 0 to 6 (the baseline lies under row 6), lower-case letters rows 2 to 6,
/// and descenders (g, j, p, q, y, the comma) reach rows 7 and 8. Characters advance
/// <see cref="Advance"/> columns, one blank column between glyphs. At scale s every font pixel
/// is an s × s square, so a line of n characters is (6n - 1)·s pixels wide and 9s high.
/// </remarks>
public static class BitmapFont
{
    /// <summary>Columns of a glyph.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Rows of a glyph, descenders included.</summary>
    public const int GlyphHeight = 9;

    /// <summary>Columns from one character to the next: the glyph and one blank column.</summary>
    public const int Advance = GlyphWidth + 1;

    private const char First = ' ';
    private const char Last = '~';

    // One glyph per line: rows top to bottom, '#' ink and '.' paper; rows left out at the
    // bottom are blank. Drawn so that the strings read as the letters they make.
    private static readonly Dictionary<char, string> Source = new()
    {
        [' '] = "..... ..... ..... ..... ..... ..... .....",
        ['!'] = "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
        ['"'] = ".#.#. .#.#. .#.#. ..... ..... ..... .....",
        ['#'] = ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
        ['$'] = "..#.. .#### #.#.. .###. ..#.# ####. ..#..",
        ['%'] = "##... ##..# ...#. ..#.. .#... #..## ...##",
        ['&'] = ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
        ['\''] = "..#.. ..#.. .#... ..... ..... ..... .....",
        ['('] = "...#. ..#.. .#... .#... .#... ..#.. ...#.",
        [')'] = ".#... ..#.. ...#. ...#. ...#. ..#.. .#...",
        ['*'] = "..... ..#.. #.#.# .###. #.#.# ..#.. .....",
        ['+'] = "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
        [','] = "..... ..... ..... ..... ..... .##.. ..#.. .#...",
        ['-'] = "..... ..... ..... ##### ..... ..... .....",
        ['.'] = "..... ..... ..... ..... ..... .##.. .##..",
        ['/'] = "..... ....# ...#. ..#.. .#... #.... .....",
        ['0'] = ".###. #...# #..## #.#.# ##..# #...# .###.",
        ['1'] = "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
        ['2'] = ".###. #...# ....# ...#. ..#.. .#... #####",
        ['3'] = "##### ...#. ..#.. ...#. ....# #...# .###.",
        ['4'] = "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
        ['5'] = "##### #.... ####. ....# ....# #...# .###.",
        ['6'] = "..##. .#... #.... ####. #...# #...# .###.",
        ['7'] = "##### ....# ...#. ..#.. .#... .#... .#...",
        ['8'] = ".###. #...# #...# .###. #...# #...# .###.",
        ['9'] = ".###. #...# #...# .#### ....# ...#. .##..",
        [':'] = "..... .##.. .##.. ..... .##.. .##.. .....",
        [';'] = "..... .##.. .##.. ..... .##.. ..#.. .#...",
        ['<'] = "...#. ..#.. .#... #.... .#... ..#.. ...#.",
        ['='] = "..... ..... ##### ..... ##### ..... .....",
        ['>'] = ".#... ..#.. ...#. ....# ...#. ..#.. .#...",
        ['?'] = ".###. #...# ....# ...#. ..#.. ..... ..#..",
        ['@'] = ".###. #...# ....# .##.# #.#.# #.#.# .###.",
        ['A'] = ".###. #...# #...# ##### #...# #...# #...#",
        ['B'] = "####. #...# #...# ####. #...# #...# ####.",
        ['C'] = ".###. #...# #.... #.... #.... #...# .###.",
        ['D'] = "###.. #..#. #...# #...# #...# #..#. ###..",
        ['E'] = "##### #.... #.... ####. #.... #.... #####",
        ['F'] = "##### #.... #.... ####. #.... #.... #....",
        ['G'] = ".###. #...# #.... #.### #...# #...# .####",
        ['H'] = "#...# #...# #...# ##### #...# #...# #...#",
        ['I'] = ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
        ['J'] = "..### ...#. ...#. ...#. ...#. #..#. .##..",
        ['K'] = "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
        ['L'] = "#.... #.... #.... #.... #.... #.... #####",
        ['M'] = "#...# ##.## #.#.# #.#.# #...# #...# #...#",
        ['N'] = "#...# #...# ##..# #.#.# #..## #...# #...#",
        ['O'] = ".###. #...# #...# #...# #...# #...# .###.",
        ['P'] = "####. #...# #...# ####. #.... #.... #....",
        ['Q'] = ".###. #...# #...# #...# #.#.# #..#. .##.#",
        ['R'] = "####. #...# #...# ####. #.#.. #..#. #...#",
        ['S'] = ".#### #.... #.... .###. ....# ....# ####.",
        ['T'] = "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
        ['U'] = "#...# #...# #...# #...# #...# #...# .###.",
        ['V'] = "#...# #...# #...# #...# #...# .#.#. ..#..",
        ['W'] = "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
        ['X'] = "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
        ['Y'] = "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
        ['Z'] = "##### ....# ...#. ..#.. .#... #.... #####",
        ['['] = ".###. .#... .#... .#... .#... .#... .###.",
        ['\\'] = "..... #.... .#... ..#.. ...#. ....# .....",
        [']'] = ".###. ...#. ...#. ...#. ...#. ...#. .###.",
        ['^'] = "..#.. .#.#. #...# ..... ..... ..... .....",
        ['_'] = "..... ..... ..... ..... ..... ..... #####",
        ['`'] = ".#... ..#.. ...#. ..... ..... ..... .....",
        ['a'] = "..... ..... .###. ....# .#### #...# .####",
        ['b'] = "#.... #.... ####. #...# #...# #...# ####.",
        ['c'] = "..... ..... .###. #.... #.... #...# .###.",
        ['d'] = "....# ....# .#### #...# #...# #...# .####",
        ['e'] = "..... ..... .###. #...# ##### #.... .###.",
        ['f'] = "..##. .#..# .#... ###.. .#... .#... .#...",
        ['g'] = "..... ..... .#### #...# #...# #...# .#### ....# .###.",
        ['h'] = "#.... #.... #.##. ##..# #...# #...# #...#",
        ['i'] = "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.",
        ['j'] = "...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..",
        ['k'] = "#.... #.... #..#. #.#.. ##... #.#.. #..#.",
        ['l'] = ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
        ['m'] = "..... ..... ##.#. #.#.# #.#.# #.#.# #.#.#",
        ['n'] = "..... ..... #.##. ##..# #...# #...# #...#",
        ['o'] = "..... ..... .###. #...# #...# #...# .###.",
        ['p'] = "..... ..... ####. #...# #...# #...# ####. #.... #....",
        ['q'] = "..... ..... .#### #...# #...# #...# .#### ....# ....#",
        ['r'] = "..... ..... #.##. ##..# #.... #.... #....",
        ['s'] = "..... ..... .###. #.... .###. ....# ####.",
        ['t'] = ".#... .#... ###.. .#... .#... .#..# ..##.",
        ['u'] = "..... ..... #...# #...# #...# #..## .##.#",
        ['v'] = "..... ..... #...# #...# #...# .#.#. ..#..",
        ['w'] = "..... ..... #...# #...# #.#.# #.#.# .#.#.",
        ['x'] = "..... ..... #...# .#.#. ..#.. .#.#. #...#",
        ['y'] = "..... ..... #...# #...# #...# #...# .#### ....# .###.",
        ['z'] = "..... ..... ##### ...#. ..#.. .#... #####",
        ['{'] = "...#. ..#.. ..#.. .#... ..#.. ..#.. ...#.",
        ['|'] = "..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
        ['}'] = ".#... ..#.. ..#.. ...#. ..#.. ..#.. .#...",
        ['~'] = "..... ..... .#... #.#.# ...#. ..... .....",
    };

    // Glyphs[c - First][row] holds the row's 5 pixels as bits, the leftmost in bit 4.
    private static readonly byte[][] Glyphs = Parse();

    /// <summary>True when <paramref name="c"/> has a glyph (printable ASCII, space included).</summary>
    public static bool CanDraw(char c) => c is >= First and <= Last;

    /// <summary>Whether the glyph of <paramref name="c"/> has ink at (<paramref name="column"/>, <paramref name="row"/>).</summary>
    /// <exception cref="ArgumentException">The character has no glyph; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The position lies outside the 5 × 9 glyph.</exception>
    public static bool Ink(char c, int column, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, GlyphWidth);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, GlyphHeight);
        return (Glyph(c, "character")[row] >> (GlyphWidth - 1 - column) & 1) != 0;
    }

    /// <summary>The size in pixels of <paramref name="text"/> drawn on one line at <paramref name="scale"/>: ((6n - 1)·scale, 9·scale).</summary>
    /// <exception cref="ArgumentException">The text is empty or holds a character without a glyph; the message names it.</exception>
    public static (int Width, int Height) Measure(string text, int scale = 1)
    {
        Validate(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        return ((Advance * text.Length - 1) * scale, GlyphHeight * scale);
    }

    /// <summary>
    /// Draws <paramref name="text"/> into a grayscale picture, its top-left corner at
    /// (<paramref name="x"/>, <paramref name="y"/>): pixels under the glyphs' ink become
    /// <paramref name="ink"/>, the others keep their value.
    /// </summary>
    /// <param name="pixels">The picture, row-major, one byte per pixel.</param>
    /// <param name="width">The picture's width; its height is pixels.Length / width.</param>
    /// <param name="text">One line of printable ASCII.</param>
    /// <param name="x">The left edge of the text.</param>
    /// <param name="y">The top edge of the text (of its capitals).</param>
    /// <param name="scale">Pixels per font pixel in each direction.</param>
    /// <param name="ink">The gray level of the letters (0 is black).</param>
    /// <exception cref="ArgumentException">A character without a glyph, or text that does not fit inside the picture; the message names it.</exception>
    public static void Draw(Span<byte> pixels, int width, string text, int x, int y, int scale = 1, byte ink = 0)
    {
        var (textWidth, textHeight) = Measure(text, scale);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (pixels.Length % width != 0)
        {
            throw new ArgumentException($"A picture {width} pixels wide cannot hold {pixels.Length} pixels.", nameof(pixels));
        }
        int height = pixels.Length / width;
        if (x < 0 || y < 0 || x + textWidth > width || y + textHeight > height)
        {
            throw new ArgumentException($"\"{text}\" at ({x}, {y}) is {textWidth}x{textHeight} pixels and does not fit in a {width}x{height} picture.", nameof(text));
        }
        for (int i = 0; i < text.Length; i++)
        {
            var glyph = Glyphs[text[i] - First];
            int left = x + i * Advance * scale;
            for (int row = 0; row < GlyphHeight; row++)
            {
                for (int column = 0; column < GlyphWidth; column++)
                {
                    if ((glyph[row] >> (GlyphWidth - 1 - column) & 1) == 0)
                    {
                        continue;
                    }
                    for (int dy = 0; dy < scale; dy++)
                    {
                        pixels.Slice((y + row * scale + dy) * width + left + column * scale, scale).Fill(ink);
                    }
                }
            }
        }
    }

    private static void Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("A label needs at least one character.", nameof(text));
        }
        for (int i = 0; i < text.Length; i++)
        {
            Glyph(text[i], $"\"{text}\" has, at position {i},");
        }
    }

    private static byte[] Glyph(char c, string where) => CanDraw(c)
        ? Glyphs[c - First]
        : throw new ArgumentException($"{where} '{(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())}', which the built-in font cannot draw: it has the printable ASCII characters only.", nameof(c));

    private static byte[][] Parse()
    {
        var glyphs = new byte[Last - First + 1][];
        foreach (var (c, source) in Source)
        {
            var rows = source.Split(' ');
            var glyph = new byte[GlyphHeight];
            for (int row = 0; row < rows.Length; row++)
            {
                for (int column = 0; column < GlyphWidth; column++)
                {
                    glyph[row] |= (byte)(rows[row][column] == '#' ? 1 << (GlyphWidth - 1 - column) : 0);
                }
            }
            glyphs[c - First] = glyph;
        }
        return glyphs;
    }
}
