namespace GanNotes.Notebooks;

/// <summary>
/// Reads the Polyglot Notebooks directives of a C# cell before Roslyn sees it: a first line
/// <c>#!fsharp</c> (or any other kernel) hands the cell to another kernel, <c>#!csharp</c> is a
/// no-op, <c>#r "nuget: ..."</c> and <c>#i</c> are refused (nothing is fetched at run time), and
/// other magic commands (<c>#!time</c>, <c>#!set</c>, ...) are refused by name. Blanked lines keep
/// their place, so Roslyn's line numbers stay those of the cell.
/// </summary>
internal static class CellSource
{
    private static readonly HashSet<string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "mermaid",
        "sql", "kql", "value", "http", "python", "r", "vscode", "webview",
    };

    /// <summary>True for the kernel names that mean C#.</summary>
    public static bool IsCSharp(string? kernelName) =>
        kernelName is not null
        && (kernelName.Equals("csharp", StringComparison.OrdinalIgnoreCase) || kernelName.Equals("c#", StringComparison.OrdinalIgnoreCase));

    public static PreparedCell Prepare(string source)
    {
        var lines = source.Split('\n');
        bool seenCode = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].Trim();
            if (text.StartsWith("#!", StringComparison.Ordinal))
            {
                string name = text[2..].Split(' ', '\t')[0];
                if (IsCSharp(name))
                {
                    lines[i] = "";
                }
                else if (!seenCode && OtherKernels.Contains(name))
                {
                    return new PreparedCell(source, name, null);
                }
                else
                {
                    string why = OtherKernels.Contains(name)
                        ? $"the GanNotes runner cannot switch to the {name} kernel inside a C# cell; give that code its own cell"
                        : "the GanNotes runner does not implement .NET Interactive's magic commands";
                    return Reject(i + 1, text, why);
                }
            }
            else if (IsPackageDirective(text))
            {
                return Reject(i + 1, text,
                    "the GanNotes runner never fetches packages; build or restore the package yourself and reference its dll by path (#r \"path/to/Package.dll\")");
            }
            else if (text.StartsWith("#i ", StringComparison.Ordinal) || text.StartsWith("#i\"", StringComparison.Ordinal))
            {
                return Reject(i + 1, text, "the GanNotes runner has no package sources; reference dlls by path instead");
            }
            seenCode |= text.Length > 0 && !text.StartsWith("//", StringComparison.Ordinal);
        }
        return new PreparedCell(string.Join('\n', lines), null, null);
    }

    private static bool IsPackageDirective(string text)
    {
        if (!text.StartsWith("#r", StringComparison.Ordinal) && !text.StartsWith("#i", StringComparison.Ordinal))
        {
            return false;
        }
        string rest = text[2..].TrimStart();
        return rest.StartsWith('"') && rest[1..].TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
    }

    private static PreparedCell Reject(int line, string directive, string why)
    {
        string message = $"{directive} is not supported: {why}.";
        return new PreparedCell("", null, new CellError("NotSupportedException", message, [message], line, message));
    }
}

/// <summary>A cell ready for Roslyn, a cell for another kernel, or a refused cell.</summary>
/// <param name="Code">The code to compile (directives for C# blanked).</param>
/// <param name="OtherKernel">The kernel the cell belongs to when it is not C#.</param>
/// <param name="Rejection">Why the cell cannot run, when it cannot.</param>
internal sealed record PreparedCell(string Code, string? OtherKernel, CellError? Rejection);
