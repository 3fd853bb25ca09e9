using GanNotes.Evaluation;

namespace GanNotes.Tests.Evaluation;

/// <summary>A run's evaluation.csv: round trip, one row per epoch in epoch order, damaged files refused and left alone.</summary>
public sealed class EvaluationCsvTests : IDisposable
{
    private readonly TempDirectory folder = new("gannotes-evaluation-csv-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Merge_NewFile_WritesHeaderAndRowsThatReadBackWithNulls()
    {
        string path = EvaluationCsv.PathIn(folder.Combine("run"));

        var merged = EvaluationCsv.Merge(path, [EvaluationScoresTests.ImageRow, EvaluationScoresTests.RingRow]);

        Assert.Equal(folder.Combine("run", "evaluation.csv"), path);
        Assert.Equal(new[] { EvaluationScoresTests.RingRow, EvaluationScoresTests.ImageRow }, merged);
        var lines = File.ReadAllLines(path);
        Assert.Equal(EvaluationScores.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(merged, EvaluationCsv.Read(path));
    }

    [Fact]
    public void Merge_RowOfSameEpoch_ReplacesItAndKeepsRowsSortedByEpoch()
    {
        string path = folder.Combine(EvaluationCsv.FileName);
        EvaluationCsv.Merge(path, [Row(5, 0.5), Row(1, 0.1)]);

        var merged = EvaluationCsv.Merge(path, [Row(3, 0.3), Row(1, 0.99)]);

        var expected = new[] { Row(1, 0.99), Row(3, 0.3), Row(5, 0.5) };
        Assert.Equal(expected, merged);
        Assert.Equal(expected, EvaluationCsv.Read(path));
        Assert.Equal(expected.Select(r => r.ToCsv()).Prepend(EvaluationScores.CsvHeader), File.ReadAllLines(path));
    }

    [Fact]
    public void Read_CrLfLinesAndBlankLines_ReadsEveryRow()
    {
        string path = folder.Write(EvaluationCsv.FileName, System.Text.Encoding.UTF8.GetBytes(
            EvaluationScores.CsvHeader + "\r\n" + Row(2, 0.2).ToCsv() + "\r\n\r\n" + Row(4, 0.4).ToCsv() + "\r\n"));

        Assert.Equal(new[] { Row(2, 0.2), Row(4, 0.4) }, EvaluationCsv.Read(path));
    }

    [Fact]
    public void Read_DamagedRow_ThrowsNamingFileAndLine()
    {
        string path = WriteLines(EvaluationScores.CsvHeader, Row(1, 0.1).ToCsv(), "2,200,x" + new string(',', 9));

        var ex = Assert.Throws<InvalidDataException>(() => EvaluationCsv.Read(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongHeader_ThrowsNamingFileAndLineOne()
    {
        string path = WriteLines("epoch,step,count", Row(1, 0.1).ToCsv());

        var ex = Assert.Throws<InvalidDataException>(() => EvaluationCsv.Read(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedEpoch_ThrowsNamingBothLines()
    {
        string path = WriteLines(EvaluationScores.CsvHeader, Row(4, 0.4).ToCsv(), Row(6, 0.6).ToCsv(), Row(4, 0.5).ToCsv());

        var ex = Assert.Throws<InvalidDataException>(() => EvaluationCsv.Read(path));

        Assert.Contains($"{path}: line 4 repeats epoch 4 of line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => EvaluationCsv.Read(folder.Combine(EvaluationCsv.FileName)));
    }

    [Theory]
    [InlineData("too,few,columns")]
    [InlineData("99999999999,1,1,,,,,,,,,")]
    [InlineData("repeat")]
    public void Merge_DamagedFile_ThrowsAndLeavesFileUnchanged(string badLine)
    {
        // "repeat": a second row for an epoch already in the file, which no Merge writes.
        string line = badLine == "repeat" ? Row(1, 0.7).ToCsv() : badLine;
        string path = WriteLines(EvaluationScores.CsvHeader, Row(1, 0.1).ToCsv(), line);
        byte[] before = File.ReadAllBytes(path);

        var ex = Assert.Throws<InvalidDataException>(() => EvaluationCsv.Merge(path, [Row(2, 0.2)]));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { EvaluationCsv.FileName }, folder.FileNames());
    }

    private static EvaluationScores Row(int epoch, double share) =>
        new(epoch, 100 * epoch, 1000, ModesHit: epoch % 9, HighQualityShare: share);

    private string WriteLines(params string[] lines) =>
        folder.Write(EvaluationCsv.FileName, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
}
