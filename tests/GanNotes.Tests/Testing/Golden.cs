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

    private Golden(string name, JsonDocument document)
    {
        Name = name;
        tensors = document.RootElement.GetProperty("tensors");
        scalars = document.RootElement.TryGetProperty("scalars", out var s) ? s : default;
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

    /// <summary>A stored hyperparameter.</summary>
    public float Scalar(string name)
    {
        if (scalars.ValueKind != JsonValueKind.Object || !scalars.TryGetProperty(name, out var entry))
        {
            throw new KeyNotFoundException($"Golden case '{Name}' has no scalar '{name}'.");
        }
        return (float)entry.GetDouble();
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
