using GanNotes.Tensors;

namespace GanNotes.Tests.Tensors;

/// <summary>The kernel profiler. It is process-wide, so tests look only at shapes no other test uses.</summary>
[Collection(nameof(ProfilerTestGroup))]
public class ProfilerTests
{
    [Fact]
    public void Start_ProductsAndBackward_AreListedPerShapeWithTheirCalls()
    {
        var a = Tensor.Randn([13, 19], new Rng(1));
        var b = Tensor.Randn([19, 17], new Rng(2));
        a.RequiresGrad = true;
        Profiler profile;
        using (profile = Profiler.Start())
        {
            Tensor.MatMul(a, false, b, false).Sum().Backward();
        }
        var names = profile.Entries.Select(e => e.Name).ToList();
        Assert.Equal(1, profile.Entries.Single(e => e.Name == "MatMulNN 13x17x19").Calls);
        Assert.Equal(1, profile.Entries.Single(e => e.Name == "MatMulNT 13x19x17").Calls); // dA = G B^T
        Assert.DoesNotContain("MatMulTN 19x17x13", names); // b needs no gradient
        Assert.True(profile.Elapsed >= profile.Entries.Aggregate(TimeSpan.Zero, (s, e) => s + e.Total));
        Assert.Contains("MatMulNN 13x17x19", profile.Table(), StringComparison.Ordinal);
        Assert.Contains("(outside kernels)", profile.Table(perSteps: 2), StringComparison.Ordinal);
    }

    [Fact]
    public void GigaflopsPerSecond_OfAProduct_IsTwoMnkPerCallOverItsTime()
    {
        var product = new ProfileEntry("MatMulNT 128x784x1024", Calls: 4, Total: TimeSpan.FromMilliseconds(2));
        Assert.Equal(2.0 * 128 * 784 * 1024 * 4 / 0.002 / 1e9, product.GigaflopsPerSecond!.Value, 6);
        Assert.Null(new ProfileEntry("Im2Col", 4, TimeSpan.FromMilliseconds(2)).GigaflopsPerSecond);
        var convolution = new ProfileEntry("Conv2dBackward 6272x64x1024", 2, TimeSpan.FromMilliseconds(4));
        Assert.Equal(2.0 * 6272 * 64 * 1024 * 2 / 0.004 / 1e9, convolution.GigaflopsPerSecond!.Value, 6);
        Assert.Null(new ProfileEntry("Allocate (pooled)", 4, TimeSpan.FromMilliseconds(2)).GigaflopsPerSecond);
        Assert.Null(new ProfileEntry("MatMulNT", 4, TimeSpan.FromMilliseconds(2)).GigaflopsPerSecond);
    }

    [Fact]
    public void Dispose_LaterKernels_AreNotRecorded()
    {
        var profile = Profiler.Start();
        profile.Dispose();
        _ = Tensor.MatMul(Tensor.Ones(23, 29), false, Tensor.Ones(29, 31), false);
        Assert.DoesNotContain(profile.Entries, e => e.Name.StartsWith("MatMulNN 23x31", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WhileAnotherRuns_Throws()
    {
        using var first = Profiler.Start();
        Assert.Throws<InvalidOperationException>(() => Profiler.Start());
    }
}

/// <summary>Profiler tests run one at a time: only one profiler may be active in the process.</summary>
[CollectionDefinition(nameof(ProfilerTestGroup), DisableParallelization = true)]
public sealed class ProfilerTestGroup;
