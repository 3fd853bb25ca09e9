using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>A value rendered under one or more mime types: the <c>data</c> of a Jupyter output.</summary>
internal sealed class MimeBundle
{
    private readonly List<KeyValuePair<string, string>> entries = [];

    public IReadOnlyList<KeyValuePair<string, string>> Entries => entries;

    public IEnumerable<string> MimeTypes => entries.Select(e => e.Key);

    public void Add(string mimeType, string value)
    {
        if (!entries.Any(e => e.Key == mimeType))
        {
            entries.Add(new(mimeType, value));
        }
    }

    /// <summary>The Jupyter <c>data</c> object: mime type to text (image/png as its base64 text).</summary>
    public JsonObject ToData()
    {
        var data = new JsonObject();
        foreach (var (mimeType, value) in entries)
        {
            data[mimeType] = value;
        }
        return data;
    }

    /// <summary>The text to print when there is no notebook to show it in.</summary>
    public string ToConsoleText() =>
        entries.FirstOrDefault(e => e.Key == PlainText.MimeType).Value ?? entries.FirstOrDefault().Value ?? "";
}
