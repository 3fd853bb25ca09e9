using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The student edition of a teacher's notebook, as nbgrader's "generate assignment" makes it:
/// solution regions replaced by stubs (<see cref="SolutionRegions"/>), worked answers in markdown
/// removed, and the outputs of every answer and check cell cleared, since a check's verdict
/// ("✓ ... = -1.38629: right") would give the answer away. Everything else is kept: the prose,
/// the other cells' outputs (so the charts show before a student runs anything), the metadata
/// (the grader matches cells by <c>metadata.nbgrader.grade_id</c>).
/// </summary>
public static class StudentEdition
{
    /// <summary>The student edition of <paramref name="teacher"/> (which is left unchanged).</summary>
    /// <exception cref="NotebookFormatException">A solution marker without its partner, or bad nbgrader metadata; names the cell.</exception>
    public static NotebookDocument Create(NotebookDocument teacher)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var student = teacher.Clone();
        var emptied = new List<JsonNode>();
        for (int i = 0; i < student.Cells.Count; i++)
        {
            var cell = student.Cells[i];
            try
            {
                string source = cell.Source;
                bool marked = SolutionRegions.Contains(source);
                if (cell.IsCode)
                {
                    if (marked)
                    {
                        cell.Source = SolutionRegions.StripCode(source);
                    }
                    if (marked || NbgraderCell.Of(cell) is { IsSolution: true } or { IsGrade: true })
                    {
                        cell.ClearOutputs();
                    }
                }
                else if (marked)
                {
                    cell.Source = SolutionRegions.StripMarkdown(source);
                    if (string.IsNullOrWhiteSpace(cell.Source))
                    {
                        emptied.Add(cell.Json);
                    }
                }
            }
            catch (FormatException e)
            {
                throw new NotebookFormatException(teacher.SourceName, $"cell {i + 1} ({cell.Id}): {e.Message}", e);
            }
        }
        var cells = student.Root["cells"]!.AsArray();
        foreach (var cell in emptied)
        {
            cells.Remove(cell);
        }
        return NotebookDocument.Parse(student.ToJson(), teacher.SourceName);
    }

    /// <summary>Writes the student edition of the notebook at <paramref name="teacherPath"/> to <paramref name="studentPath"/>, atomically.</summary>
    /// <exception cref="NotebookFormatException">The teacher's notebook cannot be read or is badly marked (nothing is written).</exception>
    public static void Write(string teacherPath, string studentPath)
    {
        ArgumentNullException.ThrowIfNull(studentPath);
        Create(NotebookDocument.Load(teacherPath)).Save(studentPath);
    }
}
