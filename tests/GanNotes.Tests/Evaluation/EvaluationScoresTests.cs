using GanNotes.Evaluation;

namespace GanNotes.Tests.Evaluation;

/// <summary>One row of evaluation.csv: its columns, nulls as empty cells, exact doubles.</summary>
public class EvaluationScoresTests
{
    /// <summary>An image run's row: classifier and Parzen columns, no ring columns; doubles that need all 17 digits.</summary>
    internal static readonly EvaluationScores ImageRow = new(
        Epoch: 12, Step: 5616, Count: 2000,
        FrechetDistance: 1 / 3.0, ClassesCovered: 9, ClassEntropyBits: Math.Log2(10) - 1e-9, ClassifierScore: Math.E,
        ParzenLogLikelihood: -123.456789012345678, ParzenStandardError: 1.9e-3, ParzenSigma: 0.05 * Math.Pow(20, 3 / 19.0));

    /// <summary>A ring run's row: only the coverage columns.</summary>
    internal static readonly EvaluationScores RingRow = new(Epoch: 3, Step: 300, Count: 5000, ModesHit: 6, HighQualityShare: 0.8734);

    [Fact]
    public void ParseCsv_OfToCsv_RoundTripsExactlyWithNulls()
    {
        foreach (var row in new[] { ImageRow, RingRow, new EvaluationScores(0, 0, 0) })
        {
            var parsed = EvaluationScores.ParseCsv(row.ToCsv());

            Assert.Equal(row, parsed);
        }
    }

    [Fact]
    public void ToCsv_RingRow_LeavesInapplicableColumnsEmpty()
    {
        var cells = RingRow.ToCsv().Split(',');
        var header = EvaluationScores.CsvHeader.Split(',');

        Assert.Equal(header.Length, cells.Length);
        for (int i = 0; i < header.Length; i++)
        {
            bool applies = header[i] is "epoch" or "step" or "count" or "modes_hit" or "high_quality_share";
            Assert.True(applies == (cells[i].Length > 0), $"column {header[i]}: '{cells[i]}'");
        }
        Assert.Equal("0.8734", cells[^1]);
    }

    [Fact]
    public void ParseCsv_WrongColumnCount_ThrowsFormatException()
    {
        string shortLine = string.Join(',', RingRow.ToCsv().Split(',').SkipLast(1));

        var ex = Assert.Throws<FormatException>(() => EvaluationScores.ParseCsv(shortLine));

        Assert.Contains("expected 12 columns, found 11", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCsv_NonNumericCell_ThrowsFormatException()
    {
        string line = RingRow.ToCsv().Replace("0.8734", "lots", StringComparison.Ordinal);

        Assert.Throws<FormatException>(() => EvaluationScores.ParseCsv(line));
    }

    [Fact]
    public void Values_RingRow_ListsOnlyApplicableScoresInColumnOrder()
    {
        var values = RingRow.Values();

        Assert.Equal(new (string, double)[] { ("modes_hit", 6.0), ("high_quality_share", 0.8734) }, values);
    }

    [Fact]
    public void Values_ImageRow_NamesAreCsvColumns()
    {
        var names = ImageRow.Values().Select(v => v.Name);

        Assert.Equal(EvaluationScores.CsvHeader.Split(',').Skip(3).Take(7), names);
    }
}
