using GanNotes.Tensors;

namespace GanNotes.Tests.Tensors;

/// <summary>Seeding, reproducibility, state save/restore and the distributions of <see cref="Rng"/>.</summary>
public sealed class RngTests
{
    private const int SampleCount = 100_000;

    [Fact]
    public void ManualSeed_Zero_SeedsStateWithPublishedSplitMix64Outputs()
    {
        // The first four SplitMix64 outputs from state 0 (Vigna's reference implementation).
        var state = new Rng(0).GetState();

        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL, 0xF88BB8A8724C81ECUL], state[..4]);
    }

    [Fact]
    public void NextUInt64_SameSeed_SameSequence()
    {
        var a = new Rng(42);
        var b = new Rng(42);

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_Differ()
    {
        var a = new Rng(1);
        var b = new Rng(2);

        var first = Enumerable.Range(0, 10).Select(_ => a.NextUInt64()).ToArray();
        var second = Enumerable.Range(0, 10).Select(_ => b.NextUInt64()).ToArray();

        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void ManualSeed_MidSequence_RestartsIt()
    {
        var g = new Rng(5);
        var first = Enumerable.Range(0, 5).Select(_ => g.NextNormal()).ToArray();

        g.ManualSeed(5);

        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => g.NextNormal()));
    }

    [Fact]
    public void FillNormal_SameSeed_SameFloats()
    {
        var a = new float[257];
        var b = new float[257];

        new Rng(3).FillNormal(a, 0f, 1f);
        new Rng(3).FillNormal(b, 0f, 1f);

        Assert.Equal(a, b);
    }

    [Fact]
    public void NextNormal_HundredThousandSamples_MomentsOfStandardNormal()
    {
        var g = new Rng(123);
        double sum = 0, sumSq = 0, sum4 = 0;
        int withinOneSigma = 0;
        var samples = new double[SampleCount];
        for (int i = 0; i < SampleCount; i++)
        {
            samples[i] = g.NextNormal();
            sum += samples[i];
        }
        double mean = sum / SampleCount;
        foreach (double x in samples)
        {
            double d = x - mean;
            sumSq += d * d;
            sum4 += d * d * d * d;
            withinOneSigma += Math.Abs(x) < 1 ? 1 : 0;
        }
        double variance = sumSq / (SampleCount - 1);
        double kurtosis = sum4 / SampleCount / (variance * variance);

        // 5 standard errors each: mean 1/sqrt(n) = 0.0032, std 1/sqrt(2n) = 0.0022,
        // kurtosis sqrt(24/n) = 0.0155, P(|x| < 1) sqrt(0.68 * 0.32 / n) = 0.0015.
        Assert.InRange(mean, -0.016, 0.016);
        Assert.InRange(Math.Sqrt(variance), 0.989, 1.011);
        Assert.InRange(kurtosis, 3 - 0.078, 3 + 0.078);
        Assert.InRange(withinOneSigma / (double)SampleCount, 0.6827 - 0.0074, 0.6827 + 0.0074);
    }

    [Fact]
    public void FillNormal_MeanAndStd_ShiftAndScaleSamples()
    {
        var values = new float[SampleCount];

        new Rng(77).FillNormal(values, 2f, 3f);

        double mean = values.Average(v => (double)v);
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (SampleCount - 1));
        Assert.InRange(mean, 2 - (5 * 3 / Math.Sqrt(SampleCount)), 2 + (5 * 3 / Math.Sqrt(SampleCount)));
        Assert.InRange(std, 3 - (5 * 3 / Math.Sqrt(2.0 * SampleCount)), 3 + (5 * 3 / Math.Sqrt(2.0 * SampleCount)));
    }

    [Fact]
    public void NextDouble_HundredThousandSamples_UniformOnUnitInterval()
    {
        var g = new Rng(11);
        var buckets = new int[10];
        double sum = 0;
        for (int i = 0; i < SampleCount; i++)
        {
            double u = g.NextDouble();
            Assert.InRange(u, 0.0, Math.BitDecrement(1.0));
            sum += u;
            buckets[(int)(u * 10)]++;
        }

        // Mean: 5 standard errors of sqrt(1/12 / n) = 0.00091. Buckets: 5 sigma of sqrt(n 0.1 0.9) = 95.
        Assert.InRange(sum / SampleCount, 0.5 - 0.0046, 0.5 + 0.0046);
        Assert.All(buckets, count => Assert.InRange(count, 10_000 - 475, 10_000 + 475));
    }

    [Fact]
    public void FillUniform_HundredThousandSamples_InUnitIntervalWithUniformMean()
    {
        var values = new float[SampleCount];

        new Rng(12).FillUniform(values, 0f, 1f);

        Assert.All(values, v => Assert.InRange(v, 0f, MathF.BitDecrement(1f)));
        Assert.InRange(values.Average(v => (double)v), 0.5 - 0.0046, 0.5 + 0.0046);
    }

    [Fact]
    public void NextSingle_Samples_InUnitInterval()
    {
        var g = new Rng(13);

        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(g.NextSingle(), 0f, MathF.BitDecrement(1f));
        }
    }

    [Fact]
    public void FillUniform_LargestPossibleDraw_StaysBelowHigh()
    {
        // A state whose next 64-bit output is all ones: NextDouble = 1 - 2^-53, which rounds
        // to 1f when narrowed to float. U[0, 1) must still exclude 1.
        var g = new Rng(0);
        g.SetState(StateWithNextOutput(ulong.MaxValue));
        Assert.Equal(ulong.MaxValue, g.NextUInt64());

        g.SetState(StateWithNextOutput(ulong.MaxValue));
        var one = new float[1];
        g.FillUniform(one, 0f, 1f);

        Assert.InRange(one[0], 0f, MathF.BitDecrement(1f));
    }

    /// <summary>xoshiro256** outputs rotl(s1 * 5, 7) * 9: solve for s1 (5 and 9 are odd, so invertible mod 2^64).</summary>
    private static ulong[] StateWithNextOutput(ulong output)
    {
        ulong s1 = ulong.RotateRight(output * InverseMod64(9), 7) * InverseMod64(5);
        return [1UL, s1, 0UL, 0UL, 0UL, 0UL];
    }

    private static ulong InverseMod64(ulong odd)
    {
        ulong inverse = odd; // correct to 3 bits; each Newton step doubles them
        for (int i = 0; i < 5; i++)
        {
            inverse *= 2 - (odd * inverse);
        }
        return inverse;
    }

    [Fact]
    public void NextInt_HundredThousandSamples_InRangeAndUniform()
    {
        var g = new Rng(14);
        var counts = new int[7];
        for (int i = 0; i < SampleCount; i++)
        {
            counts[g.NextInt(7)]++;
        }

        // Expected n/7 = 14286 each; 5 sigma of sqrt(n (1/7)(6/7)) = 111 is 553.
        Assert.All(counts, c => Assert.InRange(c, 14_286 - 553, 14_286 + 553));
    }

    [Fact]
    public void NextInt_One_AlwaysZero()
    {
        var g = new Rng(15);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, g.NextInt(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NextInt_NonPositiveBound_ThrowsNamingValue(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(1).NextInt(n));

        Assert.Equal("n", ex.ParamName);
        Assert.Equal(n, ex.ActualValue);
        Assert.Contains($"Invalid upper bound: {n}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permutation_N_ContainsEachIndexOnce()
    {
        var p = new Rng(16).Permutation(100);

        Assert.Equal(Enumerable.Range(0, 100), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), p);
    }

    [Fact]
    public void Permutation_SameSeed_SameOrder()
    {
        Assert.Equal(new Rng(17).Permutation(50), new Rng(17).Permutation(50));
        Assert.NotEqual(new Rng(17).Permutation(50), new Rng(18).Permutation(50));
    }

    [Fact]
    public void Permutation_OfThree_AllSixOrdersEquallyLikely()
    {
        var g = new Rng(19);
        var counts = new Dictionary<string, int>();
        const int Trials = 60_000;
        for (int i = 0; i < Trials; i++)
        {
            var key = string.Join(",", g.Permutation(3));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        // 5 sigma of sqrt(n (1/6)(5/6)) = 91 is 456; a biased shuffle misses by thousands.
        Assert.Equal(6, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 10_000 - 456, 10_000 + 456));
    }

    [Fact]
    public void Permutation_ZeroAndOne_AreTrivial()
    {
        Assert.Empty(new Rng(20).Permutation(0));
        Assert.Equal([0], new Rng(20).Permutation(1));
    }

    [Fact]
    public void Permutation_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(21).Permutation(-1));
    }

    [Fact]
    public void SetState_SavedMidSequence_ResumesExactSequence()
    {
        var g = new Rng(22);
        g.NextNormal(); // leaves a spare normal in the state, which must be saved too
        var state = g.GetState();
        var expected = Enumerable.Range(0, 5).Select(_ => g.NextNormal()).Concat(Enumerable.Range(0, 5).Select(_ => (double)g.NextUInt64())).ToArray();

        var other = new Rng(999);
        other.SetState(state);
        var resumed = Enumerable.Range(0, 5).Select(_ => other.NextNormal()).Concat(Enumerable.Range(0, 5).Select(_ => (double)other.NextUInt64())).ToArray();

        Assert.Equal(expected, resumed);
    }

    [Fact]
    public void GetState_ReturnsACopy()
    {
        var g = new Rng(23);
        var state = g.GetState();
        state[0] = 0;

        Assert.NotEqual(0UL, g.GetState()[0]);
    }

    [Fact]
    public void SetState_WrongLength_ThrowsNamingLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Rng(24).SetState([1UL, 2UL, 3UL]));

        Assert.Contains("got 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetState_AllZeroCore_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Rng(25).SetState([0UL, 0UL, 0UL, 0UL, 0UL, 0UL]));
    }
}
