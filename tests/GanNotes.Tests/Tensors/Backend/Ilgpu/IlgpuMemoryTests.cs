using GanNotes.Optim;
using GanNotes.Tensors;
using GanNotes.Tensors.Backend.Ilgpu;

namespace GanNotes.Tests.Tensors.Backend.Ilgpu;

/// <summary>
/// A loop on the GPU without <see cref="TensorScope"/>, as a notebook cell may write it: the memory
/// of the tensors it drops must come back to the pool, not pile up until ILGPU's finaliser (or
/// nothing) frees it. Run on ILGPU's CPU accelerator, whose memory is counted as a GPU's, alone:
/// tests beside it would allocate on the same accelerator.
/// </summary>
[Collection(nameof(AcceleratorMemoryGroup))]
public sealed class IlgpuMemoryTests
{
    [Fact]
    public void ThousandStepsWithoutScopes_KeepTheAcceleratorMemoryFlat()
    {
        var accelerator = IlgpuAccelerator.Cpu();
        var device = Device.CudaKernelsOnCpu;
        const int size = 1 << 13; // 32 KB per tensor: the inputs x alone drop 31 MiB over the loop
        long threshold = accelerator.MinCollectBytes;
        accelerator.MinCollectBytes = 4L << 20; // a GPU's 256 MiB, scaled down with the tensors
        try
        {
            Loop(accelerator, device, size);
        }
        finally
        {
            accelerator.MinCollectBytes = threshold;
        }
    }

    private static void Loop(IlgpuAccelerator accelerator, Device device, int size)
    {
        var w = Tensor.Zeros(size).To(device);
        w.RequiresGrad = true;
        var adam = new Adam([w], lr: 1e-2f);
        var rng = new Rng(7);
        var held = new long[1000];
        long start = accelerator.AllocatedBytes; // what earlier tests left in the pool
        float first = float.NaN, last = float.NaN;
        for (int step = 0; step < held.Length; step++)
        {
            var x = (Tensor.Randn([size], rng) + 3f).To(device); // w learns toward 3
            var loss = ((x - w) * (x - w)).Mean();
            loss.Backward();
            adam.Step();
            adam.ZeroGrad();
            if (step % 100 == 0)
            {
                last = loss.Item();
                first = float.IsNaN(first) ? last : first;
            }
            held[step] = accelerator.AllocatedBytes;
        }
        long firstHalf = held.Take(500).Max(), secondHalf = held.Skip(500).Max();
        long inputs = (long)size * sizeof(float) * held.Length; // dropped by the loop: the inputs alone
        long bound = start + accelerator.MinCollectBytes + (4L << 20);
        // Flat: the second half's peak within 1 MiB (a quarter of the threshold) of the first's. A
        // collection finds most, not always all, of the dropped tensors, so a few buffers may be new.
        Assert.True(secondHalf <= firstHalf + (1L << 20), $"the accelerator's memory grew: at most {firstHalf >> 10} KiB in steps 1-500, {secondHalf >> 10} KiB in steps 501-1000");
        Assert.True(secondHalf <= bound, $"{secondHalf >> 20} MiB held after dropping {inputs >> 20} MiB of inputs alone; the bound is {bound >> 20} MiB ({start >> 20} MiB before the loop)");
        Assert.True(last < first, $"the loop did not learn: loss {first} at step 1, {last} at step 901");
    }
}

/// <summary>Tests that read an accelerator's memory, run with no other test beside them.</summary>
[CollectionDefinition(nameof(AcceleratorMemoryGroup), DisableParallelization = true)]
public sealed class AcceleratorMemoryGroup;
