using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>Many samples of a trained G at once, for exporting and scoring.</summary>
public static class GeneratorSamples
{
    private const int Chunk = 1024;

    /// <summary>
    /// <paramref name="count"/> samples G(z), z drawn from p_z with a generator seeded by
    /// <paramref name="seed"/> (the same seed gives the same samples), in evaluation mode, shape [count, d].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static Tensor Draw(GanTrainer trainer, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rng = new Rng(seed);
        float[]? all = null;
        int d = 0;
        for (int start = 0; start < count; start += Chunk)
        {
            // In chunks, so 60,000 samples do not need 60,000 x 1024 activations at once.
            var part = trainer.Sample(Math.Min(Chunk, count - start), rng).ToArray();
            if (all is null)
            {
                d = part.Length / Math.Min(Chunk, count);
                all = new float[checked(count * d)];
            }
            part.CopyTo(all, start * d);
        }
        return Tensor.FromArray(all!, count, d);
    }
}
