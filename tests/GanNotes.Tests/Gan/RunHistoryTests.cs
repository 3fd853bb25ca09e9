using GanNotes.Gan;

namespace GanNotes.Tests.Gan;

public sealed class RunHistoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static StepRecord Record(int step, float value) => new(step, step / 3.0, value, 2 * value, 0.5f, 0.25f, value, 1);

    [Fact]
    public void EpochMeans_MeanOfEachColumnPerEpoch_LastEpochMayBeShort()
    {
        var history = Enumerable.Range(1, 7).Select(s => Record(s, s)).ToList();

        var epochs = RunHistory.EpochMeans(history, stepsPerEpoch: 3);

        Assert.Equal([3, 6, 7], epochs.Select(e => e.Step));
        Assert.Equal([1.0, 2.0, 3.0], epochs.Select(e => e.Epoch));
        Assert.Equal([2f, 5f, 7f], epochs.Select(e => e.LossD));
        Assert.Equal([4f, 10f, 14f], epochs.Select(e => e.LossG));
        Assert.All(epochs, e => Assert.Equal((0.5f, 0.25f, 1f), (e.DReal, e.DFake, e.GradNormG)));
    }

    [Fact]
    public void Write_ThenRead_SameRecords()
    {
        var records = Enumerable.Range(1, 4).Select(s => Record(s, s * 0.1f)).ToList();
        string path = temp.Combine("epochs.csv");

        RunHistory.Write(path, records);

        Assert.Equal(records, RunHistory.Read(path));
    }

    [Fact]
    public void EpochMeans_StepsPerEpochZero_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunHistory.EpochMeans([], 0));
    }
}
