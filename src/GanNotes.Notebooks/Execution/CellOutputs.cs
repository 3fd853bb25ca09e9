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

    /// <param name="mirror">Receives each change as a message for <see cref="Apply"/>, in order; null for none.</param>
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
        if (text.Length == 0)
        {
            return;
        }
        lock (gate)
        {
            if (closed)
            {
                return; // a thread the cell started keeps writing after the cell ended
            }
            mirror?.Invoke(new JsonObject { ["ev"] = "stream", ["name"] = name, ["text"] = text });
            if (entries.Count > 0 && entries[^1] is StreamEntry last && last.Name == name)
            {
                last.Text.Append(text);
            }
            else
            {
                entries.Add(new StreamEntry(name, new StringBuilder(text)));
            }
        }
    }

    public void AddDisplay(string displayId, MimeBundle bundle) => AddDisplay(displayId, bundle.ToData());

    public void ReplaceDisplay(string displayId, MimeBundle bundle) => ReplaceDisplay(displayId, bundle.ToData());

    public void AddExecuteResult(int executionCount, MimeBundle bundle) => AddExecuteResult(executionCount, bundle.ToData());

    /// <summary>Replays a change that a mirrored collector reported (see the remarks).</summary>
    /// <exception cref="FormatException">The message is not one a collector sends.</exception>
    public void Apply(JsonObject change)
    {
        string? kind = (string?)change["ev"];
        switch (kind)
        {
            case "stream":
                WriteStream(Required<string>(change, "name"), Required<string>(change, "text"));
                break;
            case "display":
                AddDisplay(Required<string>(change, "id"), RequiredData(change));
                break;
            case "update":
                ReplaceDisplay(Required<string>(change, "id"), RequiredData(change));
                break;
            case "result":
                AddExecuteResult(Required<int>(change, "count"), RequiredData(change));
                break;
            default:
                throw new FormatException($"not a cell output change: {change.ToJsonString()}");
        }
    }

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

    private void AddDisplay(string displayId, JsonObject data)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }
            mirror?.Invoke(new JsonObject { ["ev"] = "display", ["id"] = displayId, ["data"] = data.DeepClone() });
            var output = new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = data,
                ["metadata"] = new JsonObject(),
            };
            displays[displayId] = output;
            Add(output);
        }
    }

    private void ReplaceDisplay(string displayId, JsonObject data)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }
            mirror?.Invoke(new JsonObject { ["ev"] = "update", ["id"] = displayId, ["data"] = data.DeepClone() });
            if (displays.TryGetValue(displayId, out var output))
            {
                output["data"] = data;
            }
        }
    }

    private void AddExecuteResult(int executionCount, JsonObject data)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }
            mirror?.Invoke(new JsonObject { ["ev"] = "result", ["count"] = executionCount, ["data"] = data.DeepClone() });
            Add(new JsonObject
            {
                ["output_type"] = "execute_result",
                ["execution_count"] = executionCount,
                ["data"] = data,
                ["metadata"] = new JsonObject(),
            });
        }
    }

    private static T Required<T>(JsonObject change, string name) =>
        change[name] is JsonValue value && value.TryGetValue(out T? result) && result is not null
            ? result
            : throw new FormatException($"cell output change without a valid '{name}': {change.ToJsonString()}");

    private static JsonObject RequiredData(JsonObject change) =>
        change["data"] is JsonObject data
            ? (JsonObject)data.DeepClone()
            : throw new FormatException($"cell output change without 'data': {change.ToJsonString()}");

    private void Add(JsonObject output) => entries.Add(output);

    private sealed record StreamEntry(string Name, StringBuilder Text);
}
