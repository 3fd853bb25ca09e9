using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks.Classroom;

public class StudentEditionTests
{
    [Fact]
    public void Create_TeachersNotebook_HidesEveryAnswerAndKeepsTheRest()
    {
        var teacher = NotebookDocument.Parse(ClassroomNotebook.Teacher(libraryPath: "lib/GanNotes.dll").ToJsonString(), "teacher.ipynb");

        var student = StudentEdition.Create(teacher);

        string all = string.Join("\n", student.Cells.Select(c => c.Source + c.Json["outputs"]?.ToJsonString()));
        Assert.DoesNotContain("Math.Log(4)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("-1.38629", all, StringComparison.Ordinal);
        Assert.DoesNotContain("the worked answers", all, StringComparison.Ordinal);
        Assert.Equal(teacher.Cells.Count - 1, student.Cells.Count); // the answers' markdown cell held nothing else
        var answer = student.Cells.Single(c => NbgraderCell.Of(c)?.GradeId == "ex1-answer");
        Assert.Equal("double vAtHalf = double.NaN;\n// YOUR CODE HERE", answer.Source);
        Assert.Empty(student.Cells.Single(c => NbgraderCell.Of(c)?.GradeId == "ex1-check").Outputs!);
        Assert.Equal("intro output\n", MultilineText.Join(student.Cells[1].Outputs![0]!["text"]));
        Assert.Contains("Before the exercises.", student.Cells[2].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TeacherLeftUnchanged()
    {
        var teacher = NotebookDocument.Parse(ClassroomNotebook.Teacher(libraryPath: "lib/GanNotes.dll").ToJsonString(), "teacher.ipynb");
        string before = teacher.ToJson();

        StudentEdition.Create(teacher);

        Assert.Equal(before, teacher.ToJson());
    }

    [Fact]
    public void Create_UnclosedRegion_NamesNotebookAndCell()
    {
        var json = ClassroomNotebook.Teacher(libraryPath: "lib/GanNotes.dll");
        var cell = json["cells"]!.AsArray().First(c => c!["id"]!.ToString() == "ex1-answer")!;
        cell["source"] = "double vAtHalf = double.NaN;\n// BEGIN SOLUTION\nvAtHalf = 1;";

        var e = Assert.Throws<NotebookFormatException>(() =>
            StudentEdition.Create(NotebookDocument.Parse(json.ToJsonString(), "teacher.ipynb")));

        Assert.Equal("teacher.ipynb: not a valid notebook: cell 4 (ex1-answer): line 2: '// BEGIN SOLUTION' without an '// END SOLUTION' after it",
            e.Message);
    }
}
