using System.Globalization;

namespace GanNotes.Gan;

/// <summary>What one iteration of Algorithm 1 measured (the last of its k discriminator steps, and the generator step).</summary>
/// <param name="Step">Generator steps done, counting this one (1-based).</param>
/// <param name="Epoch">Passes over the data so far, fractional.</param>
/// <param name="LossD">The discriminator loss, -V/2 on the minibatch (log 2 = 0.693 at the optimum).</param>
/// <param name="LossG">The generator loss.</param>
/// <param name="DReal">Mean D(x) on the real minibatch.</param>
/// <param name="DFake">Mean D(G(z)) on the generated minibatch (1/2 at the optimum).</param>
/// <param name="GradNormD">L2 norm of all discriminator gradients.</param>
/// <param name="GradNormG">L2 norm of all generator gradients.</param>
public sealed record StepRecord(int Step, double Epoch, float LossD, float LossG, float DReal, float DFake, float GradNormD, float GradNormG)
{
    /// <summary>The CSV header matching <see cref="ToCsv"/>.</summary>
    public const string CsvHeader = "step,epoch,loss_d,loss_g,d_real,d_fake,grad_norm_d,grad_norm_g";

    /// <summary>One CSV line, invariant culture, round-trippable floats.</summary>
    public string ToCsv() => string.Join(',',
        Step.ToString(CultureInfo.InvariantCulture),
        Epoch.ToString("R", CultureInfo.InvariantCulture),
        LossD.ToString("R", CultureInfo.InvariantCulture),
        LossG.ToString("R", CultureInfo.InvariantCulture),
        DReal.ToString("R", CultureInfo.InvariantCulture),
        DFake.ToString("R", CultureInfo.InvariantCulture),
        GradNormD.ToString("R", CultureInfo.InvariantCulture),
        GradNormG.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Parses a line written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="FormatException">The line does not have the 8 numeric fields.</exception>
    public static StepRecord ParseCsv(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var f = line.Split(',');
        if (f.Length != 8)
        {
            throw new FormatException($"Expected 8 fields ({CsvHeader}), got {f.Length}: '{line}'.");
        }
        var inv = CultureInfo.InvariantCulture;
        return new StepRecord(int.Parse(f[0], inv), double.Parse(f[1], inv), float.Parse(f[2], inv), float.Parse(f[3], inv),
            float.Parse(f[4], inv), float.Parse(f[5], inv), float.Parse(f[6], inv), float.Parse(f[7], inv));
    }
}
