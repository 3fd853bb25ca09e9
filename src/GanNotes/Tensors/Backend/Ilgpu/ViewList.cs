using ILGPU;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// Up to <see cref="Capacity"/> tensors' memory as one kernel argument, so that one launch can
/// work on many tensors of different sizes (PyTorch's <c>TensorListMetadata</c>, which its
/// multi-tensor Adam and <c>_foreach_norm</c> launch with). A kernel argument cannot hold an
/// array, hence one field per slot.
/// </summary>
/// <remarks>
/// 24 slots of 16 bytes: four lists (Adam's parameters, gradients and moments) take 1.5 KB of
/// the 4 KB a CUDA launch's arguments may fill.
/// </remarks>
internal struct ViewList
{
    /// <summary>The most tensors one list holds; longer lists take several launches.</summary>
    public const int Capacity = 24;

    /// <summary>How many slots are set.</summary>
    public int Count;

    public ArrayView<float> V0;
    public ArrayView<float> V1;
    public ArrayView<float> V2;
    public ArrayView<float> V3;
    public ArrayView<float> V4;
    public ArrayView<float> V5;
    public ArrayView<float> V6;
    public ArrayView<float> V7;
    public ArrayView<float> V8;
    public ArrayView<float> V9;
    public ArrayView<float> V10;
    public ArrayView<float> V11;
    public ArrayView<float> V12;
    public ArrayView<float> V13;
    public ArrayView<float> V14;
    public ArrayView<float> V15;
    public ArrayView<float> V16;
    public ArrayView<float> V17;
    public ArrayView<float> V18;
    public ArrayView<float> V19;
    public ArrayView<float> V20;
    public ArrayView<float> V21;
    public ArrayView<float> V22;
    public ArrayView<float> V23;

    /// <summary>Slot <paramref name="i"/> (0 &lt;= i &lt; <see cref="Count"/>).</summary>
    public readonly ArrayView<float> At(int i) => i switch
    {
        0 => V0,
        1 => V1,
        2 => V2,
        3 => V3,
        4 => V4,
        5 => V5,
        6 => V6,
        7 => V7,
        8 => V8,
        9 => V9,
        10 => V10,
        11 => V11,
        12 => V12,
        13 => V13,
        14 => V14,
        15 => V15,
        16 => V16,
        17 => V17,
        18 => V18,
        19 => V19,
        20 => V20,
        21 => V21,
        22 => V22,
        _ => V23,
    };

    /// <summary>Sets slot <paramref name="i"/>.</summary>
    public void Set(int i, ArrayView<float> view)
    {
        switch (i)
        {
            case 0: V0 = view; break;
            case 1: V1 = view; break;
            case 2: V2 = view; break;
            case 3: V3 = view; break;
            case 4: V4 = view; break;
            case 5: V5 = view; break;
            case 6: V6 = view; break;
            case 7: V7 = view; break;
            case 8: V8 = view; break;
            case 9: V9 = view; break;
            case 10: V10 = view; break;
            case 11: V11 = view; break;
            case 12: V12 = view; break;
            case 13: V13 = view; break;
            case 14: V14 = view; break;
            case 15: V15 = view; break;
            case 16: V16 = view; break;
            case 17: V17 = view; break;
            case 18: V18 = view; break;
            case 19: V19 = view; break;
            case 20: V20 = view; break;
            case 21: V21 = view; break;
            case 22: V22 = view; break;
            default: V23 = view; break;
        }
    }
}
