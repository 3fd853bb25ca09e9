using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// Grades a student's submission of a course notebook, as nbgrader's autograde does: the check
/// cells are put back as the teacher wrote them (a check the student edited is restored, one the
/// student deleted scores zero), the notebook runs in a worker process beside the teacher's copy
/// (its <c>lib/</c> and data), going on after a failing cell, and each check's printed verdict
/// becomes a row of points.
/// </summary>
/// <remarks>
/// A crash or a cell past the time limit ends the run: the checks after it score zero as "not
/// run". A check whose answer does not compile or throws scores zero as "error". The submission
/// file itself is never modified.
/// </remarks>
public static class Grader
{
    /// <summary>Grades <paramref name="submissionPath"/> against the teacher's notebook <paramref name="sourcePath"/>.</summary>
    /// <param name="sourcePath">The teacher's edition of the notebook: its checks and points.</param>
    /// <param name="submissionPath">The student's notebook.</param>
    /// <param name="student">Who submitted, for the rows.</param>
    /// <param name="options">Quick settings, parameters and the cell time limit; the output path is ignored.</param>
    /// <param name="cancellationToken">Stops the run (its worker is ended).</param>
    /// <exception cref="NotebookFormatException">The teacher's notebook cannot be read or has no checks.</exception>
    /// <exception cref="NotebookWorkerException">The worker process could not start.</exception>
    public static async Task<SubmissionGrade> GradeAsync(
        string sourcePath, string submissionPath, string student, NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissionPath);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(options);
        var teacher = NotebookDocument.Load(sourcePath);
        var checks = Checks(teacher);
        string notebook = Path.GetFileName(submissionPath);

        NotebookDocument submission;
        try
        {
            submission = NotebookDocument.Load(submissionPath);
        }
        catch (NotebookFormatException e)
        {
            return new([.. checks.Select(c => Row(student, notebook, c.Grading, GradeVerdict.Unreadable, e.Message))], null);
        }

        var present = RestoreChecks(submission, checks);
        string folder = Path.Combine(Path.GetTempPath(), $"gan-notes-grade-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string copy = Path.Combine(folder, Path.GetFileName(sourcePath));
            submission.Save(copy);
            NotebookRunResult result;
            try
            {
                result = await NotebookRunner.RunAsync(copy,
                    options with { OutputPath = null, RunAs = Path.GetFullPath(sourcePath), ContinueAfterErrors = true },
                    progress: null, cancellationToken).ConfigureAwait(false);
            }
            catch (NotebookParameterException e)
            {
                return new([.. checks.Select(c => Row(student, notebook, c.Grading,
                    present.Contains(c.Grading.GradeId) ? GradeVerdict.NotRun : GradeVerdict.Missing,
                    $"the parameters cell no longer takes the grader's settings: {e.Message}"))], null);
            }
            return new([.. checks.Select(c => Grade(student, notebook, c.Grading, result, present))], result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(NbgraderCell Grading, JsonObject Cell)> Checks(NotebookDocument teacher)
    {
        var checks = new List<(NbgraderCell, JsonObject)>();
        foreach (var cell in teacher.Cells)
        {
            NbgraderCell? grading;
            try
            {
                grading = NbgraderCell.Of(cell);
            }
            catch (FormatException e)
            {
                throw new NotebookFormatException(teacher.SourceName, e.Message, e);
            }
            if (grading is { IsCheck: true })
            {
                checks.Add((grading, cell.Json));
            }
        }
        return checks.Count > 0 ? checks
            : throw new NotebookFormatException(teacher.SourceName, "it has no check cells (metadata.nbgrader.grade) to grade with", null);
    }

    /// <summary>Puts the teacher's check cells back in place of the submission's; returns the grade ids found.</summary>
    private static HashSet<string> RestoreChecks(NotebookDocument submission, List<(NbgraderCell Grading, JsonObject Cell)> checks)
    {
        var byId = checks.ToDictionary(c => c.Grading.GradeId, c => c.Cell, StringComparer.Ordinal);
        var cells = submission.Root["cells"]!.AsArray();
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cells.Count; i++)
        {
            if (NbgraderCell.GradeIdOf(cells[i]) is { } id && byId.TryGetValue(id, out var original) && present.Add(id))
            {
                var restored = original.DeepClone().AsObject();
                restored["outputs"] = new JsonArray();
                restored["execution_count"] = null;
                cells[i] = restored;
            }
        }
        return present;
    }

    private static ExerciseGrade Grade(string student, string notebook, NbgraderCell check, NotebookRunResult result, HashSet<string> present)
    {
        if (!present.Contains(check.GradeId))
        {
            return Row(student, notebook, check, GradeVerdict.Missing, "the check cell was deleted from the submission");
        }
        int index = result.Notebook.Cells.ToList().FindIndex(c => NbgraderCell.GradeIdOf(c.Json) == check.GradeId);
        var run = result.Cells[index];
        var cell = result.Notebook.Cells[index];
        var outputs = cell.Json["outputs"] as JsonArray ?? [];
        switch (run.Status)
        {
            case CellRunStatus.NotRun:
                return Row(student, notebook, check, GradeVerdict.NotRun, $"not run: the run stopped at {result.Error}");
            case CellRunStatus.Failed or CellRunStatus.TimedOut:
                return Row(student, notebook, check, GradeVerdict.Error, ErrorOf(outputs) ?? "the check cell failed");
        }
        return CheckOutput.Read(outputs) is { } verdict
            ? Row(student, notebook, check, verdict.Verdict, verdict.Message)
            : Row(student, notebook, check, GradeVerdict.Error, "the check printed no verdict");
    }

    private static string? ErrorOf(JsonArray outputs) =>
        outputs.OfType<JsonObject>().Where(o => (string?)o["output_type"] == "error")
            .Select(o => $"{(string?)o["ename"]}: {(string?)o["evalue"]}").FirstOrDefault();

    private static ExerciseGrade Row(string student, string notebook, NbgraderCell check, GradeVerdict verdict, string hint) =>
        new(student, notebook, check.GradeId, verdict == GradeVerdict.Passed ? check.Points : 0, check.Points, verdict, hint);
}
