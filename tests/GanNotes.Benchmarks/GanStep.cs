using GanNotes.Data;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>
/// The seed-004 MLP GAN training step, built exactly like peer/torch_reference_gan.py:
/// G 64-128-256-512-1024-784 (Linear, BatchNorm1d, ReLU blocks; Sigmoid out),
/// D 784-512-256-128-1 (Linear, LeakyReLU 0.2), batch 128, Adam lr 1e-5, one D step and one G step.
/// </summary>
internal sealed class GanStep : ITrainingStep
{
    public const int ZDim = 64;
    public const int Hidden = 128;
    public const int DefaultBatch = 128;

    /// <summary>
    /// Untimed steps before a benchmark measures: 150 at batch 128, at least 10, about 3-5 s
    /// on two cores at any batch size. .NET's background compilation has settled by then.
    /// </summary>
    public static int WarmUpSteps(int batch) => Math.Max(10, 19_200 / batch);

    private readonly Sequential g;
    private readonly Sequential d;
    private readonly Tensor[] gParameters;
    private readonly Adam optG;
    private readonly Adam optD;
    private readonly ImageDataset images;
    private readonly int imageCount;
    private readonly int[] permutation;
    private readonly Rng rng = new(0);
    private readonly Tensor zeros;
    private readonly Tensor ones;

    public GanStep(ImageDataset images, int batch = DefaultBatch, Device? device = null)
    {
        Batch = batch;
        Device = device ?? Device.Cpu;
        zeros = Tensor.Zeros(batch, 1).To(Device);
        ones = Tensor.Ones(batch, 1).To(Device);
        this.images = images;
        imageCount = images.Count;
        Rng.Default.ManualSeed(0);
        g = new Sequential(
            GBlock(ZDim, Hidden), GBlock(Hidden, 2 * Hidden), GBlock(2 * Hidden, 4 * Hidden), GBlock(4 * Hidden, 8 * Hidden),
            new Linear(8 * Hidden, 784), new Sigmoid());
        d = new Sequential(DBlock(784, 4 * Hidden), DBlock(4 * Hidden, 2 * Hidden), DBlock(2 * Hidden, Hidden), new Linear(Hidden, 1));
        g.To(Device);
        d.To(Device);
        gParameters = [.. g.Parameters()];
        optG = new Adam(gParameters, lr: 1e-5f);
        optD = new Adam(d.Parameters(), lr: 1e-5f);
        permutation = rng.Permutation(imageCount);
    }

    /// <summary>Examples per minibatch.</summary>
    public int Batch { get; }

    /// <summary>Where the networks compute; the images and the noise are drawn on the host and copied there each step.</summary>
    public Device Device { get; }

    /// <summary>
    /// Floating-point operations (2 per multiply-add) of the products one step runs. A layer's
    /// backward costs twice its forward (dW and dX), less what no one needs: dX of a first
    /// layer whose input needs no gradient, and D's dW in the generator's step.
    /// </summary>
    public double Flops()
    {
        int[] gDims = [ZDim, Hidden, 2 * Hidden, 4 * Hidden, 8 * Hidden, 784];
        int[] dDims = [784, 4 * Hidden, 2 * Hidden, Hidden, 1];
        double gMacs = Macs(gDims), dMacs = Macs(dDims);
        double gFirst = (double)Batch * gDims[0] * gDims[1], dFirst = (double)Batch * dDims[0] * dDims[1];
        // D step: G forward; D forward, dW and dX (not the first layer's) on fake and on real.
        double dStep = gMacs + (2 * (dMacs + dMacs + (dMacs - dFirst)));
        // G step: G and D forward; D's dX; G's dW and dX (not the first layer's: z needs none).
        double gStep = gMacs + dMacs + dMacs + gMacs + (gMacs - gFirst);
        return 2 * (dStep + gStep);
    }

    private double Macs(int[] dims)
    {
        double macs = 0;
        for (int i = 0; i + 1 < dims.Length; i++)
        {
            macs += (double)Batch * dims[i] * dims[i + 1];
        }
        return macs;
    }

    /// <summary>One step; its tensors are recycled for the next (PyTorch's caching allocator does the same).</summary>
    /// <summary>One step; the losses are read back (a wait for the device) only when <paramref name="read"/>, as the peer reads them once at the end.</summary>
    public (float LossD, float LossG) Step(int i, bool read = true)
    {
        using var scope = TensorScope.Begin();
        int start = i * Batch % (imageCount - Batch + 1);
        var real = RealBatch(start);

        optD.ZeroGrad();
        var fake = g.Forward(Tensor.Randn([Batch, ZDim], rng).To(Device));
        var lossD = (Functional.BinaryCrossEntropyWithLogits(d.Forward(fake.Detach()), zeros)
            + Functional.BinaryCrossEntropyWithLogits(d.Forward(real), ones)) / 2f;
        lossD.Backward();
        optD.Step();

        optG.ZeroGrad();
        fake = g.Forward(Tensor.Randn([Batch, ZDim], rng).To(Device));
        var lossG = Functional.BinaryCrossEntropyWithLogits(d.Forward(fake), ones);
        lossG.Backward(inputs: gParameters); // the peer's lg.backward() also computes D's gradients, unused
        optG.Step();
        return read ? (lossD.Item(), lossG.Item()) : (float.NaN, float.NaN);
    }

    private Tensor RealBatch(int start)
    {
        return images.GetImages(permutation.AsSpan(start, Batch)).To(Device);
    }

    private static Sequential GBlock(int i, int o) => new(new Linear(i, o), new BatchNorm1d(o), new Relu());

    private static Sequential DBlock(int i, int o) => new(new Linear(i, o), new LeakyRelu(0.2f));
}
