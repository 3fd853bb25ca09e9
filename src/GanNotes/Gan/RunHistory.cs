using System.Text;
using GanNotes.IO;

namespace GanNotes.Gan;

/// <summary>
/// A run's history.csv: the header <see cref="StepRecord.CsvHeader"/>, then one
/// <see cref="StepRecord"/> per generator step, in order.
/// </summary>
/// <remarks>
/// Lines are appended whole (buffered, written at each epoch's end and when training stops),
/// so a crash leaves a valid prefix; a last line without its newline is a write the crash
/// cut short and is ignored on reading. Resuming truncates the file to the checkpoint's step.
/// </remarks>
public static class RunHistory
{
    /// <summary>Reads every complete record.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header is wrong or a line is not a record; the message names the file and line.</exception>
    public static IReadOnlyList<StepRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path);
        var lines = text.Split('\n');
        // After the last newline: empty, or a line cut short by a crash.
        int complete = lines.Length - 1;
        if (complete < 1 || lines[0].TrimEnd('\r') != StepRecord.CsvHeader)
        {
            throw new InvalidDataException($"{path}: line 1 is not the history header '{StepRecord.CsvHeader}'.");
        }
        var records = new List<StepRecord>(complete - 1);
        for (int i = 1; i < complete; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                records.Add(StepRecord.ParseCsv(line));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new InvalidDataException($"{path}: line {i + 1} is not a step record: {e.Message}", e);
            }
        }
        return records;
    }

    /// <summary>Writes a history with no records (the header only), atomically.</summary>
    internal static void Create(string path) => AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(StepRecord.CsvHeader + "\n"));

    /// <summary>Keeps the records of steps 1..<paramref name="step"/> (rewriting the file atomically) so a resumed run appends after them.</summary>
    /// <exception cref="InvalidDataException">The file holds fewer steps, or they are not 1, 2, 3, ...: the history does not belong to this checkpoint.</exception>
    internal static void Truncate(string path, int step)
    {
        var kept = File.Exists(path) ? Read(path).Where(r => r.Step <= step).ToList() : [];
        for (int i = 0; i < kept.Count; i++)
        {
            if (kept[i].Step != i + 1)
            {
                throw new InvalidDataException($"{path}: record {i + 1} is step {kept[i].Step}; the history is out of order.");
            }
        }
        if (kept.Count != step)
        {
            throw new InvalidDataException($"{path} ends at step {kept.Count} but the checkpoint is at step {step}: the history does not belong to this checkpoint.");
        }
        Write(path, kept);
    }

    /// <summary>Writes <paramref name="records"/> as a history file (header, one line each), atomically.</summary>
    public static void Write(string path, IEnumerable<StepRecord> records)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder(StepRecord.CsvHeader).Append('\n');
        foreach (var record in records)
        {
            text.Append(record.ToCsv()).Append('\n');
        }
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// One record per epoch: the mean of each column over the epoch's generator steps, with
    /// <see cref="StepRecord.Step"/> the epoch's last step and <see cref="StepRecord.Epoch"/> its number
    /// (a last, unfinished epoch too). A long run's history in a few hundred lines: epochs.csv.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepsPerEpoch"/> is not positive.</exception>
    public static IReadOnlyList<StepRecord> EpochMeans(IEnumerable<StepRecord> history, int stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepsPerEpoch);
        return [.. history.GroupBy(r => (r.Step - 1) / stepsPerEpoch + 1).Select(g => new StepRecord(
            g.Max(r => r.Step), g.Key,
            (float)g.Average(r => r.LossD), (float)g.Average(r => r.LossG),
            (float)g.Average(r => r.DReal), (float)g.Average(r => r.DFake),
            (float)g.Average(r => r.GradNormD), (float)g.Average(r => r.GradNormG)))];
    }

    /// <summary>Collects records in memory and appends them to the file in whole lines on <see cref="Flush"/>.</summary>
    internal sealed class Appender(string path)
    {
        private readonly StringBuilder pending = new();

        /// <summary>Queues one record.</summary>
        public void Add(StepRecord record) => pending.Append(record.ToCsv()).Append('\n');

        /// <summary>Appends the queued records and forces them to disk.</summary>
        public void Flush()
        {
            if (pending.Length == 0)
            {
                return;
            }
            byte[] bytes = Encoding.UTF8.GetBytes(pending.ToString());
            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            pending.Clear();
        }
    }
}
