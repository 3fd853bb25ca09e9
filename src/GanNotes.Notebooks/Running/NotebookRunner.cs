using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// Runs a C# notebook headlessly, as papermill runs Jupyter notebooks: every code cell in
/// order in one Roslyn scripting session, outputs saved as Jupyter outputs.
/// </summary>
/// <remarks>
/// Like papermill, a run starts by clearing the outputs and execution counts of the cells it
/// will run, and stops at the first failing cell: that cell keeps the error output, and the
/// code cells after it are left without outputs, so a saved notebook never shows results of
/// an earlier run next to an error. Markdown and raw cells are untouched; code cells of another
/// kernel (F#, PowerShell, ...) are skipped and keep their outputs.
/// The cells run in a worker process of their own, started fresh for each notebook
/// (<see cref="NotebookWorker"/>): a cell that crashes it (a stack overflow, an exception on a
/// thread it started, <c>Environment.Exit</c>) fails with that as its error, and a cell past
/// <see cref="NotebookRunOptions.CellTimeout"/> or a cancelled run is stopped by ending the worker.
/// </remarks>
public static class NotebookRunner
{
    /// <summary>The notebook metadata key the runner writes to (<c>metadata.gan_notes.parameters</c>).</summary>
    public const string MetadataKey = "gan_notes";

    /// <summary>Runs the notebook at <paramref name="path"/> and saves it where the options say.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable nbformat 4 notebook (nothing is written).</exception>
    /// <exception cref="NotebookParameterException">A parameter override does not apply (nothing is run or written).</exception>
    /// <exception cref="NotebookWorkerException">The worker process could not start (nothing is written).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled (its worker is ended; nothing is written).</exception>
    public static async Task<NotebookRunResult> RunAsync(
        string path, NotebookRunOptions? options = null, IProgress<NotebookProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new NotebookRunOptions();
        long started = Stopwatch.GetTimestamp();
        var notebook = NotebookDocument.Load(path);
        var assignments = options.Quick ? [.. QuickParameters(notebook), .. options.Parameters] : options.Parameters;
        var plan = ParametersCell.Plan(notebook, assignments);
        RecordParameters(notebook, plan);

        NotebookWorker? worker = null;
        try
        {
            var results = new List<CellRunResult>();
            NotebookRunError? error = null;
            bool stopped = false;
            int executionCount = 0;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                string kernel = cell.KernelName ?? notebook.DefaultKernelName;
                var prepared = cell.IsCode && CellSource.IsCSharp(kernel)
                    ? CellSource.Prepare(plan?.CellIndex == i ? plan.Code : cell.Source)
                    : null;
                if (!cell.IsCode)
                {
                    results.Add(new CellRunResult(i, CellRunStatus.NotCode, TimeSpan.Zero, null, null));
                }
                else if (prepared is null || prepared.OtherKernel is not null)
                {
                    string other = prepared?.OtherKernel ?? kernel;
                    results.Add(new CellRunResult(i, CellRunStatus.Skipped, TimeSpan.Zero, null,
                        $"cell {i + 1} is a {other} cell: the C# runner does not run it and keeps its outputs"));
                }
                else if (stopped)
                {
                    cell.ClearOutputs();
                    results.Add(new CellRunResult(i, CellRunStatus.NotRun, TimeSpan.Zero, null, null));
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (prepared.Rejection is null)
                    {
                        // Started before the first cell it runs, untimed: --timeout limits the cells, not
                        // the process start and the script engine's warm-up. A refused cell needs none.
                        worker ??= await NotebookWorker.StartAsync(options.RunAs ?? path, cancellationToken).ConfigureAwait(false);
                    }
                    cell.ClearOutputs();
                    progress?.Report(new NotebookProgress(path, i, notebook.Cells.Count, CellRunStatus.Running, TimeSpan.Zero));
                    executionCount++;
                    long cellStarted = Stopwatch.GetTimestamp();
                    var (outputs, cellError, status) = prepared.Rejection is { } rejection
                        ? (new CellOutputs().Close(rejection), rejection, CellRunStatus.Failed)
                        : await worker!.RunCellAsync(prepared.Code, i + 1, executionCount, options.CellTimeout, cancellationToken)
                            .ConfigureAwait(false);
                    var duration = Stopwatch.GetElapsedTime(cellStarted);
                    cell.Json["outputs"] = outputs;
                    cell.ExecutionCount = executionCount;
                    if (cellError is not null)
                    {
                        error ??= new NotebookRunError(i, cellError.Line, cellError.Name, cellError.Summary);
                        stopped = !options.ContinueAfterErrors || status == CellRunStatus.TimedOut || worker is { HasExited: true };
                    }
                    results.Add(new CellRunResult(i, status, duration, executionCount, null));
                    progress?.Report(new NotebookProgress(path, i, notebook.Cells.Count, status, duration));
                }
            }

            if (options.OutputPath is { } outputPath)
            {
                notebook.Save(outputPath);
            }
            return new NotebookRunResult(
                path, options.OutputPath, notebook, results, Stopwatch.GetElapsedTime(started), error, plan?.Recorded);
        }
        finally
        {
            if (worker is not null)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The notebook's quick-mode settings, <c>metadata.gan_notes.quick</c>, as assignments.</summary>
    /// <exception cref="NotebookParameterException">The quick settings are not an object of plain values.</exception>
    private static List<ParameterAssignment> QuickParameters(NotebookDocument notebook)
    {
        var quick = (notebook.Metadata[MetadataKey] as JsonObject)?["quick"];
        if (quick is null)
        {
            return [];
        }
        if (quick is not JsonObject settings)
        {
            throw new NotebookParameterException($"metadata.{MetadataKey}.quick must be an object of parameter values, got {quick.ToJsonString()}");
        }
        var result = new List<ParameterAssignment>();
        foreach (var (name, value) in settings)
        {
            string text = value is JsonValue v && v.TryGetValue(out string? s) ? s
                : value is JsonValue plain && plain.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? plain.ToJsonString()
                : throw new NotebookParameterException($"metadata.{MetadataKey}.quick.{name} must be a number, a boolean or a string, got {value?.ToJsonString() ?? "null"}");
            result.Add(new ParameterAssignment(name, text));
        }
        return result;
    }

    /// <summary>Records the overrides in the notebook metadata, and clears a record left by an earlier run.</summary>
    private static void RecordParameters(NotebookDocument notebook, ParameterPlan? plan)
    {
        var ours = notebook.Metadata[MetadataKey] as JsonObject;
        ours?.Remove("parameters");
        if (plan is not null)
        {
            ours ??= new JsonObject();
            ours["parameters"] = plan.Recorded.DeepClone();
        }
        if (ours is null || ours.Count == 0)
        {
            notebook.Metadata.Remove(MetadataKey);
        }
        else if (ours.Parent is null)
        {
            notebook.Metadata[MetadataKey] = ours;
        }
    }
}
