namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// Every kernel <see cref="IlgpuKernels"/> launches, as an index into its cache of compiled kernels
/// and its launch counts (an array lookup per launch, where a name would cost a locked hash).
/// </summary>
internal enum KernelId
{
    /// <summary><c>IlgpuKernels.AdamKernel</c>.</summary>
    Adam,

    /// <summary><c>IlgpuKernels.AffineKernel</c>.</summary>
    Affine,

    /// <summary><c>IlgpuKernels.BatchNormApplyKernel</c>.</summary>
    BatchNormApply,

    /// <summary><c>IlgpuKernels.BatchNormGradStatisticsKernel</c>.</summary>
    BatchNormGradStatistics,

    /// <summary><c>IlgpuKernels.BatchNormInputGradKernel</c>.</summary>
    BatchNormInputGrad,

    /// <summary><c>IlgpuKernels.BatchNormStatisticsKernel</c>.</summary>
    BatchNormStatistics,

    /// <summary><c>IlgpuKernels.BinaryKernel</c>.</summary>
    Binary,

    /// <summary><c>IlgpuKernels.BinarySameKernel</c>.</summary>
    BinarySame,

    /// <summary><c>IlgpuKernels.BroadcastToKernel</c>.</summary>
    BroadcastTo,

    /// <summary><c>IlgpuKernels.ClampKernel</c>.</summary>
    Clamp,

    /// <summary><c>IlgpuKernels.ClampBackwardKernel</c>.</summary>
    ClampBackward,

    /// <summary><c>IlgpuKernels.Col2ImKernel</c>.</summary>
    Col2Im,

    /// <summary><c>IlgpuKernels.CopyBlocksKernel</c>.</summary>
    CopyBlocks,

    /// <summary><c>IlgpuKernels.FillKernel</c>.</summary>
    Fill,

    /// <summary><c>IlgpuKernels.Im2ColKernel</c>.</summary>
    Im2Col,

    /// <summary><c>IlgpuKernels.IndexAddKernel</c>.</summary>
    IndexAdd,

    /// <summary><c>IlgpuKernels.IndexSelectKernel</c>.</summary>
    IndexSelect,

    /// <summary><c>IlgpuKernels.LeakyReluBackwardKernel</c>.</summary>
    LeakyReluBackward,

    /// <summary><c>IlgpuKernels.LossKernel</c>.</summary>
    Loss,

    /// <summary><c>IlgpuKernels.MatMulKernel</c>.</summary>
    MatMul,

    /// <summary><c>IlgpuKernels.MatMulUntiledKernel</c>.</summary>
    MatMulUntiled,

    /// <summary><c>IlgpuKernels.PermuteKernel</c>.</summary>
    Permute,

    /// <summary><c>IlgpuKernels.PickColumnsKernel</c>.</summary>
    PickColumns,

    /// <summary><c>IlgpuKernels.PowKernel</c>.</summary>
    Pow,

    /// <summary><c>IlgpuKernels.ScatterColumnsKernel</c>.</summary>
    ScatterColumns,

    /// <summary><c>IlgpuKernels.SgdKernel</c>.</summary>
    Sgd,

    /// <summary><c>IlgpuKernels.SigmoidBackwardKernel</c>.</summary>
    SigmoidBackward,

    /// <summary><c>IlgpuKernels.SoftmaxKernel</c>.</summary>
    Softmax,

    /// <summary><c>IlgpuKernels.StepKernel</c>.</summary>
    Step,

    /// <summary><c>IlgpuKernels.SumDimKernel</c>.</summary>
    SumDim,

    /// <summary><c>IlgpuKernels.SumsOfSquaresKernel</c>.</summary>
    SumsOfSquares,

    /// <summary><c>IlgpuKernels.SumToKernel</c>.</summary>
    SumTo,

    /// <summary><c>IlgpuKernels.TanhBackwardKernel</c>.</summary>
    TanhBackward,

    /// <summary><c>IlgpuKernels.TransposeKernel</c>.</summary>
    Transpose,

    /// <summary><c>IlgpuKernels.UnaryKernel</c>.</summary>
    Unary,
}
