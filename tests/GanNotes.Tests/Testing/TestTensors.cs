using GanNotes.Tensors;

namespace GanNotes.Tests.Testing;

/// <summary>Seeded test inputs, shaped to keep gradient checks away from kinks and poles.</summary>
public static class TestTensors
{
    /// <summary>Values uniform on [low, high), seeded; a leaf that requires grad unless told otherwise.</summary>
    public static Tensor Uniform(int[] shape, float low, float high, ulong seed, bool requiresGrad = true)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var generator = new Rng(seed);
        var values = new float[shape.Aggregate(1, (n, s) => n * s)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(low + ((high - low) * generator.NextDouble()));
        }
        return Leaf(values, shape, requiresGrad);
    }

    /// <summary>
    /// Values with magnitude uniform on [minAbs, maxAbs) and a random sign: keeps ReLU-like
    /// inputs off the kink at 0 and divisors off the pole.
    /// </summary>
    public static Tensor AwayFromZero(int[] shape, float minAbs, float maxAbs, ulong seed, bool requiresGrad = true)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var generator = new Rng(seed);
        var values = new float[shape.Aggregate(1, (n, s) => n * s)];
        for (int i = 0; i < values.Length; i++)
        {
            float magnitude = (float)(minAbs + ((maxAbs - minAbs) * generator.NextDouble()));
            values[i] = generator.NextInt(2) == 0 ? magnitude : -magnitude;
        }
        return Leaf(values, shape, requiresGrad);
    }

    /// <summary>A leaf holding <paramref name="values"/> with <see cref="Tensor.RequiresGrad"/> set.</summary>
    public static Tensor Leaf(float[] values, int[] shape, bool requiresGrad = true)
    {
        var x = Tensor.FromArray(values, shape);
        x.RequiresGrad = requiresGrad;
        return x;
    }
}
