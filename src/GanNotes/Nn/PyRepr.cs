using System.Globalization;

namespace GanNotes.Nn;

/// <summary>Numbers and booleans spelled as Python prints them, so module trees read like PyTorch's.</summary>
internal static class PyRepr
{
    public static string Of(float value) => value != 0f && Math.Abs(value) < 1e-4f
        ? value.ToString("0.######e-00", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture) + (value == MathF.Round(value) ? ".0" : "");

    public static string Of(bool value) => value ? "True" : "False";
}
