using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Tests.Nn.Serialization;

/// <summary>The model the serialization tests use and the checks they share.</summary>
internal static class SerializationFixtures
{
    /// <summary>
    /// Sequential(Linear(3, 4), BatchNorm1d(4), ReLU(), Linear(4, 2)), the same layout as the PyTorch
    /// fixture, after <paramref name="trainingSteps"/> training-mode forward passes (so the BatchNorm
    /// buffers differ from their initial values).
    /// </summary>
    public static Sequential Mlp(ulong seed, int trainingSteps = 2)
    {
        var generator = new Rng(seed);
        var model = new Sequential(new Linear(3, 4, rng: generator), new BatchNorm1d(4), new Relu(), new Linear(4, 2, rng: generator));
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < trainingSteps; i++)
            {
                model.Forward(Tensor.Randn([8, 3], generator));
            }
        }
        return model;
    }

    /// <summary>A copy of every state value by name.</summary>
    public static Dictionary<string, float[]> Snapshot(Module module) =>
        module.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray());

    public static void AssertStateEquals(Dictionary<string, float[]> expected, Module module)
    {
        var actual = Snapshot(module);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, values) in expected)
        {
            Assert.True(values.AsSpan().SequenceEqual(actual[name]), $"'{name}' changed.");
        }
    }

    /// <summary>The module's state as writer input, optionally edited.</summary>
    public static List<KeyValuePair<string, SafetensorsTensor>> Entries(Module module) =>
        [.. module.StateDict().Select(p => KeyValuePair.Create(p.Key, new SafetensorsTensor([.. p.Value.Shape], p.Value.ToArray())))];

    /// <summary>Eval-mode output on a fixed input.</summary>
    public static float[] EvalOutput(Module module)
    {
        module.Eval();
        using (Autograd.NoGrad())
        {
            return module.Forward(Tensor.FromArray(new float[,] { { 0.5f, -1f, 2f }, { -0.25f, 1.5f, 0f } })).ToArray();
        }
    }
}
