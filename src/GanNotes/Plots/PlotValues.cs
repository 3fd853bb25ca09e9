using System.Numerics;
using System.Text.Json;
using GanNotes.Tensors;

namespace GanNotes.Plots;

/// <summary>Turns the course's number containers into the double arrays a figure stores, and writes them as JSON.</summary>
internal static class PlotValues
{
    /// <summary>Any numeric sequence (float[], double[], int[], List&lt;float&gt;, a LINQ query) as doubles.</summary>
    public static double[] From<T>(IEnumerable<T> values, string paramName)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        return values switch
        {
            double[] d => (double[])d.Clone(),
            float[] f => Array.ConvertAll(f, v => (double)v),
            _ => values.Select(double.CreateSaturating).ToArray(),
        };
    }

    /// <summary>
    /// A 1-D tensor's values as doubles. A [N, 1] or [1, N] tensor (a discriminator's output
    /// column, for example) counts as 1-D.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has more than one dimension longer than 1.</exception>
    public static double[] From(Tensor values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Shape.Count(d => d != 1) > 1)
        {
            throw new ArgumentException($"A plot series needs a 1-D tensor, got shape [{string.Join(", ", values.Shape)}]; flatten it or pick a row first.", paramName);
        }
        return Array.ConvertAll(values.ToArray(), v => (double)v);
    }

    /// <summary>0, 1, ..., n - 1: the x of <c>plt.plot(y)</c>.</summary>
    public static double[] Indices(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i;
        }
        return x;
    }

    /// <summary>Throws when x and y differ in length, naming both.</summary>
    public static void RequireSameLength(double[] x, double[] y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; a series needs one x per y.", nameof(y));
        }
    }

    /// <summary>
    /// Writes a number; NaN and infinities become null, which plotly draws as a gap.
    /// A double that is exactly a float is written in float's shortest form (0.1f as 0.1,
    /// not 0.10000000149011612), which keeps float32 training curves small.
    /// </summary>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
        }
        else if ((double)(float)value == value)
        {
            writer.WriteNumberValue((float)value);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes <c>"name": [v0, v1, ...]</c>.</summary>
    public static void WriteArray(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            WriteNumber(writer, v);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"name": number</c> (null when not finite).</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteNumber(writer, value);
    }

    /// <summary>Writes <c>"name": {"text": text}</c>, plotly's title object (plotly.js 3 dropped plain-string titles).</summary>
    public static void WriteTitle(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is null)
        {
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary>plotly's name for a dash style.</summary>
    public static string DashName(LineDash dash) => dash switch
    {
        LineDash.Solid => "solid",
        LineDash.Dot => "dot",
        LineDash.Dash => "dash",
        LineDash.LongDash => "longdash",
        LineDash.DashDot => "dashdot",
        LineDash.LongDashDot => "longdashdot",
        _ => throw new ArgumentOutOfRangeException(nameof(dash), dash, "Unknown dash style."),
    };
}
