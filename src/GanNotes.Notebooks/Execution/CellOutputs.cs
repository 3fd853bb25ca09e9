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
internal sealed class CellOutputs
{
    private static readonly AsyncLocal<CellOutputs?> CurrentOutputs = new();

    private readonly Lock gate = new();
    private readonly List<object> entries = []; // StreamEntry or a finished output JsonObject
    private readonly Dictionary<string, JsonObject> displays = [];
    private bool closed;

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
                return; // a thread abandoned after a timeout keeps writing; its cell is finished
            }
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

    public void AddDisplay(string displayId, MimeBundle bundle)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = bundle.ToData(),
            ["metadata"] = new JsonObject(),
        };
        lock (gate)
        {
            displays[displayId] = output;
            Add(output);
        }
    }

    public void ReplaceDisplay(string displayId, MimeBundle bundle)
    {
        lock (gate)
        {
            if (displays.TryGetValue(displayId, out var output))
            {
                output["data"] = bundle.ToData();
            }
        }
    }

    public void AddExecuteResult(int executionCount, MimeBundle bundle)
    {
        lock (gate)
        {
            Add(new JsonObject
            {
                ["output_type"] = "execute_result",
                ["execution_count"] = executionCount,
                ["data"] = bundle.ToData(),
                ["metadata"] = new JsonObject(),
            });
        }
    }

    /// <summary>
    /// Stops collecting (later writes, e.g. from a thread abandoned after a timeout, are dropped)
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

    private void Add(JsonObject output)
    {
        if (!closed)
        {
            entries.Add(output);
        }
    }

    private sealed record StreamEntry(string Name, StringBuilder Text);
}
