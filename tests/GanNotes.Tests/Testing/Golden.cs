using System.Text.Json;
using GanNotes.Tensors;

namespace GanNotes.Tests.Testing;

/// <summary>
/// One case of PyTorch golden values from tests/data/golden/&lt;case&gt;.json, written by
/// tests/golden/make_golden.py (see tests/golden/README.md for the format).
/// </summary>
public sealed class Golden
{
    private readonly JsonElement tensors;
    private readonly JsonElement scalars;
    private readonly JsonElement float64;

    private Golden(string name, JsonDocument document)
    {
        Name = name;
        tensors = document.RootElement.GetProperty("tensors");
        scalars = document.RootElement.TryGetProperty("scalars", out var s) ? s : default;
        float64 = document.RootElement.TryGetProperty("float64", out var f) ? f : default;
    }

    /// <summary>The case name (the file name without extension).</summary>
    public string Name { get; }

    /// <summary>Loads a case from the test output folder.</summary>
    public static Golden Load(string caseName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "golden", caseName + ".json");
        return new Golden(caseName, JsonDocument.Parse(File.ReadAllText(path)));
    }

    /// <summary>A stored tensor (a fresh leaf each call).</summary>
    public Tensor Tensor(string name)
    {
        if (!tensors.TryGetProperty(name, out var entry))
        {
            throw new KeyNotFoundException($"Golden case '{Name}' has no tensor '{name}'.");
        }
        var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var data = entry.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        return GanNotes.Tensors.Tensor.FromArray(data, shape);
    }

    /// <summary>Whether the case stores a tensor <paramref name="name"/> (an optional bias, say).</summary>
    public bool Has(string name) => tensors.TryGetProperty(name, out _);

    /// <summary>A stored hyperparameter.</summary>
    public float Scalar(string name)
    {
        if (scalars.ValueKind != JsonValueKind.Object || !scalars.TryGetProperty(name, out var entry))
        {
            throw new KeyNotFoundException($"Golden case '{Name}' has no scalar '{name}'.");
        }
        return (float)entry.GetDouble();
    }

    /// <summary>A stored float64 result (the file's "float64" object), flat and row-major, as exact doubles.</summary>
    public double[] Exact(string name) => ExactEntry(name).GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>A stored 0-d float64 result.</summary>
    public double ExactScalar(string name)
    {
        var data = Exact(name);
        Assert.True(data.Length == 1, $"Golden case '{Name}': float64 '{name}' holds {data.Length} values, not one.");
        return data[0];
    }

    /// <summary>A stored [rows, columns] float64 result.</summary>
    public double[,] ExactMatrix(string name)
    {
        var shape = ExactEntry(name).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.True(shape.Length == 2, $"Golden case '{Name}': float64 '{name}' has shape [{string.Join(", ", shape)}], not [rows, columns].");
        var data = Exact(name);
        var matrix = new double[shape[0], shape[1]];
        for (int i = 0; i < shape[0]; i++)
        {
            for (int j = 0; j < shape[1]; j++)
            {
                matrix[i, j] = data[i * shape[1] + j];
            }
        }
        return matrix;
    }

    private JsonElement ExactEntry(string name)
    {
        if (float64.ValueKind != JsonValueKind.Object || !float64.TryGetProperty(name, out var entry))
        {
            throw new KeyNotFoundException($"Golden case '{Name}' has no float64 '{name}'.");
        }
        return entry;
    }

    /// <summary>Asserts that <paramref name="actual"/> matches the stored tensor in shape and, elementwise, within atol + rtol |expected|.</summary>
    public void AssertClose(string name, Tensor? actual, float atol = 1e-5f, float rtol = 1e-4f)
    {
        Assert.NotNull(actual);
        var expected = Tensor(name);
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            float tolerance = atol + rtol * Math.Abs(e[i]);
            Assert.True(Math.Abs(a[i] - e[i]) <= tolerance,
                $"{Name}/{name}[{i}]: expected {e[i]:R}, got {a[i]:R} (|diff| {Math.Abs(a[i] - e[i]):R} > {tolerance:R})");
        }
    }
}
