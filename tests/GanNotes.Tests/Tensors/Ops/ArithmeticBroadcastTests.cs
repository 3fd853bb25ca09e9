using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Add, Sub, Mul, Div over every broadcasting pattern: values against an indexed reference, and gradients.</summary>
public sealed class ArithmeticBroadcastTests
{
    internal static readonly string[] BinaryOps = ["Add", "Sub", "Mul", "Div"];

    /// <summary>(a, b) shape pairs: same, scalar [] and [1], row, column, outer, 3-D; each in both orders.</summary>
    private static readonly (int[] A, int[] B)[] BroadcastPairs =
    [
        ([2, 3], [2, 3]),
        ([2, 3], []),
        ([], [2, 3]),
        ([2, 3], [1]),
        ([1], [2, 3]),
        ([2, 3], [3]),
        ([3], [2, 3]),
        ([2, 3], [2, 1]),
        ([2, 1], [2, 3]),
        ([2, 1], [1, 3]),
        ([2, 3, 4], [3, 1]),
        ([3, 1], [2, 3, 4]),
        ([2, 1, 4], [3, 1]),
        ([4], [2, 3, 4]),
        ([2, 3, 4], [2, 1, 1]),
    ];

    public static TheoryData<string, int[], int[]> BinaryCases()
    {
        var data = new TheoryData<string, int[], int[]>();
        foreach (var op in BinaryOps)
        {
            foreach (var (a, b) in BroadcastPairs)
            {
                data.Add(op, a, b);
            }
        }
        return data;
    }

    internal static Tensor Apply(string op, Tensor a, Tensor b) => op switch
    {
        "Add" => a.Add(b),
        "Sub" => a.Sub(b),
        "Mul" => a.Mul(b),
        "Div" => a.Div(b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown op."),
    };

    private static float Apply(string op, float a, float b) => op switch
    {
        "Add" => a + b,
        "Sub" => a - b,
        "Mul" => a * b,
        "Div" => a / b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown op."),
    };

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void BinaryOp_Broadcast_GradientMatchesFiniteDifferences(string op, int[] aShape, int[] bShape)
    {
        var a = TestTensors.Uniform(aShape, -1.5f, 1.5f, seed: 11);
        var b = TestTensors.AwayFromZero(bShape, 0.5f, 1.5f, seed: 12); // Div: away from the pole

        GradCheck.Assert(v => Apply(op, v[0], v[1]), a, b);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void BinaryOp_Broadcast_MatchesElementwiseReference(string op, int[] aShape, int[] bShape)
    {
        var a = TestTensors.Uniform(aShape, -1.5f, 1.5f, seed: 13, requiresGrad: false);
        var b = TestTensors.AwayFromZero(bShape, 0.5f, 1.5f, seed: 14, requiresGrad: false);

        var y = Apply(op, a, b);

        // Reference: index both inputs explicitly, aligned from the right, size-1 dims pinned at 0.
        int rank = Math.Max(aShape.Length, bShape.Length);
        var outShape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            outShape[d] = Math.Max(SizeAt(aShape, d, rank), SizeAt(bShape, d, rank));
        }
        var av = a.ToArray();
        var bv = b.ToArray();
        int count = outShape.Aggregate(1, (n, s) => n * s);
        var expected = new float[count];
        var index = new int[rank];
        for (int flat = 0; flat < count; flat++)
        {
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                index[d] = rest % outShape[d];
                rest /= outShape[d];
            }
            expected[flat] = Apply(op, av[Offset(aShape, index)], bv[Offset(bShape, index)]);
        }
        TensorAssert.Close(outShape, expected, y);
    }

    private static int SizeAt(int[] shape, int d, int rank) => d < rank - shape.Length ? 1 : shape[d - (rank - shape.Length)];

    private static int Offset(int[] shape, int[] outIndex)
    {
        int offset = 0;
        int lead = outIndex.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++)
        {
            offset = (offset * shape[d]) + (shape[d] == 1 ? 0 : outIndex[d + lead]);
        }
        return offset;
    }
}
