using Microsoft.CodeAnalysis.CSharp;

namespace GanNotes.Notebooks;

/// <summary>
/// One <c>--set name=value</c>: a new value for a variable of the notebook's cell tagged
/// <c>parameters</c>. The value is text; it is typed by the literal it replaces.
/// </summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The new value as typed on the command line (strings without quotes).</param>
public sealed record ParameterAssignment(string Name, string Value)
{
    /// <summary>Parses <c>name=value</c>; everything after the first '=' is the value.</summary>
    /// <exception cref="NotebookParameterException">The text is not <c>name=value</c> with a C# identifier as name.</exception>
    public static ParameterAssignment Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? text : text[..equals].Trim();
        if (equals < 0 || !SyntaxFacts.IsValidIdentifier(name))
        {
            throw new NotebookParameterException(
                $"--set '{text}': expected name=value with a C# variable name, for example --set epochs=2");
        }
        return new ParameterAssignment(name, text[(equals + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}={Value}";
}
