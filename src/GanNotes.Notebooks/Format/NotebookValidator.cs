using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The structural checks a notebook must pass before the runner touches it: the parts of the
/// nbformat 4 schema that reading, executing and saving depend on. Each check names the
/// problem in words a student can act on.
/// </summary>
internal static class NotebookValidator
{
    private static readonly HashSet<string> CellTypes = ["code", "markdown", "raw"];

    /// <summary>Returns null when <paramref name="root"/> is usable, else the problem.</summary>
    public static string? FindProblem(JsonNode? root)
    {
        if (root is not JsonObject nb)
        {
            return "the top level is not a JSON object";
        }
        if (nb["nbformat"] is not JsonValue major || major.GetValueKind() != JsonValueKind.Number)
        {
            return "no \"nbformat\" version number";
        }
        if (major.ToJsonString() != "4")
        {
            return $"nbformat {major.ToJsonString()} is not supported (only nbformat 4; open and save it in Jupyter or VS Code to upgrade)";
        }
        if (nb["nbformat_minor"] is not JsonValue minor || minor.GetValueKind() != JsonValueKind.Number)
        {
            return "no \"nbformat_minor\" version number";
        }
        if (nb["metadata"] is not JsonObject)
        {
            return "\"metadata\" is missing or not an object";
        }
        if (nb["cells"] is not JsonArray cells)
        {
            return "\"cells\" is missing or not a list";
        }
        for (int i = 0; i < cells.Count; i++)
        {
            if (FindCellProblem(cells[i]) is { } problem)
            {
                return $"cell {i + 1} {problem}";
            }
        }
        return null;
    }

    private static string? FindCellProblem(JsonNode? node)
    {
        if (node is not JsonObject cell)
        {
            return "is not a JSON object";
        }
        if (cell["cell_type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String
            || !CellTypes.Contains(type.GetValue<string>()))
        {
            return "has no \"cell_type\" of code, markdown or raw";
        }
        if (cell["id"] is { } id && (id is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String))
        {
            return "has an \"id\" that is not a string";
        }
        if (!cell.ContainsKey("source") || !MultilineText.IsValid(cell["source"]))
        {
            return "has no \"source\" (a string or a list of strings)";
        }
        if (cell["metadata"] is not JsonObject)
        {
            return "has no \"metadata\" object";
        }
        if (type.GetValue<string>() != "code")
        {
            return null;
        }
        if (cell["outputs"] is not JsonArray outputs)
        {
            return "is a code cell without an \"outputs\" list";
        }
        if (outputs.Any(o => o is not JsonObject output || output["output_type"] is not JsonValue))
        {
            return "has an output without an \"output_type\"";
        }
        if (cell["execution_count"] is { } count
            && (count is not JsonValue countValue || countValue.GetValueKind() != JsonValueKind.Number))
        {
            return "has an \"execution_count\" that is neither null nor a number";
        }
        return null;
    }
}
