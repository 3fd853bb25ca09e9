using GanNotes.Gan;

namespace GanNotes.Tests.Gan;

public class GanAlarmsTests
{
    private static StepRecord Record(int step, float lossD, float normD = 1, float normG = 1) =>
        new(step, step / 10.0, lossD, 5f, 0.99f, 0.01f, normD, normG);

    [Fact]
    public void Observe_DLossNearZeroForPatienceSteps_RaisesOnce()
    {
        var alarms = new GanAlarms(lossDNearZero: 0.01f, patience: 5);
        var raised = Enumerable.Range(1, 12).SelectMany(s => alarms.Observe(Record(s, 0.001f))).ToList();
        var alarm = Assert.Single(raised);
        Assert.Equal(AlarmKind.DiscriminatorWins, alarm.Kind);
        Assert.Equal(5, alarm.Step);
        Assert.Contains("Step 5", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_RunInterrupted_DoesNotRaise()
    {
        var alarms = new GanAlarms(patience: 5);
        var losses = new[] { 0f, 0f, 0f, 0f, 0.5f, 0f, 0f, 0f, 0f };
        Assert.Empty(losses.Select((l, i) => alarms.Observe(Record(i + 1, l))).SelectMany(a => a));
    }

    [Fact]
    public void Observe_GradientAbove100_RaisesNamingPlayer()
    {
        var alarms = new GanAlarms();
        Assert.Empty(alarms.Observe(Record(1, 0.7f, normD: 99, normG: 3)));
        var alarm = Assert.Single(alarms.Observe(Record(2, 0.7f, normD: 2, normG: 250)));
        Assert.Equal(AlarmKind.ExplodingGradient, alarm.Kind);
        Assert.Contains("G's gradient norm is 250.0", alarm.Message, StringComparison.Ordinal);
        Assert.Empty(alarms.Observe(Record(3, 0.7f, normG: 300)));   // still high: not repeated
        Assert.Empty(alarms.Observe(Record(4, 0.7f)));
        Assert.Single(alarms.Observe(Record(5, 0.7f, normD: 101)));  // cleared, then raised again
    }

    [Fact]
    public void Replay_AWholeRun_SameAlarmsAsWatchingItStepByStep()
    {
        var history = Enumerable.Range(1, 300).Select(s => Record(s, s <= 150 ? 0.001f : 0.7f, normG: s is > 200 and < 210 or > 250 ? 150 : 1)).ToList();
        var watcher = new GanAlarms();
        var expected = history.SelectMany(watcher.Observe).ToList();

        var replayed = GanAlarms.Replay(history);

        Assert.Equal(expected, replayed);
        Assert.Equal(new[] { (AlarmKind.DiscriminatorWins, 100), (AlarmKind.ExplodingGradient, 201), (AlarmKind.ExplodingGradient, 251) },
            replayed.Select(a => (a.Kind, a.Step)));
    }

    [Fact]
    public void StepRecord_CsvRoundTrip_IsExact()
    {
        var record = new StepRecord(12, 0.1234567891, 0.6931472f, 1.234e-7f, 0.5f, 0.25f, 3.5f, 123.456f);
        Assert.Equal(record, StepRecord.ParseCsv(record.ToCsv()));
        Assert.Throws<FormatException>(() => StepRecord.ParseCsv("1,2,3"));
    }
}
