using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Testing;

/// <summary>Small notebooks written in a test, cell by cell, for the checks that read notebooks.</summary>
internal static class HandMadeNotebook
{
    /// <summary>A notebook of <paramref name="cells"/>, each given an id by its index, with <c>metadata.gan_notes</c> when given.</summary>
    public static NotebookDocument Of(IEnumerable<JsonObject> cells, JsonObject? ganNotes = null)
    {
        var list = new JsonArray();
        foreach (var cell in cells)
        {
            cell["id"] = $"cell-{list.Count}";
            list.Add(cell);
        }
        var metadata = new JsonObject();
        if (ganNotes is not null)
        {
            metadata["gan_notes"] = ganNotes;
        }
        var root = new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = metadata, ["cells"] = list };
        return NotebookDocument.Parse(root.ToJsonString(), "hand-made.ipynb");
    }

    public static JsonObject Markdown(string text) =>
        new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text };

    public static JsonObject Code(string source, params JsonObject[] outputs) =>
        new() { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source, ["execution_count"] = 1, ["outputs"] = new JsonArray(outputs) };

    public static JsonObject Stdout(string text) =>
        new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    /// <summary>An execute_result with the given mime types and their data.</summary>
    public static JsonObject Result(params (string MimeType, string Data)[] data)
    {
        var bundle = new JsonObject();
        foreach (var (mimeType, value) in data)
        {
            bundle[mimeType] = value;
        }
        return new() { ["output_type"] = "execute_result", ["execution_count"] = 1, ["metadata"] = new JsonObject(), ["data"] = bundle };
    }
}
