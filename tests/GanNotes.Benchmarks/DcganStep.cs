using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>
/// The DCGAN training step (<c>--recipe dcgan</c>: z 100, h 32), built exactly like
/// peer/torch_dcgan.py: G(z) for D's step computed without recording, D on the mean of its real
/// and fake losses, G on the non-saturating loss, Adam lr 2e-4 and betas (0.5, 0.999), batch 128.
/// </summary>
internal sealed class DcganStep : ITrainingStep
{
    private const int ZDim = Dcgan.DefaultZDim;
    private const int Hidden = Dcgan.DefaultHidden;

    private readonly Sequential g;
    private readonly Sequential d;
    private readonly Tensor[] gParameters;
    private readonly Adam optG;
    private readonly Adam optD;
    private readonly ImageDataset images;
    private readonly int[] permutation;
    private readonly Rng rng = new(0);
    private readonly Tensor zeros;
    private readonly Tensor ones;

    public DcganStep(ImageDataset images, int batch, Device device)
    {
        Batch = batch;
        Device = device;
        this.images = images;
        zeros = Tensor.Zeros(batch, 1).To(device);
        ones = Tensor.Ones(batch, 1).To(device);
        g = Dcgan.BuildGenerator(ZDim, Hidden, rng: new Rng(1));
        d = Dcgan.BuildDiscriminator(Hidden, rng: new Rng(2));
        g.To(device);
        d.To(device);
        gParameters = [.. g.Parameters()];
        optG = new Adam(gParameters, lr: 2e-4f, beta1: 0.5f);
        optD = new Adam(d.Parameters(), lr: 2e-4f, beta1: 0.5f);
        permutation = rng.Permutation(images.Count);
    }

    public int Batch { get; }

    public Device Device { get; }

    /// <summary>
    /// Floating-point operations (2 per multiply-add) of the convolutions' products in one step,
    /// counted as <see cref="GanStep.Flops"/> counts the MLP's: a backward costs twice the forward,
    /// less the first layers' input gradients and D's weight gradients in G's step.
    /// </summary>
    public double Flops()
    {
        double m = Batch;
        // MACs per example of each layer's forward: output positions (input pixels for a
        // transposed convolution) x in-channels x out-channels x kernel area.
        double g1 = 1.0 * ZDim * 2 * Hidden * 49, g2 = 49.0 * 2 * Hidden * Hidden * 16, g3 = 196.0 * Hidden * 16;
        double d1 = 196.0 * Hidden * 16, d2 = 49.0 * Hidden * 2 * Hidden * 16, d3 = 2.0 * Hidden * 49;
        double gMacs = m * (g1 + g2 + g3), dMacs = m * (d1 + d2 + d3), gFirst = m * g1, dFirst = m * d1;
        double dStep = gMacs + (2 * (dMacs + dMacs + (dMacs - dFirst)));
        double gStep = gMacs + dMacs + dMacs + gMacs + (gMacs - gFirst);
        return 2 * (dStep + gStep);
    }

    public (float LossD, float LossG) Step(int i, bool read = true)
    {
        using var scope = TensorScope.Begin();
        int start = i * Batch % (images.Count - Batch + 1);
        var real = images.GetImages(permutation.AsSpan(start, Batch)).To(Device);

        Tensor fake;
        using (Autograd.NoGrad())
        {
            fake = g.Forward(Tensor.Randn([Batch, ZDim], rng).To(Device));
        }
        optD.ZeroGrad();
        var lossD = (Functional.BinaryCrossEntropyWithLogits(d.Forward(real), ones)
            + Functional.BinaryCrossEntropyWithLogits(d.Forward(fake), zeros)) / 2f;
        lossD.Backward();
        optD.Step();

        optG.ZeroGrad();
        var lossG = Functional.BinaryCrossEntropyWithLogits(d.Forward(g.Forward(Tensor.Randn([Batch, ZDim], rng).To(Device))), ones);
        lossG.Backward(inputs: gParameters);
        optG.Step();
        var losses = read ? (lossD.Item(), lossG.Item()) : (float.NaN, float.NaN);
        optD.ZeroGrad();
        optG.ZeroGrad();
        return losses;
    }
}
