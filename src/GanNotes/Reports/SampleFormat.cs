namespace GanNotes.Reports;

/// <summary>A file format for exported generator samples.</summary>
public enum SampleFormat
{
    /// <summary>An image grid (PNG, 8-bit grey): to look at.</summary>
    Png,

    /// <summary>IDX unsigned bytes [N, 28, 28], MNIST's own format: for tools that read MNIST files.</summary>
    Idx,

    /// <summary>NumPy .npy, float32 [N, d]: for Python (<c>numpy.load</c>) and any scoring script.</summary>
    Npy,
}
