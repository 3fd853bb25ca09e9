using System.Globalization;

namespace GanNotes.Data;

/// <summary>Parameter checks shared by the toy distributions; each names the offending value.</summary>
internal static class ToyChecks
{
    public static double Finite(double value, string name) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"Invalid {name}: {value}; it must be finite."));

    public static double PositiveStd(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"Invalid {name}: {value}; a standard deviation must be positive and finite."));

    public static void Count(int n) =>
        ArgumentOutOfRangeException.ThrowIfNegative(n);

    /// <summary>N(x; mu, sigma^2) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)).</summary>
    public static double NormalPdf(double x, double mean, double std)
    {
        double z = (x - mean) / std;
        return Math.Exp(-0.5 * z * z) / (std * Math.Sqrt(2 * Math.PI));
    }
}
