using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Testing;

/// <summary>A constant a notebook quotes from the lecture notes or the paper.</summary>
/// <param name="Value">The value as listed ("0.00001", "60,000", "2.1 million", "99.1%").</param>
/// <param name="Source">Where it is said, quoted: "seed 004: lr 0.00001".</param>
/// <param name="Number">The value's magnitude (a percentage as written).</param>
/// <param name="IsPercent">True for a value listed with "%".</param>
internal sealed record NotebookConstant(string Value, string Source, double Number, bool IsPercent);

/// <summary>
/// The constants a notebook's text quotes from the lecture notes or the paper, which no output can
/// show, listed with their source in the notebook's metadata:
/// <code>
/// "metadata": { "gan_notes": { "constants": [
///   { "value": "0.00001", "source": "seed 004: the learning rate 0.00001" },
///   { "value": "225", "source": "Goodfellow et al. 2014, Table 1: Parzen 225 ± 2 on MNIST" } ] } }
/// </code>
/// Each entry has exactly the two strings <c>value</c> (one number, written as the text writes
/// numbers) and <c>source</c> (not empty).
/// </summary>
internal static class NotebookConstants
{
    /// <summary>The key under <c>metadata.gan_notes</c>.</summary>
    public const string Key = "constants";

    /// <summary>The listed constants, in order; none when the key is absent.</summary>
    /// <exception cref="InvalidDataException">An entry is malformed; the message names the notebook, the entry and the value.</exception>
    public static IReadOnlyList<NotebookConstant> Read(NotebookDocument notebook)
    {
        string where = $"{notebook.SourceName}: metadata.gan_notes.{Key}";
        var node = notebook.Metadata["gan_notes"]?[Key];
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray entries)
        {
            throw new InvalidDataException($"{where} must be a list of {{\"value\", \"source\"}} entries, not {node.ToJsonString()}");
        }
        var constants = new List<NotebookConstant>();
        for (int i = 0; i < entries.Count; i++)
        {
            constants.Add(ReadEntry(entries[i], $"{where}[{i}]"));
        }
        return constants;
    }

    private static NotebookConstant ReadEntry(JsonNode? entry, string where)
    {
        if (entry is not JsonObject fields)
        {
            throw new InvalidDataException($"{where} must be an object with \"value\" and \"source\", not {entry?.ToJsonString() ?? "null"}");
        }
        if (fields.Select(f => f.Key).FirstOrDefault(k => k is not ("value" or "source")) is { } unknown)
        {
            throw new InvalidDataException($"{where} has the key \"{unknown}\"; an entry has only \"value\" and \"source\"");
        }
        string value = Text(fields, "value", where);
        string source = Text(fields, "source", where);
        var numbers = ProseNumbers.Read(value);
        if (numbers.Count != 1 || numbers[0].Role != NumberRole.Quoted || numbers[0].Text != value.Trim())
        {
            throw new InvalidDataException($"{where}: value \"{value}\" is not one number (write it as the text does: \"0.00001\", \"60,000\", \"2.1 million\")");
        }
        return new NotebookConstant(value, source, numbers[0].Value, numbers[0].IsPercent);
    }

    private static string Text(JsonObject fields, string key, string where)
    {
        if (fields[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
        {
            throw new InvalidDataException($"{where}: \"{key}\" must be a non-empty string, not {fields[key]?.ToJsonString() ?? "missing"}");
        }
        return value.GetValue<string>();
    }
}
