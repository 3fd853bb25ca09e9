using System.Text;
using GanNotes.IO;

namespace GanNotes.Evaluation;

/// <summary>
/// A run's evaluation.csv: the header <see cref="EvaluationScores.CsvHeader"/>, then one row per
/// evaluated checkpoint, by epoch. Scoring a checkpoint again replaces its row.
/// </summary>
public static class EvaluationCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "evaluation.csv";

    /// <summary>The path of evaluation.csv in <paramref name="directory"/>.</summary>
    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>Reads every row.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header or a row is wrong, or an epoch has two rows; the message names the file and line.</exception>
    public static IReadOnlyList<EvaluationScores> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != EvaluationScores.CsvHeader)
        {
            throw new InvalidDataException($"{path}: line 1 is not the evaluation header '{EvaluationScores.CsvHeader}'.");
        }
        var rows = new List<EvaluationScores>();
        var lineOfEpoch = new Dictionary<int, int>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            EvaluationScores row;
            try
            {
                row = EvaluationScores.ParseCsv(lines[i]);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new InvalidDataException($"{path}: line {i + 1} is not a row of scores: {e.Message}", e);
            }
            // One row per checkpoint: a repeated epoch would make Merge's replacement ambiguous.
            if (!lineOfEpoch.TryAdd(row.Epoch, i + 1))
            {
                throw new InvalidDataException($"{path}: line {i + 1} repeats epoch {row.Epoch} of line {lineOfEpoch[row.Epoch]}.");
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Adds <paramref name="scores"/> to the file (creating it), replacing any row of the same epoch,
    /// and writes it atomically, rows by epoch.
    /// </summary>
    /// <returns>Every row now in the file.</returns>
    /// <exception cref="InvalidDataException">The existing file is damaged (it is left as it was).</exception>
    public static IReadOnlyList<EvaluationScores> Merge(string path, IEnumerable<EvaluationScores> scores)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scores);
        var byEpoch = (File.Exists(path) ? Read(path) : []).ToDictionary(s => s.Epoch);
        foreach (var s in scores)
        {
            byEpoch[s.Epoch] = s;
        }
        var rows = byEpoch.Values.OrderBy(s => s.Epoch).ToList();
        var text = new StringBuilder(EvaluationScores.CsvHeader).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row.ToCsv()).Append('\n');
        }
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(text.ToString()));
        return rows;
    }
}
