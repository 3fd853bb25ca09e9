using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>One benchmarked GAN training step: the MLP of the notes (<see cref="GanStep"/>) or the DCGAN (<see cref="DcganStep"/>).</summary>
internal interface ITrainingStep
{
    /// <summary>Examples per minibatch.</summary>
    int Batch { get; }

    /// <summary>Where the networks compute.</summary>
    Device Device { get; }

    /// <summary>Floating-point operations of the products one step runs.</summary>
    double Flops();

    /// <summary>One D step and one G step; the losses are read back only when <paramref name="read"/>.</summary>
    (float LossD, float LossG) Step(int i, bool read = true);
}
