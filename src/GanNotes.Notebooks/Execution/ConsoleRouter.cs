using System.Text;

namespace GanNotes.Notebooks;

/// <summary>
/// Replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> once per process with
/// writers that send text to the running cell's <see cref="CellOutputs"/> (as a stdout or
/// stderr stream output) and everything else to the original console.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly Lock InstallGate = new();
    private static bool installed;

    private readonly TextWriter original;
    private readonly string streamName;

    private ConsoleRouter(TextWriter original, string streamName)
    {
        this.original = original;
        this.streamName = streamName;
        // Notebook text uses "\n" on every OS, as Jupyter kernels write it.
        CoreNewLine = ['\n'];
    }

    public override Encoding Encoding => original.Encoding;

    /// <summary>Installs the routers (idempotent).</summary>
    public static void Install()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }
            Console.SetOut(new ConsoleRouter(Console.Out, "stdout"));
            Console.SetError(new ConsoleRouter(Console.Error, "stderr"));
            installed = true;
        }
    }

    public override void Write(char value) => Route(value.ToString());

    public override void Write(string? value) => Route(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

    public override void WriteLine(string? value) => Route((value ?? "") + "\n");

    public override void Flush()
    {
        if (CellOutputs.Current is null)
        {
            original.Flush();
        }
    }

    private void Route(string text)
    {
        if (CellOutputs.Current is { } outputs)
        {
            outputs.WriteStream(streamName, text);
        }
        else
        {
            original.Write(text);
        }
    }
}
