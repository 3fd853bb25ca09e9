using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4.5) held as System.Text.Json nodes, so whatever the runner
/// does not understand (kernel metadata, tool-specific keys, cell ids) survives a round trip.
/// It is written as Jupyter writes it: sorted keys, one-space indentation, multi-line strings
/// as lists of lines, and a trailing newline.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private NotebookDocument(JsonObject root, string sourceName)
    {
        Root = root;
        SourceName = sourceName;
        Cells = root["cells"]!.AsArray().Select(c => new NotebookCell(c!.AsObject())).ToList();
    }

    /// <summary>The whole notebook as JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>Where the notebook was read from (a path, or the name given to <see cref="Parse"/>).</summary>
    public string SourceName { get; }

    /// <summary>The cells, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook-level metadata object.</summary>
    public JsonObject Metadata => Root["metadata"]!.AsObject();

    /// <summary>
    /// The kernel cells without their own kernel name run in:
    /// <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else <c>csharp</c>.
    /// </summary>
    public string DefaultKernelName =>
        Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v
        && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : "csharp";

    /// <summary>Reads and checks a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file cannot be read or is not an nbformat 4 notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, $"cannot be read ({e.Message})", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and checks notebook JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string json, string sourceName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(sourceName, DescribeJsonError(e), e);
        }
        if (NotebookValidator.FindProblem(root) is { } problem)
        {
            throw new NotebookFormatException(sourceName, problem, null);
        }
        var document = new NotebookDocument(root!.AsObject(), sourceName);
        document.EnsureCellIds();
        return document;
    }

    /// <summary>The notebook as Jupyter would save it.</summary>
    public string ToJson()
    {
        NormalizeMultilineStrings();
        return IpynbWriter.Serialize(Root);
    }

    /// <summary>
    /// Saves the notebook to <paramref name="path"/> atomically: it is written to a temporary
    /// file in the same folder, then moved over the target, so a reader never sees half a file.
    /// </summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToJson()));

    /// <summary>A deep copy.</summary>
    public NotebookDocument Clone() => new(Root.DeepClone().AsObject(), SourceName);

    /// <summary>nbformat 4.5 requires cell ids; older 4.x notebooks get fresh ones, as Jupyter does on upgrade.</summary>
    private void EnsureCellIds()
    {
        var used = Cells.Where(c => c.Json["id"] is not null).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        bool added = false;
        foreach (var cell in Cells.Where(c => c.Json["id"] is null))
        {
            string id;
            do
            {
                id = Guid.NewGuid().ToString("N")[..8];
            }
            while (!used.Add(id));
            cell.Json["id"] = id;
            added = true;
        }
        if (added && Root["nbformat_minor"]!.GetValue<int>() < 5)
        {
            Root["nbformat_minor"] = 5;
        }
    }

    /// <summary>Jupyter's split_lines: sources, stream text and text-like mime data become lists of lines.</summary>
    private void NormalizeMultilineStrings()
    {
        foreach (var cell in Cells)
        {
            SplitIfString(cell.Json, "source");
            foreach (var output in cell.Outputs?.OfType<JsonObject>() ?? [])
            {
                SplitIfString(output, "text");
                if (output["data"] is JsonObject data)
                {
                    SplitMimeBundle(data);
                }
            }
            if (cell.Json["attachments"] is JsonObject attachments)
            {
                foreach (var bundle in attachments.Select(a => a.Value).OfType<JsonObject>())
                {
                    SplitMimeBundle(bundle);
                }
            }
        }
    }

    private static void SplitMimeBundle(JsonObject data)
    {
        foreach (var key in data.Select(p => p.Key).ToList())
        {
            if (key.StartsWith("text/", StringComparison.Ordinal) || key is "application/javascript" or "image/svg+xml")
            {
                SplitIfString(data, key);
            }
        }
    }

    private static void SplitIfString(JsonObject owner, string key)
    {
        if (owner[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            owner[key] = MultilineText.Split(v.GetValue<string>());
        }
    }

    private static string DescribeJsonError(JsonException e)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 3 | BytePositionInLine: 4."; say it in words instead.
        string message = e.Message;
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        if (cut >= 0)
        {
            message = message[..cut];
        }
        return e.LineNumber is long line
            ? $"invalid JSON at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {message}"
            : $"invalid JSON: {message}";
    }
}
