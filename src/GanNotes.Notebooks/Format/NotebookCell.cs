using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// One cell of a <see cref="NotebookDocument"/>, a view over its JSON object: everything the
/// runner does not touch (unknown metadata, attachments) is kept as it was read.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json)
    {
        Json = json;
    }

    /// <summary>The cell's JSON object, as stored in the notebook.</summary>
    public JsonObject Json { get; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Json["cell_type"]!.GetValue<string>();

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell id (nbformat 4.5); every cell the reader returns has one.</summary>
    public string Id => Json["id"]!.GetValue<string>();

    /// <summary>The cell's source text; setting it stores Jupyter's list-of-lines form.</summary>
    public string Source
    {
        get => MultilineText.Join(Json["source"]);
        set => Json["source"] = MultilineText.Split(value);
    }

    /// <summary>The cell metadata object (created empty when absent).</summary>
    public JsonObject Metadata
    {
        get
        {
            if (Json["metadata"] is not JsonObject metadata)
            {
                metadata = new JsonObject();
                Json["metadata"] = metadata;
            }
            return metadata;
        }
    }

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. <c>parameters</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags
            ? tags.OfType<JsonValue>().Where(t => t.GetValueKind() == JsonValueKind.String).Select(t => t.GetValue<string>()).ToList()
            : [];

    /// <summary>
    /// The kernel the cell is written for: <c>metadata.polyglot_notebook.kernelName</c>, else
    /// <c>metadata.dotnet_interactive.language</c>, else null (the notebook's default kernel).
    /// </summary>
    public string? KernelName =>
        StringAt(Json["metadata"]?["polyglot_notebook"]?["kernelName"])
        ?? StringAt(Json["metadata"]?["dotnet_interactive"]?["language"]);

    /// <summary>The outputs of a code cell (null for markdown and raw cells).</summary>
    public JsonArray? Outputs => Json["outputs"] as JsonArray;

    /// <summary>The execution count of a code cell; null when not executed.</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;
        set => Json["execution_count"] = value is int n ? JsonValue.Create(n) : null;
    }

    /// <summary>Removes the outputs and the execution count of a code cell, as papermill does before a run.</summary>
    public void ClearOutputs()
    {
        if (IsCode)
        {
            Json["outputs"] = new JsonArray();
            ExecutionCount = null;
        }
    }

    private static string? StringAt(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
