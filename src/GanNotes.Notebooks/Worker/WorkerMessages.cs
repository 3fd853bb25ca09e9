using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The messages between the runner and its worker, besides the cell output changes of
/// <see cref="CellOutputs"/>. Runner to worker: <c>open</c> (start a session for a notebook) and
/// <c>run</c> (one cell). Worker to runner: <c>ready</c> after <c>open</c>, and <c>done</c>
/// (with the cell's error, if any) after the output changes of a <c>run</c>.
/// </summary>
internal static class WorkerMessages
{
    public static JsonObject Open(string notebookPath) => new() { ["op"] = "open", ["path"] = notebookPath };

    public static JsonObject Run(string code, int cellNumber, int executionCount) =>
        new() { ["op"] = "run", ["code"] = code, ["cell"] = cellNumber, ["count"] = executionCount };

    public static JsonObject Ready() => new() { ["ev"] = "ready" };

    public static JsonObject Done(CellError? error) => new()
    {
        ["ev"] = "done",
        ["error"] = error is null ? null : new JsonObject
        {
            ["name"] = error.Name,
            ["value"] = error.Value,
            ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["line"] = error.Line,
            ["summary"] = error.Summary,
        },
    };

    /// <summary>The error a <c>done</c> message carries; null for a clean cell.</summary>
    /// <exception cref="FormatException">The error is malformed.</exception>
    public static CellError? ErrorOf(JsonObject done)
    {
        if (done["error"] is not JsonObject error)
        {
            return null;
        }
        string Text(string name) =>
            error[name] is JsonValue value && value.TryGetValue(out string? text)
                ? text
                : throw new FormatException($"malformed cell error from the worker ('{name}'): {error.ToJsonString()}");
        var traceback = (error["traceback"] as JsonArray ?? [])
            .Select(l => l is JsonValue v && v.TryGetValue(out string? t) ? t : "")
            .ToList();
        int? line = error["line"] is JsonValue l && l.TryGetValue(out int n) ? n : null;
        return new CellError(Text("name"), Text("value"), traceback, line, Text("summary"));
    }

    /// <summary>The kind of a message: <c>op</c> for requests, <c>ev</c> for replies.</summary>
    public static string? Kind(JsonObject message) => (string?)(message["op"] ?? message["ev"]);
}
