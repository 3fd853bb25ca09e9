using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Tensors;
using GanNotes.Tensors.Backend.Ilgpu;

namespace GanNotes.Benchmarks;

/// <summary>
/// How many kernel launches, copies and fills one GAN step queues on the GPU's stream, counted on
/// ILGPU's CPU accelerator (the counts do not depend on the processor or the batch): the
/// benchmark's steps (the same work as peer/torch_reference_gan.py and peer/torch_dcgan.py, whose
/// kernels peer/torch_op_count.py counts), and the course's trainer step, which also reads D(x),
/// D(G(z)) and both gradient norms back every step.
/// </summary>
internal static class LaunchCount
{
    public static int Run(ImageDataset images, int batch)
    {
        var device = Device.CudaKernelsOnCpu;
        Console.WriteLine($"per step, batch {batch}, on {device}:");
        Report("mlp step (peer's work)", new GanStep(images, batch, device));
        Report("dcgan step (peer's work)", new DcganStep(images, batch, device));
        Report("mlp trainer step (gan-notes train)", GanRecipe.Fast with { BatchSize = batch }, images);
        Report("dcgan trainer step (gan-notes train --recipe dcgan)", GanRecipe.Dcgan with { BatchSize = batch }, images);
        return 0;
    }

    private static void Report(string name, ITrainingStep step) =>
        Print(name, () => step.Step(0, read: true));

    private static void Report(string name, GanRecipe recipe, ImageDataset images)
    {
        var trainer = RunBuilder.Trainer(recipe, new DatasetSampler(images, recipe.Seed), Device.CudaKernelsOnCpu);
        Print(name, () => trainer.TrainStep());
    }

    /// <summary>Counts the third call: the first two make the optimizers' state and fill the pool.</summary>
    private static void Print(string name, Action step)
    {
        step();
        step();
        using var tally = LaunchTally.Start();
        step();
        var used = tally.Counts;
        Console.WriteLine($"{name}: {used.Total} in all = {used}");
        Console.WriteLine("  " + string.Join(", ", tally.ByKernel.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
    }
}
