namespace GanNotes.Notebooks;

/// <summary>What happened to one cell in a run.</summary>
public enum CellRunStatus
{
    /// <summary>A markdown or raw cell: never executed, left as it is.</summary>
    NotCode,

    /// <summary>A code cell of another kernel (F#, PowerShell, ...): not executed, outputs kept.</summary>
    Skipped,

    /// <summary>The cell is executing (progress reports only).</summary>
    Running,

    /// <summary>The cell ran without error.</summary>
    Succeeded,

    /// <summary>The cell failed to compile, threw, or used an unsupported directive.</summary>
    Failed,

    /// <summary>The cell ran past the time limit.</summary>
    TimedOut,

    /// <summary>A code cell after the failing one: not executed, outputs cleared (as papermill does).</summary>
    NotRun,
}
