using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks.Classroom;

/// <summary>
/// Real submissions of <see cref="ClassroomNotebook"/> graded in worker processes: all right, one
/// wrong, one whose answer throws, one that ends its process, one that loops, one that edits its
/// check, one that deletes a check, and a file that is not a notebook.
/// </summary>
public sealed class GraderTests : IDisposable
{
    private static readonly NotebookRunOptions Options = new() { CellTimeout = TimeSpan.FromSeconds(20) };

    private readonly TempDirectory folder = new("gannotes-grader-");
    private readonly string teacherPath;

    public GraderTests()
    {
        Directory.CreateDirectory(folder.Combine("course"));
        teacherPath = folder.Combine("course", "ex.ipynb");
        File.WriteAllText(teacherPath, ClassroomNotebook.Teacher().ToJsonString());
    }

    public void Dispose() => folder.Dispose();

    private async Task<IReadOnlyList<ExerciseGrade>> GradeAsync(string student, Action<JsonObject> edit, NotebookRunOptions? options = null)
    {
        var submission = ClassroomNotebook.Teacher();
        edit(submission);
        Directory.CreateDirectory(folder.Combine(student));
        string path = folder.Combine(student, "ex.ipynb");
        File.WriteAllText(path, submission.ToJsonString());
        string before = File.ReadAllText(path);
        var grades = (await Grader.GradeAsync(teacherPath, path, student, options ?? Options)).Exercises;
        Assert.Equal(before, File.ReadAllText(path)); // the submission is never changed
        return grades;
    }

    private static void Answer(JsonObject notebook, string id, string code) =>
        ClassroomNotebook.Cell(notebook, id)["source"] = code;

    [Fact]
    public async Task Grade_AllRight_FullMarks()
    {
        var grades = await GradeAsync("ada", _ => { });

        Assert.Equal(["ex1-check", "ex2-check"], grades.Select(g => g.Exercise));
        Assert.All(grades, g => Assert.Equal(GradeVerdict.Passed, g.Verdict));
        Assert.Equal(3, grades.Sum(g => g.Points));
        Assert.Equal(3, grades.Sum(g => g.MaxPoints));
        Assert.All(grades, g => Assert.Equal(("ada", "ex.ipynb"), (g.Student, g.Notebook)));
    }

    [Fact]
    public async Task Grade_StudentEdition_NotYetEverywhere()
    {
        var grades = await GradeAsync("blank", n =>
        {
            var student = StudentEdition.Create(NotebookDocument.Parse(n.ToJsonString(), "ex.ipynb"));
            n["cells"] = JsonNode.Parse(student.Root["cells"]!.ToJsonString());
        });

        Assert.All(grades, g => Assert.Equal((GradeVerdict.NotYet, 0.0), (g.Verdict, g.Points)));
    }

    [Fact]
    public async Task Grade_OneWrong_ZeroForItWithTheHint()
    {
        var grades = await GradeAsync("bob", n => Answer(n, "ex1-answer", "double vAtHalf = Math.Log(4);"));

        Assert.Equal(GradeVerdict.Wrong, grades[0].Verdict);
        Assert.Equal(0, grades[0].Points);
        Assert.Contains("never positive", grades[0].Hint, StringComparison.Ordinal);
        Assert.Equal((GradeVerdict.Passed, 1.0), (grades[1].Verdict, grades[1].Points));
    }

    [Fact]
    public async Task Grade_AnswerThatThrows_CostsOnlyItsOwnCheck()
    {
        var grades = await GradeAsync("cy", n => Answer(n, "ex1-answer", "double vAtHalf = 1 / int.Parse(\"0\");"));

        Assert.Equal(GradeVerdict.Error, grades[0].Verdict);
        Assert.Contains("vAtHalf", grades[0].Hint, StringComparison.Ordinal);
        Assert.Equal(GradeVerdict.Passed, grades[1].Verdict);
    }

    [Fact]
    public async Task Grade_AnswerThatEndsTheProcess_LaterChecksNotRun()
    {
        var grades = await GradeAsync("dee", n => Answer(n, "ex2-answer", "Environment.Exit(3);\ndouble gradientRatio = 99;"));

        Assert.Equal(GradeVerdict.Passed, grades[0].Verdict);
        Assert.Equal((GradeVerdict.NotRun, 0.0), (grades[1].Verdict, grades[1].Points));
        Assert.StartsWith("not run: the run stopped at cell 6", grades[1].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_AnswerThatLoops_StoppedByTheTimeLimit()
    {
        var grades = await GradeAsync("eve", n => Answer(n, "ex2-answer", "while (true) { }\ndouble gradientRatio = 99;"),
            Options with { CellTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(GradeVerdict.Passed, grades[0].Verdict);
        Assert.Equal(GradeVerdict.NotRun, grades[1].Verdict);
    }

    [Fact]
    public async Task Grade_TamperedCheck_RestoredFromTheTeacher()
    {
        var grades = await GradeAsync("fay", n =>
        {
            Answer(n, "ex1-answer", "double vAtHalf = 0;");
            Answer(n, "ex1-check", "Console.WriteLine(\"\u2713 all right\");");
        });

        Assert.Equal(GradeVerdict.Wrong, grades[0].Verdict);
        Assert.StartsWith("V(D, G) when D = 1/2 everywhere: 0 is not right", grades[0].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_DeletedCheck_ZeroForIt()
    {
        var grades = await GradeAsync("gus", n => n["cells"]!.AsArray().Remove(ClassroomNotebook.Cell(n, "ex2-check")));

        Assert.Equal(GradeVerdict.Passed, grades[0].Verdict);
        Assert.Equal((GradeVerdict.Missing, 0.0, 1.0), (grades[1].Verdict, grades[1].Points, grades[1].MaxPoints));
    }

    [Fact]
    public async Task Grade_NotANotebook_ZeroForEveryCheck()
    {
        Directory.CreateDirectory(folder.Combine("hal"));
        string path = folder.Combine("hal", "ex.ipynb");
        File.WriteAllText(path, "{ not json");

        var grades = (await Grader.GradeAsync(teacherPath, path, "hal", Options)).Exercises;

        Assert.Equal(2, grades.Count);
        Assert.All(grades, g => Assert.Equal((GradeVerdict.Unreadable, 0.0), (g.Verdict, g.Points)));
        Assert.Contains("invalid JSON", grades[0].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void GradesCsv_HintsWithCommasAndQuotes_Quoted()
    {
        var rows = new[] { new ExerciseGrade("ada", "ex.ipynb", "ex1-check", 2, 2, GradeVerdict.Passed, "V = -1.38629, \"right\"") };

        Assert.Equal(GradesCsv.Header + "\nada,ex.ipynb,ex1-check,2,2,passed,\"V = -1.38629, \"\"right\"\"\"\n", GradesCsv.Format(rows));
    }
}
