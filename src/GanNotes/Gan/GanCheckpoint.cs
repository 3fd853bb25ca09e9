using System.Globalization;
using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// Saves and restores everything a <see cref="GanTrainer"/> needs to continue bit for bit:
/// G and D (parameters and buffers), both optimizers' state, the noise generator's state,
/// the data sampler's position and the step count, in one safetensors file.
/// </summary>
/// <remarks>
/// Tensor names are prefixed <c>G.</c>, <c>D.</c>, <c>optimizer_G.</c>, <c>optimizer_D.</c>;
/// the scalars are in the file's metadata. The file is written to a temporary name and
/// renamed, so a checkpoint on disk is always complete; a failed load changes nothing.
/// </remarks>
public static class GanCheckpoint
{
    private const string Format = "gan-notes-checkpoint/1";

    /// <summary>Writes the trainer's complete state to <paramref name="path"/> atomically.</summary>
    public static void Save(GanTrainer trainer, string path)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var tensors = new List<KeyValuePair<string, SafetensorsTensor>>();
        void Add(string prefix, IEnumerable<KeyValuePair<string, Tensor>> items)
        {
            foreach (var (name, t) in items)
            {
                tensors.Add(new(prefix + name, new SafetensorsTensor([.. t.Shape], t.ValuesForReading())));
            }
        }
        Add("G.", trainer.G.StateDict());
        Add("D.", trainer.D.StateDict());
        Add("optimizer_G.", trainer.OptimizerG.StateDict());
        Add("optimizer_D.", trainer.OptimizerD.StateDict());
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["step"] = trainer.Step.ToString(CultureInfo.InvariantCulture),
            ["rng"] = string.Join(',', trainer.Rng.GetState().Select(v => v.ToString(CultureInfo.InvariantCulture))),
            ["sampler"] = string.Join(',', trainer.Data.GetState().Select(v => v.ToString(CultureInfo.InvariantCulture))),
        };
        Safetensors.Write(path, tensors, metadata);
    }

    /// <summary>Restores a state written by <see cref="Save"/> into a trainer built with the same architecture and options.</summary>
    /// <exception cref="InvalidDataException">The file is not a GanNotes checkpoint, holds a NaN or infinite value (the tensor is named), or does not fit the trainer (the message says what differs); nothing was changed.</exception>
    public static void Load(GanTrainer trainer, string path)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var file = Safetensors.Read(path);
        if (!file.Metadata.TryGetValue("format", out var format) || format != Format)
        {
            throw new InvalidDataException($"{path}: not a GanNotes checkpoint (metadata format '{format}', expected '{Format}').");
        }
        // Weights that are NaN or infinite sample black images and diverge at the first step.
        foreach (string name in file.Names)
        {
            float[] values = file.Tensors[name].Data;
            int bad = Array.FindIndex(values, v => !float.IsFinite(v));
            if (bad >= 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: tensor '{name}' holds {values[bad]} at index {bad}; a checkpoint with non-finite values cannot be used: resume from an earlier one or start a new run."));
            }
        }
        int step;
        ulong[] rng;
        long[] sampler;
        try
        {
            step = int.Parse(file.Metadata["step"], CultureInfo.InvariantCulture);
            rng = [.. file.Metadata["rng"].Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture))];
            var samplerText = file.Metadata["sampler"];
            sampler = samplerText.Length == 0 ? [] : [.. samplerText.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is FormatException or OverflowException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: damaged checkpoint metadata ({e.Message}).", e);
        }

        var g = Matching(file, "G.", trainer.G, path);
        var d = Matching(file, "D.", trainer.D, path);
        var unknown = file.Names.Where(n => !(n.StartsWith("G.", StringComparison.Ordinal) || n.StartsWith("D.", StringComparison.Ordinal)
            || n.StartsWith("optimizer_G.", StringComparison.Ordinal) || n.StartsWith("optimizer_D.", StringComparison.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{path}: unexpected tensors {string.Join(", ", unknown)}.");
        }

        var savedG = trainer.OptimizerG.StateDict();
        var savedRng = trainer.Rng.GetState();
        var savedSampler = trainer.Data.GetState();
        try
        {
            trainer.OptimizerG.LoadStateDict(WithPrefix(file, "optimizer_G."));
            trainer.OptimizerD.LoadStateDict(WithPrefix(file, "optimizer_D."));
            trainer.Rng.SetState(rng);
            trainer.Data.SetState(sampler);
        }
        catch (ArgumentException e)
        {
            trainer.OptimizerG.LoadStateDict(savedG);
            trainer.Rng.SetState(savedRng);
            trainer.Data.SetState(savedSampler);
            throw new InvalidDataException($"{path}: the checkpoint does not fit this trainer: {e.Message}", e);
        }
        using (Autograd.NoGrad())
        {
            foreach (var (target, source) in g.Concat(d))
            {
                target.CopyFrom_(source);
            }
        }
        trainer.Step = step;
    }

    /// <summary>Pairs each of the module's state tensors with the file's, checking names and shapes first.</summary>
    private static List<(Tensor Target, Tensor Source)> Matching(SafetensorsFile file, string prefix, Module module, string path)
    {
        var state = module.StateDict();
        var pairs = new List<(Tensor, Tensor)>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, target) in state)
        {
            expected.Add(prefix + name);
            if (!file.Tensors.TryGetValue(prefix + name, out var source))
            {
                throw new InvalidDataException($"{path}: tensor '{prefix}{name}' is missing; was the checkpoint written for a different architecture?");
            }
            if (!source.Shape.SequenceEqual(target.Shape))
            {
                throw new InvalidDataException($"{path}: tensor '{prefix}{name}' has shape [{string.Join(", ", source.Shape)}], the model needs [{string.Join(", ", target.Shape)}].");
            }
            pairs.Add((target, Tensor.FromArray(source.Data, [.. source.Shape])));
        }
        var extra = file.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !expected.Contains(n)).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidDataException($"{path}: unexpected tensors {string.Join(", ", extra)} for this model.");
        }
        return pairs;
    }

    private static List<KeyValuePair<string, Tensor>> WithPrefix(SafetensorsFile file, string prefix) =>
        [.. file.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => new KeyValuePair<string, Tensor>(n[prefix.Length..], Tensor.FromArray(file.Tensors[n].Data, [.. file.Tensors[n].Shape])))];
}
