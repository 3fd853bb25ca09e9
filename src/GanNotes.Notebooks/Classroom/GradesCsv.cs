using System.Text;

namespace GanNotes.Notebooks;

/// <summary>
/// grades.csv: one row per student, notebook and exercise (RFC 4180, UTF-8), written atomically
/// so a reader never sees half a file.
/// </summary>
public static class GradesCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "student,notebook,exercise,points,max_points,verdict,hint";

    /// <summary>The file's text.</summary>
    public static string Format(IEnumerable<ExerciseGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var g in grades)
        {
            text.AppendJoin(',', Field(g.Student), Field(g.Notebook), Field(g.Exercise), ExerciseGrade.FormatPoints(g.Points),
                ExerciseGrade.FormatPoints(g.MaxPoints), Field(g.VerdictText), Field(g.Hint)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes <paramref name="grades"/> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Write(string path, IEnumerable<ExerciseGrade> grades) =>
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Format(grades)));

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
