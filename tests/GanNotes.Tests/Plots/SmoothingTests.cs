using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class SmoothingTests
{
    [Fact]
    public void MovingAverage_TrailingWindow_ShorterAtTheStart()
    {
        Assert.Equal([1, 1.5, 2, 3, 4], Smoothing.MovingAverage([1.0, 2, 3, 4, 5], 3));
    }

    [Fact]
    public void MovingAverage_Floats_SameAsDoubles()
    {
        Assert.Equal([2, 3, 5], Smoothing.MovingAverage([2f, 4f, 6f], 2));
    }

    [Fact]
    public void MovingAverage_WindowZero_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Smoothing.MovingAverage([1.0], 0));
    }
}
