using System.Globalization;
using GanNotes.Tensors;
using Xunit.Sdk;

namespace GanNotes.Tests.Testing;

/// <summary>Elementwise comparison of tensors with expected values, naming the first element that differs.</summary>
public static class TensorAssert
{
    /// <summary>
    /// Asserts the shape and that every |expected - actual| &lt;= tolerance * max(1, |expected|)
    /// (absolute near zero, relative for large values). Infinities must match exactly, NaN matches NaN.
    /// </summary>
    public static void Close(int[] expectedShape, float[] expected, Tensor actual, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(expectedShape);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expectedShape, actual.Shape);
        Close(expected, actual.ToArray(), tolerance);
    }

    /// <summary>As <see cref="Close(int[], float[], Tensor, double)"/> on flat arrays.</summary>
    public static void Close(float[] expected, float[] actual, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"Expected {expected.Length} values, got {actual.Length}.");
        }
        for (int i = 0; i < expected.Length; i++)
        {
            float e = expected[i], a = actual[i];
            bool ok = float.IsNaN(e) ? float.IsNaN(a)
                : float.IsInfinity(e) ? e == a
                : Math.Abs((double)e - a) <= tolerance * Math.Max(1.0, Math.Abs((double)e));
            if (!ok)
            {
                throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                    $"Element {i} differs: expected {e:G9}, actual {a:G9} (tolerance {tolerance:G3}).\nExpected: [{string.Join(", ", expected.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]\nActual:   [{string.Join(", ", actual.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]"));
            }
        }
    }
}
