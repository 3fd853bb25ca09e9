namespace GanNotes.Tests.Testing;

/// <summary>What a number in a markdown cell is, as <see cref="ProseNumbers"/> reads it.</summary>
internal enum NumberRole
{
    /// <summary>A measurement or a setting the text quotes: some output, code cell or listed constant must show it.</summary>
    Quoted,

    /// <summary>A pointer into the course or a source: notebook 05, cells 14-16, Eq. 5, Figure 2, Section 3, Exercise 1, seed 004.</summary>
    Reference,

    /// <summary>The number that opens a list item, <c>2. </c> at the start of a line.</summary>
    ListMarker,

    /// <summary>The number a heading opens with: <c>## 5. The full run</c>, <c># 04 · The training loop</c>.</summary>
    SectionNumber,

    /// <summary>The year of a citation: Goodfellow et al. 2014, (Radford, Metz &amp; Chintala 2016), (2016, ...).</summary>
    Year,

    /// <summary>A software or hardware version: .NET 10, PyTorch 1.13, 1.0.712001, Zen 5.</summary>
    Version,

    /// <summary>Digits inside a word or a name: seed004, V100, StyleGAN2, mlp-30, 28x28.</summary>
    WordPart,

    /// <summary>A dimension label: 1-D, 2D.</summary>
    Dimension,
}

/// <summary>
/// One number of a markdown cell: its text as written (sign included), where it is, what it is,
/// and, for a quoted number, its value and the precision it is quoted to.
/// </summary>
/// <param name="Text">The number as written, with its sign, separators, exponent, % or scale word.</param>
/// <param name="Offset">Where the digits start in the cell's source.</param>
/// <param name="Role">What the number is; only <see cref="NumberRole.Quoted"/> numbers are checked.</param>
/// <param name="Value">The magnitude written: "1,400" is 1400, "2.1 million" 2.1e6, "6.3E-003" 0.0063, "61.7 %" 61.7.</param>
/// <param name="Unit">One unit in the last place written: 0.001 for "0.894", 1 for "1,400", 1e5 for "2.1 million".</param>
/// <param name="IsPercent">True for "61.7 %", "5%".</param>
internal sealed record ProseNumber(string Text, int Offset, NumberRole Role, double Value, double Unit, bool IsPercent)
{
    /// <summary>
    /// True when a shown value, written to the precision of this number, reads as this number:
    /// |shown - value| &lt;= unit / 2, on magnitudes (a range "14-16" is not a sign). So 0.894 is
    /// shown by 0.89412 and by 0.8936, not by 0.8947; 13 by 13.2, not by 12; "2.1 million" by
    /// 2,134,567. A percentage is also shown by the fraction (61.7 % by 0.617), and a plain
    /// number by a shown percentage's fraction (0.617 by "61.7 %").
    /// </summary>
    public bool IsShownBy(double shown, bool shownIsPercent)
    {
        double magnitude = Math.Abs(shown);
        if (Rounds(magnitude))
        {
            return true;
        }
        return IsPercent ? !shownIsPercent && Rounds(magnitude * 100) : shownIsPercent && Rounds(magnitude / 100);
    }

    private bool Rounds(double magnitude)
    {
        // The slack absorbs binary rounding of values such as 0.1 + 0.2, never a digit.
        double slack = 1e-9 * Math.Max(Value, Unit);
        return Math.Abs(magnitude - Value) <= Unit / 2 + slack;
    }

    public override string ToString() => $"{Text} ({Role})";
}
