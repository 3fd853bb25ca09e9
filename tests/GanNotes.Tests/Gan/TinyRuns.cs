using GanNotes.Gan;
using GanNotes.Tests.Data;

namespace GanNotes.Tests.Gan;

/// <summary>Recipes small enough to train in milliseconds, and a fixture data folder of 64 fake 28 x 28 images.</summary>
internal static class TinyRuns
{
    /// <summary>1-D toy: epochs of 4 steps of m = 16, h 4, z 2.</summary>
    public static GanRecipe Toy1D(int epochs = 2) => GanRecipe.Fast.ForDataset(GanDataset.Gaussian1D) with
    {
        Epochs = epochs,
        Limit = 64,
        BatchSize = 16,
        Hidden = 4,
        ZDim = 2,
        Lr = 1e-3f,
        SampleEvery = 1,
    };

    /// <summary>Images: 64 fixture images, epochs of 4 steps of m = 16, h 4, z 2, a 16-image sample grid.</summary>
    public static GanRecipe Images(int epochs = 2) => GanRecipe.Fast with
    {
        Epochs = epochs,
        BatchSize = 16,
        Hidden = 4,
        ZDim = 2,
        FixedNoiseCount = 16,
    };

    /// <summary>Writes fashion-mnist/ with 64 training and 8 test images into <paramref name="temp"/> and returns the data folder.</summary>
    public static string WriteFashionFixture(TempDirectory temp)
    {
        string data = temp.Combine("data");
        IdxFixtures.WriteMnistFolder(Path.Combine(data, "fashion-mnist"), [.. Enumerable.Range(0, 64).Select(i => (byte)(i % 10))], [0, 1, 2, 3, 4, 5, 6, 7]);
        return data;
    }

    /// <summary>A synchronous progress sink.</summary>
    public static IProgress<TrainingEvent> Collect(List<TrainingEvent> events, Action<TrainingEvent>? also = null) =>
        new SyncProgress(e =>
        {
            events.Add(e);
            also?.Invoke(e);
        });

    private sealed class SyncProgress(Action<TrainingEvent> report) : IProgress<TrainingEvent>
    {
        public void Report(TrainingEvent value) => report(value);
    }
}
