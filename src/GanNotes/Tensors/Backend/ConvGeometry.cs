namespace GanNotes.Tensors.Backend;

/// <summary>
/// The sliding window of a 2-D convolution over an image batch [N, C, H, W]: a KH x KW kernel
/// moved by the stride over the zero-padded image, giving OH x OW output positions.
/// </summary>
/// <remarks>
/// <see cref="IKernels.Im2Col"/> lays the windows out as rows: the matrix [N * OH * OW, C * KH * KW]
/// has one row per output position (image-major, then oh, then ow) and, in each row, the window's
/// values channel-major, then kh, then kw, the order of a PyTorch weight [OC, C, KH, KW] flattened.
/// </remarks>
internal readonly record struct ConvGeometry(int N, int C, int H, int W, int KH, int KW, int StrideH, int StrideW, int PadH, int PadW)
{
    /// <summary>Output rows, (H + 2 PadH - KH) / StrideH + 1.</summary>
    public int OH => ((H + (2 * PadH) - KH) / StrideH) + 1;

    /// <summary>Output columns, (W + 2 PadW - KW) / StrideW + 1.</summary>
    public int OW => ((W + (2 * PadW) - KW) / StrideW) + 1;

    /// <summary>Output positions per image and channel: OH * OW.</summary>
    public int Positions => OH * OW;

    /// <summary>Rows of the window matrix: N * OH * OW.</summary>
    public int Rows => N * OH * OW;

    /// <summary>Columns of the window matrix: C * KH * KW.</summary>
    public int Columns => C * KH * KW;
}
