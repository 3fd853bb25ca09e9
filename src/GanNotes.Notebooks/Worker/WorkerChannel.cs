using System.Text;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// The runner's line to its worker process: one JSON object per line in each direction over a
/// local pipe (a Unix domain socket on Linux and macOS, a named pipe on Windows). JSON text
/// escapes its line breaks, so a line is always one whole message.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock sendGate = new();
    private readonly StreamReader reader;
    private readonly StreamWriter writer;

    public WorkerChannel(Stream pipe)
    {
        reader = new StreamReader(pipe, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        writer = new StreamWriter(pipe, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }

    /// <summary>Sends one message; safe to call from several threads (a cell's tasks write too).</summary>
    /// <exception cref="IOException">The other side has gone.</exception>
    public void Send(JsonObject message)
    {
        string line = message.ToJsonString();
        lock (sendGate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>The next message; null when the other side has closed the pipe or gone.</summary>
    /// <exception cref="FormatException">A line that is not a JSON object.</exception>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        string? line;
        try
        {
            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null;
        }
        if (line is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"not a worker message: {Shorten(line)}");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not a worker message: {Shorten(line)}", e);
        }
    }

    /// <summary>Releases the reader and writer; the pipe stays open (its owner closes it).</summary>
    public void Dispose()
    {
        reader.Dispose();
        lock (sendGate)
        {
            writer.Dispose();
        }
    }

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "...";
}
