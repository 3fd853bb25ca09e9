using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

public class SamplersTests
{
    private static ImageDataset Tiny(int count)
    {
        // Image i has every pixel equal to i / 255, so a batch tells which images it holds.
        var pixels = new float[count * 4];
        for (int i = 0; i < count; i++)
        {
            pixels.AsSpan(i * 4, 4).Fill(i / 255f);
        }
        return new ImageDataset("tiny", pixels, new byte[count], 2, 2, ["only"]);
    }

    private static int[] Ids(Tensor batch) => [.. batch.ToArray2D().Cast<float>().Where((_, j) => j % 4 == 0).Select(v => (int)MathF.Round(v * 255))];

    [Fact]
    public void DatasetSampler_OneEpoch_EveryImageOnceThenANewOrder()
    {
        var sampler = new DatasetSampler(Tiny(10), seed: 3);
        var epoch0 = Ids(sampler.Next(5)).Concat(Ids(sampler.Next(5))).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), epoch0.Order());
        var epoch1 = Ids(sampler.Next(5)).Concat(Ids(sampler.Next(5))).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), epoch1.Order());
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(2, sampler.BatchesPerEpoch(5));
    }

    [Fact]
    public void DatasetSampler_PartialLastBatch_IsDropped()
    {
        var sampler = new DatasetSampler(Tiny(7), seed: 1);
        sampler.Next(3);
        sampler.Next(3);
        Assert.Equal([0L, 6L], sampler.GetState());
        sampler.Next(3); // only one image is left in epoch 0: it is skipped and epoch 1 begins
        Assert.Equal([1L, 3L], sampler.GetState());
    }

    [Fact]
    public void DatasetSampler_StateRoundTrip_ContinuesTheSameBatches()
    {
        var a = new DatasetSampler(Tiny(12), seed: 9);
        a.Next(4);
        var state = a.GetState();
        var expected = Enumerable.Range(0, 5).Select(_ => Ids(a.Next(4))).ToList();
        var b = new DatasetSampler(Tiny(12), seed: 9);
        b.SetState(state);
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => Ids(b.Next(4))).ToList());
        Assert.Throws<ArgumentException>(() => b.SetState([0, 99]));
    }

    [Fact]
    public void ToySampler_StateRoundTrip_SameDraws()
    {
        var a = new ToySampler(new Gaussian1D(2, 0.5), seed: 4, epochSize: 100);
        a.Next(8);
        var state = a.GetState();
        var expected = a.Next(8).ToArray();
        var b = new ToySampler(new Gaussian1D(2, 0.5), seed: 99);
        b.SetState(state);
        Assert.Equal(expected, b.Next(8).ToArray());
        Assert.Equal(12, a.BatchesPerEpoch(8));
        Assert.Equal(1, a.Dimension);
    }
}
