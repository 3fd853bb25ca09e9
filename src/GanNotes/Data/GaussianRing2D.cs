using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Data;

/// <summary>
/// A ring of K isotropic 2-D normals with equal weights, the mode-collapse benchmark of the
/// GAN literature (8 modes, e.g. Metz et al. 2017): centres c_k = r (cos 2 pi k / K, sin 2 pi k / K),
/// p(x) = (1/K) sum_k N(x; c_k, sigma^2 I).
/// </summary>
/// <remarks>
/// Samples: k uniform on 0..K-1, then x = c_k + sigma z, z ~ N(0, I_2); shape [n, 2].
/// For K >= 3 the mean is (0, 0) and each coordinate has variance r^2 / 2 + sigma^2.
/// </remarks>
public sealed class GaussianRing2D : IToyDistribution
{
    /// <summary>Creates the ring.</summary>
    /// <param name="radius">r, the distance of each centre from the origin (default 2).</param>
    /// <param name="std">sigma, each mode's standard deviation (default 0.02).</param>
    /// <param name="modes">K, the number of modes (default 8).</param>
    /// <exception cref="ArgumentOutOfRangeException">The radius is negative or not finite, the std is not positive and finite, or K is not positive.</exception>
    public GaussianRing2D(double radius = 2.0, double std = 0.02, int modes = 8)
    {
        if (!double.IsFinite(radius) || radius < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"Invalid radius: {radius}; it must be non-negative and finite.");
        }
        if (modes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(modes), modes, $"Invalid modes: {modes}; there must be at least one.");
        }
        Radius = radius;
        Std = TheoryChecks.PositiveStd(std, nameof(std));
        Modes = modes;
        Centers = [.. Enumerable.Range(0, modes).Select(k =>
        {
            double angle = 2 * Math.PI * k / modes;
            return (radius * Math.Cos(angle), radius * Math.Sin(angle));
        })];
    }

    /// <summary>r.</summary>
    public double Radius { get; }

    /// <summary>sigma.</summary>
    public double Std { get; }

    /// <summary>K.</summary>
    public int Modes { get; }

    /// <summary>The centres c_k, k = 0..K-1, counter-clockwise from (r, 0).</summary>
    public IReadOnlyList<(double X, double Y)> Centers { get; }

    /// <inheritdoc/>
    public int Dimension => 2;

    /// <summary>The exact density p(x, y) = (1/K) sum_k N(x; c_kx, sigma^2) N(y; c_ky, sigma^2).</summary>
    public double Pdf(double x, double y)
    {
        double p = 0;
        foreach (var (cx, cy) in Centers)
        {
            p += SpecialFunctions.NormalPdf(x, cx, Std) * SpecialFunctions.NormalPdf(y, cy, Std);
        }
        return p / Modes;
    }

    /// <inheritdoc/>
    public Tensor Sample(int n, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var g = rng ?? Rng.Default;
        var values = new float[2 * n];
        for (int i = 0; i < n; i++)
        {
            var (cx, cy) = Centers[g.NextInt(Modes)];
            values[2 * i] = (float)(cx + Std * g.NextNormal());
            values[2 * i + 1] = (float)(cy + Std * g.NextNormal());
        }
        return Tensor.FromArray(values, n, 2);
    }
}
