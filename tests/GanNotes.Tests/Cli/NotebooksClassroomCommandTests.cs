using GanNotes.Notebooks;
using GanNotes.Tests.Notebooks.Classroom;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes notebooks student</c> and <c>notebooks grade</c>, in process, on <see cref="ClassroomNotebook"/>.</summary>
public sealed class NotebooksClassroomCommandTests : IDisposable
{
    private readonly TempDirectory folder = new("gannotes-classroom-cli-");
    private readonly string course;

    public NotebooksClassroomCommandTests()
    {
        course = folder.Combine("course");
        Directory.CreateDirectory(Path.Combine(course, "results"));
        File.WriteAllText(Path.Combine(course, "results", "kept.csv"), "epoch\n1\n");
        File.WriteAllText(Path.Combine(course, "ex.ipynb"), ClassroomNotebook.Teacher().ToJsonString());
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Student_Course_WritesTheEditionWithTheFolderItNeeds()
    {
        string handout = folder.Combine("handout");

        var (code, output, error) = CliRunner.Run("notebooks", "student", course, "--out", handout);

        Assert.Equal(0, code);
        Assert.Contains("Wrote the student edition of 1 notebook", output, StringComparison.Ordinal);
        Assert.Contains("no lib/ folder", error, StringComparison.Ordinal); // this course loads the library by its full path
        Assert.True(File.Exists(Path.Combine(handout, "results", "kept.csv")));
        var student = NotebookDocument.Load(Path.Combine(handout, "ex.ipynb"));
        Assert.DoesNotContain(student.Cells, c => c.Source.Contains("Math.Log(4)", StringComparison.Ordinal));
    }

    [Fact]
    public void Student_OutInsideTheTeachersFolder_Refused()
    {
        var (code, _, error) = CliRunner.Run("notebooks", "student", course, "--out", Path.Combine(course, "handout"));

        Assert.Equal(2, code);
        Assert.Contains("that is a folder of the teacher's notebooks", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(course, "handout")));
    }

    [Fact]
    public void Grade_TwoStudents_OneRowPerExerciseAndATotalEach()
    {
        string submissions = folder.Combine("submitted");
        foreach (var (student, answer) in new[] { ("ada", "-Math.Log(4)"), ("bob", "Math.Log(4)") })
        {
            var notebook = ClassroomNotebook.Teacher();
            ClassroomNotebook.Cell(notebook, "ex1-answer")["source"] = $"double vAtHalf = {answer};";
            Directory.CreateDirectory(Path.Combine(submissions, student));
            File.WriteAllText(Path.Combine(submissions, student, "ex.ipynb"), notebook.ToJsonString());
        }
        string grades = folder.Combine("grades.csv");

        var (code, output, error) = CliRunner.Run("notebooks", "grade", submissions, "--source", course, "--out", grades, "--timeout", "60");

        Assert.True(code == 0, error);
        Assert.Contains("ada: 3 of 3 points (ex 3/3)", output, StringComparison.Ordinal);
        Assert.Contains("bob: 1 of 3 points (ex 1/3)", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(grades);
        Assert.Equal(GradesCsv.Header, rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("bob,ex.ipynb,ex1-check,0,2,wrong,", rows[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "grades.txt", "--out grades.txt: expected a .csv file for the grades")]
    [InlineData("--timeout", "1e9", "--timeout 1000000000: expected a number of seconds above 0 and at most a day (86400)")]
    public void Grade_BadOption_OneLine(string option, string value, string message)
    {
        string submission = folder.Combine("ada", "ex.ipynb");
        Directory.CreateDirectory(folder.Combine("ada"));
        File.Copy(Path.Combine(course, "ex.ipynb"), submission);

        var (code, _, error) = CliRunner.Run("notebooks", "grade", submission, "--source", course, option, value);

        Assert.Equal(2, code);
        Assert.Equal($"error: {message}", error.Trim());
    }

    [Fact]
    public void Grade_NoTeachersNotebookOfThatName_Refused()
    {
        string submission = folder.Combine("ada", "other.ipynb");
        Directory.CreateDirectory(folder.Combine("ada"));
        File.Copy(Path.Combine(course, "ex.ipynb"), submission);

        var (code, _, error) = CliRunner.Run("notebooks", "grade", submission, "--source", course, "--out", folder.Combine("g.csv"));

        Assert.Equal(2, code);
        Assert.Contains($"no notebook other.ipynb in --source {course}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Combine("g.csv")));
    }
}
