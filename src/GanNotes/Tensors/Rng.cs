namespace GanNotes.Tensors;

/// <summary>
/// A seeded random-number generator, PyTorch's <c>torch.Generator</c>: xoshiro256** seeded
/// through SplitMix64, normals by the Box-Muller transform. Named Rng (as NumPy's
/// <c>default_rng</c>) because in this course "generator" means G.
/// </summary>
/// <remarks>
/// Numbers are drawn one after another on the calling thread, so the same seed gives the
/// same sequence on every run, machine and thread count. The state can be saved and
/// restored (checkpoints) with <see cref="GetState"/> and <see cref="SetState"/>.
/// </remarks>
public sealed class Rng
{
    private ulong s0, s1, s2, s3;
    private bool hasSpareNormal;
    private double spareNormal;

    /// <summary>Creates an Rng seeded with <paramref name="seed"/>.</summary>
    public Rng(ulong seed) => ManualSeed(seed);

    /// <summary>The Rng used when none is passed (seed 0 until <see cref="ManualSeed"/> is called on it).</summary>
    public static Rng Default { get; } = new(0);

    /// <summary>Restarts the sequence from <paramref name="seed"/> (PyTorch's <c>manual_seed</c>).</summary>
    public Rng ManualSeed(ulong seed)
    {
        ulong x = seed;
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
        hasSpareNormal = false;
        spareNormal = 0;
        return this;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A double uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A float uniform on [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>An integer uniform on [0, <paramref name="n"/>), without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Invalid upper bound: {n}; it must be positive.");
        }
        ulong bound = (ulong)n;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            UInt128 product = (UInt128)r * bound;
            if ((ulong)product >= threshold)
            {
                return (int)(product >> 64);
            }
        }
    }

    /// <summary>A standard normal sample (Box-Muller; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u1 = 1.0 - NextDouble(); // (0, 1]: log(u1) is finite
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        spareNormal = radius * Math.Sin(angle);
        hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="destination"/> with samples of N(mean, std^2).</summary>
    public void FillNormal(Span<float> destination, float mean, float std)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)(mean + std * NextNormal());
        }
    }

    /// <summary>Fills <paramref name="destination"/> with samples of U[low, high).</summary>
    public void FillUniform(Span<float> destination, float low, float high)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            // NOTE: the largest doubles below 1 round up to 1f; keep the interval half-open.
            float v = (float)(low + (high - low) * NextDouble());
            destination[i] = v < high ? v : MathF.BitDecrement(high);
        }
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher-Yates), like <c>torch.randperm</c>.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = i;
        }
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    /// <summary>The complete state, to restore later with <see cref="SetState"/>.</summary>
    public ulong[] GetState() =>
        [s0, s1, s2, s3, hasSpareNormal ? 1UL : 0UL, (ulong)BitConverter.DoubleToInt64Bits(spareNormal)];

    /// <summary>Restores a state captured by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">The state does not have 6 words or is all zero.</exception>
    public void SetState(ulong[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != 6 || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException($"Invalid generator state: expected 6 words with a non-zero core, got {state.Length}.", nameof(state));
        }
        (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3]);
        hasSpareNormal = state[4] != 0;
        spareNormal = BitConverter.Int64BitsToDouble((long)state[5]);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
