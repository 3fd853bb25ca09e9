using System.Text;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Testing;

/// <summary>A number a markdown cell quotes that nothing in its notebook shows.</summary>
/// <param name="Cell">The cell's index among all cells, from 0.</param>
/// <param name="CellId">The cell's id.</param>
/// <param name="Number">The number as written ("0.894", "61.7 %", "2.1 million").</param>
/// <param name="Sentence">The sentence it stands in, on one line.</param>
internal sealed record UnshownNumber(int Cell, string CellId, string Number, string Sentence)
{
    public override string ToString() => $"cell {Cell} ({CellId}): {Number} in \"{Sentence}\"";
}

/// <summary>
/// The course's rule for numbers in the text: every measurement a markdown cell quotes is shown by
/// an output of the same notebook (allowing rounding), stands in one of its code cells, or is a
/// constant the notebook lists with its source from the lecture notes or the paper
/// (<see cref="NotebookConstants"/>). Which numbers count as quoted is <see cref="ProseNumbers"/>'
/// business, what counts as shown <see cref="ShownNumbers"/>', and the rounding rule
/// <see cref="ProseNumber.IsShownBy"/>'s.
/// </summary>
internal static class NumbersCheck
{
    /// <summary>Every quoted number of the notebook's markdown cells that nothing shows, in cell order.</summary>
    /// <exception cref="InvalidDataException">The notebook's constants are malformed.</exception>
    public static IReadOnlyList<UnshownNumber> Run(NotebookDocument notebook)
    {
        var shown = ShownNumbers.Of(notebook);
        var unshown = new List<UnshownNumber>();
        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.CellType != "markdown")
            {
                continue;
            }
            string text = cell.Source;
            foreach (var number in ProseNumbers.Read(text).Where(n => n.Role == NumberRole.Quoted && shown.Find(n) is null))
            {
                var found = new UnshownNumber(index, cell.Id, number.Text, MarkdownProse.SentenceAround(text, number.Offset));
                if (!unshown.Contains(found))   // "28 × 28" once per sentence
                {
                    unshown.Add(found);
                }
            }
        }
        return unshown;
    }

    /// <summary>Fails listing every unshown number of the notebook at <paramref name="path"/>, with what to do about each.</summary>
    public static void Assert(string path)
    {
        var unshown = Run(NotebookDocument.Load(path));
        if (unshown.Count == 0)
        {
            return;
        }
        var message = new StringBuilder()
            .Append(Path.GetFileName(path)).Append(": ").Append(unshown.Count)
            .AppendLine(" number(s) in the text that no output, code cell or listed constant shows.")
            .AppendLine("Print each one in a code cell, or, for a constant the lecture notes or the paper give, list it in")
            .AppendLine("metadata.gan_notes.constants as {\"value\": \"...\", \"source\": \"seed 004: ...\"}:");
        foreach (var number in unshown)
        {
            message.Append("  ").AppendLine(number.ToString());
        }
        throw new Xunit.Sdk.XunitException(message.ToString());
    }
}
