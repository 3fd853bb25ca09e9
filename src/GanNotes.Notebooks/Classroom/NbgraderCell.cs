using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// A cell's role in grading, read from its <c>metadata.nbgrader</c> as nbgrader writes it:
/// an answer the student writes (<c>solution</c>), a check that grades it (<c>grade</c>, with
/// <c>points</c>), identified by <c>grade_id</c>.
/// </summary>
/// <param name="GradeId">The cell's id among the graded cells, e.g. <c>ex1-check</c>.</param>
/// <param name="IsSolution">The student writes in this cell.</param>
/// <param name="IsGrade">The cell's output grades an answer.</param>
/// <param name="Points">What a passing check is worth.</param>
public sealed record NbgraderCell(string GradeId, bool IsSolution, bool IsGrade, double Points)
{
    /// <summary>True for a check: a graded cell the student does not write in.</summary>
    public bool IsCheck => IsGrade && !IsSolution;

    /// <summary>The cell's grading role; null for a cell without <c>metadata.nbgrader</c>.</summary>
    /// <exception cref="FormatException">The metadata is there but has no usable <c>grade_id</c> or <c>points</c>.</exception>
    public static NbgraderCell? Of(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Json["metadata"]?["nbgrader"] is not JsonObject nbgrader)
        {
            return null;
        }
        string gradeId = GradeIdOf(cell.Json) ?? throw new FormatException($"cell {cell.Id}: metadata.nbgrader has no grade_id");
        bool grade = Flag(nbgrader, "grade");
        double points = 0;
        if (grade)
        {
            points = nbgrader["points"] is JsonValue p && p.GetValueKind() == JsonValueKind.Number && p.GetValue<double>() >= 0
                ? p.GetValue<double>()
                : throw new FormatException($"cell {cell.Id} ({gradeId}): a graded cell needs metadata.nbgrader.points, a number >= 0");
        }
        return new NbgraderCell(gradeId, Flag(nbgrader, "solution"), grade, points);
    }

    /// <summary>
    /// The <c>metadata.nbgrader.grade_id</c> of a cell's JSON, or null when it has none: the
    /// lenient reading of a student's submission, where metadata may have been edited.
    /// </summary>
    public static string? GradeIdOf(JsonNode? cell) =>
        cell?["metadata"]?["nbgrader"]?["grade_id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
            ? v.GetValue<string>()
            : null;

    private static bool Flag(JsonObject nbgrader, string name) =>
        nbgrader[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
