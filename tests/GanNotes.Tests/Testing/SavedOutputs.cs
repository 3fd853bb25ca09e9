using System.Text.Json.Nodes;

namespace GanNotes.Tests.Testing;

/// <summary>One output of an executed notebook, as the tests compare them across engines.</summary>
/// <param name="Cell">The cell's index among all cells, from 0.</param>
/// <param name="Type">Jupyter's output_type; streams as <c>stream:stdout</c> or <c>stream:stderr</c>.</param>
/// <param name="MimeTypes">The data's mime types, sorted (empty for streams and errors).</param>
/// <param name="Text">A stream's text, the text/plain data, or an error's <c>ename: evalue</c>; null when there is none.</param>
/// <param name="Data">The data bundle (null for streams and errors).</param>
internal sealed record SavedOutput(int Cell, string Type, IReadOnlyList<string> MimeTypes, string? Text, JsonObject? Data)
{
    /// <summary>True for a plotly chart (its HTML draws with Plotly.newPlot).</summary>
    public bool IsChart => Data?["text/html"] is { } html && SavedOutputs.Text(html).Contains("Plotly.newPlot", StringComparison.Ordinal);

    public override string ToString() => $"cell {Cell}: {Type} [{string.Join(", ", MimeTypes)}] {Text}";
}

/// <summary>Reads the outputs of an executed .ipynb, with consecutive writes to one stream merged as Jupyter shows them.</summary>
internal static class SavedOutputs
{
    /// <summary>Every code cell's outputs, in order.</summary>
    public static IReadOnlyList<SavedOutput> Read(JsonNode notebook)
    {
        var result = new List<SavedOutput>();
        var cells = notebook["cells"]!.AsArray();
        for (int index = 0; index < cells.Count; index++)
        {
            var cell = cells[index]!;
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }
            foreach (var output in cell["outputs"]!.AsArray())
            {
                string type = (string)output!["output_type"]!;
                if (type == "stream")
                {
                    string name = "stream:" + (string)output["name"]!;
                    string text = Text(output["text"]);
                    if (result.Count > 0 && result[^1].Cell == index && result[^1].Type == name)
                    {
                        result[^1] = result[^1] with { Text = result[^1].Text + text };
                    }
                    else
                    {
                        result.Add(new SavedOutput(index, name, [], text, null));
                    }
                    continue;
                }
                if (type == "error")
                {
                    result.Add(new SavedOutput(index, type, [], $"{(string?)output["ename"]}: {(string?)output["evalue"]}", null));
                    continue;
                }
                var data = output["data"]!.AsObject();
                var mimeTypes = data.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                string? plain = data["text/plain"] is { } p ? Text(p) : null;
                result.Add(new SavedOutput(index, type, mimeTypes, plain, data));
            }
        }
        return result;
    }

    /// <summary>Jupyter stores multi-line text as a string or a list of lines.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
