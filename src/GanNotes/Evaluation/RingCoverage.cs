using System.Globalization;
using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>
/// How well samples cover the ring of Gaussians (<see cref="GaussianRing2D"/>), the two numbers of the
/// mode-collapse literature (Metz et al. 2017, Srivastava et al. 2017): the share of "high-quality"
/// samples, those within <c>3 sigma</c> of some mode's centre, and the number of modes hit, those
/// that receive at least <c>minShare</c> of all samples as high-quality samples.
/// </summary>
/// <param name="HighQualityShare">The share of samples within <c>sigmas x std</c> of their nearest centre, 0..1.</param>
/// <param name="ModesHit">How many modes received at least <c>minShare</c> of the samples (high-quality ones only).</param>
/// <param name="PerMode">The high-quality samples nearest to each mode, by mode (the centres' order).</param>
/// <param name="Count">The number of samples measured.</param>
/// <param name="Sigmas">The radius of "high quality", in the ring's std.</param>
public sealed record RingCoverage(double HighQualityShare, int ModesHit, IReadOnlyList<int> PerMode, int Count, double Sigmas)
{
    /// <summary>The radius, in standard deviations of a mode, within which a sample counts as high quality.</summary>
    public const double DefaultSigmas = 3;

    /// <summary>The share of all samples a mode must receive to count as hit: 1%, an eighth of a fair share on 8 modes.</summary>
    public const double DefaultMinShare = 0.01;

    /// <summary>Measures samples <paramref name="samples"/> ([n, 2]) against <paramref name="ring"/>.</summary>
    /// <param name="ring">p_data.</param>
    /// <param name="samples">G's samples, shape [n, 2], n &gt;= 1.</param>
    /// <param name="sigmas">A sample is high quality within this many of the ring's std of a centre (default 3).</param>
    /// <param name="minShare">A mode is hit when at least this share of all samples are high-quality samples of it (default 0.01).</param>
    /// <exception cref="ArgumentException">The samples are not [n, 2] with n &gt;= 1, or sigmas or minShare is out of range.</exception>
    public static RingCoverage Measure(GaussianRing2D ring, Tensor samples, double sigmas = DefaultSigmas, double minShare = DefaultMinShare)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Rank != 2 || samples.Shape[1] != 2 || samples.Shape[0] == 0)
        {
            throw new ArgumentException($"RingCoverage needs samples of shape [n, 2] with n >= 1, got [{string.Join(", ", samples.Shape)}].", nameof(samples));
        }
        if (!(sigmas > 0) || !double.IsFinite(sigmas))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmas), sigmas, $"Invalid sigmas: {sigmas}; it must be positive and finite.");
        }
        if (!(minShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minShare), minShare, $"Invalid minShare: {minShare}; it must lie in [0, 1].");
        }
        float[] xy = samples.ToArray();
        int n = samples.Shape[0];
        var perMode = new int[ring.Modes];
        double limit = sigmas * ring.Std;
        int highQuality = 0;
        for (int i = 0; i < n; i++)
        {
            double x = xy[2 * i], y = xy[2 * i + 1];
            int nearest = -1;
            double best = double.PositiveInfinity;
            for (int k = 0; k < ring.Modes; k++)
            {
                var (cx, cy) = ring.Centers[k];
                double d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                if (d < best)
                {
                    best = d;
                    nearest = k;
                }
            }
            // NaN samples (a diverged G) are never within reach of a mode.
            if (best <= limit)
            {
                highQuality++;
                perMode[nearest]++;
            }
        }
        int hit = perMode.Count(c => c > 0 && c >= minShare * n);
        return new RingCoverage((double)highQuality / n, hit, perMode, n, sigmas);
    }

    /// <summary>One line: "6 of 8 modes hit, 87.5% of 2000 samples within 3 sigma".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ModesHit} of {PerMode.Count} modes hit, {HighQualityShare:P1} of {Count} samples within {Sigmas} sigma");
}
