using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>Turns samples drawn by Theory's distributions into the [n, 1] tensors a toy dataset yields.</summary>
internal static class ToySamples
{
    /// <summary>The samples as float32 [n, 1], in order.</summary>
    public static Tensor Column(double[] samples) =>
        Tensor.FromArray(Array.ConvertAll(samples, x => (float)x), samples.Length, 1);
}
