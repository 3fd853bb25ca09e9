using System.Text;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// Collects the outputs of the cell that is running, in the order they happen: console text
/// (consecutive writes to the same stream merge into one <c>stream</c> output, as in Jupyter),
/// displays, the result and errors. The running cell's collector flows with the async context
/// (<see cref="Current"/>), so writes from the cell's thread and the tasks it starts land here
/// while the runner's own console output (progress display) does not.
/// </summary>
/// <remarks>
/// A cell runs in a worker process (<see cref="NotebookWorker"/>); the runner keeps the notebook.
/// The worker's collector mirrors every change as a message (<c>{"ev": "stream", ...}</c>) the
/// moment it happens, and the runner replays the messages into its own collector with
/// <see cref="Apply"/>, so a cell that ends the worker still leaves what it wrote before.
/// </remarks>
internal sealed class CellOutputs
{
    private static readonly AsyncLocal<CellOutputs?> CurrentOutputs = new();

    private readonly Lock gate = new();
    private readonly List<object> entries = []; // StreamEntry or a finished output JsonObject
    private readonly Dictionary<string, JsonObject> displays = [];
    private readonly Action<JsonObject>? mirror;
    private bool closed;

    /// <param name="mirror">
    /// Receives each change as a message for <see cref="Apply"/>, in order, and the collector keeps
    /// nothing itself (the worker's side); null to collect the outputs here (the runner's side).
    /// </param>
    public CellOutputs(Action<JsonObject>? mirror = null)
    {
        this.mirror = mirror;
    }

    /// <summary>The collector of the cell running in this async context, if any.</summary>
    public static CellOutputs? Current => CurrentOutputs.Value;

    /// <summary>Makes <paramref name="outputs"/> the collector for this async context.</summary>
    public static void SetCurrent(CellOutputs? outputs) => CurrentOutputs.Value = outputs;

    public void WriteStream(string name, string text)
    {
        if (text.Length > 0)
        {
            Change(new JsonObject { ["ev"] = "stream", ["name"] = name, ["text"] = text });
        }
    }

    public void AddDisplay(string displayId, MimeBundle bundle) =>
        Change(new JsonObject { ["ev"] = "display", ["id"] = displayId, ["data"] = bundle.ToData() });

    public void ReplaceDisplay(string displayId, MimeBundle bundle) =>
        Change(new JsonObject { ["ev"] = "update", ["id"] = displayId, ["data"] = bundle.ToData() });

    public void AddExecuteResult(int executionCount, MimeBundle bundle) =>
        Change(new JsonObject { ["ev"] = "result", ["count"] = executionCount, ["data"] = bundle.ToData() });

    /// <summary>Replays a change that a mirrored collector reported (see the remarks).</summary>
    /// <exception cref="FormatException">The message is not one a collector sends.</exception>
    public void Apply(JsonObject change) => Change(change);

    /// <summary>
    /// Stops collecting (later writes, e.g. from a thread the cell started, are dropped)
    /// and returns the Jupyter outputs, ending with <paramref name="error"/> when there is one.
    /// </summary>
    public JsonArray Close(CellError? error = null)
    {
        lock (gate)
        {
            closed = true;
            var outputs = new JsonArray();
            foreach (var entry in entries)
            {
                outputs.Add(entry switch
                {
                    StreamEntry s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = s.Text.ToString() },
                    JsonObject o => o.Parent is null ? o : o.DeepClone(),
                    _ => throw new InvalidOperationException("unknown output entry"),
                });
            }
            if (error is not null)
            {
                outputs.Add(new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = error.Name,
                    ["evalue"] = error.Value,
                    ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
                });
            }
            return outputs;
        }
    }

    /// <summary>
    /// Every change goes through here, as the message a mirror receives: the worker's collector
    /// only passes it on (the runner keeps the outputs); the runner's applies it.
    /// </summary>
    private void Change(JsonObject change)
    {
        lock (gate)
        {
            if (closed)
            {
                return; // a thread the cell started keeps writing after the cell ended
            }
            if (mirror is not null)
            {
                mirror(change);
                return;
            }
            switch ((string?)change["ev"])
            {
                case "stream":
                    string name = Required<string>(change, "name");
                    string text = Required<string>(change, "text");
                    if (entries.Count > 0 && entries[^1] is StreamEntry last && last.Name == name)
                    {
                        last.Text.Append(text);
                    }
                    else
                    {
                        entries.Add(new StreamEntry(name, new StringBuilder(text)));
                    }
                    break;
                case "display":
                    var display = new JsonObject
                    {
                        ["output_type"] = "display_data",
                        ["data"] = TakeData(change),
                        ["metadata"] = new JsonObject(),
                    };
                    displays[Required<string>(change, "id")] = display;
                    entries.Add(display);
                    break;
                case "update":
                    if (displays.TryGetValue(Required<string>(change, "id"), out var shown))
                    {
                        shown["data"] = TakeData(change);
                    }
                    break;
                case "result":
                    entries.Add(new JsonObject
                    {
                        ["output_type"] = "execute_result",
                        ["execution_count"] = Required<int>(change, "count"),
                        ["data"] = TakeData(change),
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                default:
                    throw new FormatException($"not a cell output change: {change.ToJsonString()}");
            }
        }
    }

    private static T Required<T>(JsonObject change, string name) =>
        change[name] is JsonValue value && value.TryGetValue(out T? result) && result is not null
            ? result
            : throw new FormatException($"cell output change without a valid '{name}': {change.ToJsonString()}");

    /// <summary>The change's <c>data</c>, taken out of it so that an output can own it.</summary>
    private static JsonObject TakeData(JsonObject change)
    {
        if (change["data"] is not JsonObject data)
        {
            throw new FormatException($"cell output change without 'data': {change.ToJsonString()}");
        }
        change.Remove("data");
        return data;
    }

    private sealed record StreamEntry(string Name, StringBuilder Text);
}
