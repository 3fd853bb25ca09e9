using System.Text.Json;
using GanNotes.Nn;
using GanNotes.Tensors;
using static GanNotes.Tests.Nn.Serialization.SerializationFixtures;

namespace GanNotes.Tests.Nn.Serialization;

public sealed class ModuleSerializationExtensionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "safetensors", name);

    /// <summary>Loads <paramref name="path"/> into a trained MLP, expects failure, and checks the module kept every value.</summary>
    private static InvalidDataException AssertLoadFailsUnchanged(string path)
    {
        var model = Mlp(seed: 7);
        var before = Snapshot(model);

        var e = Assert.Throws<InvalidDataException>(() => model.Load(path));

        AssertStateEquals(before, model);
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void Load_FileSavedByAnotherSeed_RestoresValuesAndOutput()
    {
        string path = temp.Combine("mlp.safetensors");
        var source = Mlp(seed: 1, trainingSteps: 3);
        source.Save(path);
        var target = Mlp(seed: 2, trainingSteps: 1);
        Assert.NotEqual(EvalOutput(source), EvalOutput(target));

        var returned = target.Load(path);

        Assert.Same(target, returned);
        AssertStateEquals(Snapshot(source), target);
        Assert.Equal(3f, ((BatchNorm1d)target[1]).NumBatchesTracked.Item());
        Assert.Equal(EvalOutput(source), EvalOutput(target));
        Assert.True(target.Parameters().All(p => p.RequiresGrad && p.IsLeaf), "Parameters stay trainable leaves.");
    }

    [Fact]
    public void Save_Module_WritesStateDictNamesInOrderWithFormatMetadata()
    {
        string path = temp.Combine("mlp.safetensors");
        var model = Mlp(seed: 3);

        model.Save(path);
        var file = Safetensors.Read(path);

        Assert.Equal(model.StateDict().Select(p => p.Key), file.Names);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"], file.Names);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Empty(file.Tensors["1.num_batches_tracked"].Shape);
    }

    [Fact]
    public void Load_MissingNames_ThrowsListingThemAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("missing.safetensors");
        var entries = Entries(Mlp(seed: 1));
        entries.RemoveAll(p => p.Key is "1.running_var" or "3.bias");
        Safetensors.Write(path, entries);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains("missing tensors (in the module, not in the file): 3.bias, 1.running_var", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraNames_ThrowsListingThemAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("extra.safetensors");
        var entries = Entries(Mlp(seed: 1));
        entries.Add(KeyValuePair.Create("4.weight", new SafetensorsTensor([1, 2], [1f, 2f])));
        entries.Add(KeyValuePair.Create("head", new SafetensorsTensor([], [0f])));
        Safetensors.Write(path, entries);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains("unexpected tensors (in the file, not in the module): 4.weight, head", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongShape_ThrowsNamingTensorAndBothShapesAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("shape.safetensors");
        var entries = Entries(Mlp(seed: 1));
        int i = entries.FindIndex(p => p.Key == "0.weight");
        entries[i] = KeyValuePair.Create("0.weight", new SafetensorsTensor([3, 4], entries[i].Value.Data)); // same count, transposed shape
        Safetensors.Write(path, entries);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains("shape mismatch for '0.weight': the file has [3, 4], the module has [4, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("truncated.safetensors");
        Mlp(seed: 1).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^6]);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains("'1.running_var' (data_offsets", e.Message, StringComparison.Ordinal); // the last 6 bytes held 2 of running_var and all of num_batches_tracked
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GarbageHeader_ThrowsAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("garbage.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes(16UL), .. "this is no JSON!"u8, 0, 0, 0, 0]);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains("the header is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderLengthTooLarge_ThrowsAndLeavesModuleUnchanged()
    {
        string path = temp.Combine("length.safetensors");
        Mlp(seed: 1).Save(path);
        var bytes = File.ReadAllBytes(path);
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), (ulong)bytes.Length);
        File.WriteAllBytes(path, bytes);

        var e = AssertLoadFailsUnchanged(path);

        Assert.Contains($"the header length {bytes.Length} is beyond the file size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_NonexistentFolder_ThrowsAndCreatesNothing()
    {
        string path = Path.Combine(temp.Path, "no-such-folder", "mlp.safetensors");

        Assert.Throws<DirectoryNotFoundException>(() => Mlp(seed: 1).Save(path));

        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Save_TargetIsAFolder_ThrowsAndLeavesNoTempFile()
    {
        // The rename is the last step, so this fails after the temp file was fully written.
        string path = temp.Combine("taken");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "keep.txt"), "keep");

        var e = Record.Exception(() => Mlp(seed: 1).Save(path));

        Assert.True(e is IOException or UnauthorizedAccessException, $"Expected an I/O error, got {e}");
        Assert.Equal(["taken"], temp.Entries());
        Assert.Equal("keep", File.ReadAllText(Path.Combine(path, "keep.txt")));
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesItAndLeavesNoTempFile()
    {
        string path = temp.Combine("mlp.safetensors");
        File.WriteAllText(path, "an older, unrelated file");
        var model = Mlp(seed: 5);

        model.Save(path);
        model.Save(path);

        Assert.Equal(["mlp.safetensors"], temp.Entries());
        AssertStateEquals(Snapshot(model), Mlp(seed: 6).Load(path));
    }

    [Fact]
    public void Load_ModuleWithoutState_AcceptsFileWithOnlyMetadata()
    {
        string path = temp.Combine("relu.safetensors");
        new Relu().Save(path);

        var file = Safetensors.Read(path);
        new Relu().Load(path);

        Assert.Empty(file.Names);
        Assert.Equal(0, new FileInfo(path).Length % 8);
    }

    [Fact]
    public void Read_TorchFixture_KeepsFileOrderDtypesAndMetadata()
    {
        var file = Safetensors.Read(DataFile("torch_mlp.safetensors"));

        // The reference writer sorts by dtype (I64 first), then by name.
        Assert.Equal(["1.num_batches_tracked", "0.bias", "0.weight", "1.bias", "1.running_mean", "1.running_var", "1.weight", "3.bias", "3.weight"], file.Names);
        Assert.Equal("I64", file.Tensors["1.num_batches_tracked"].Dtype);
        Assert.Equal("F32", file.Tensors["0.weight"].Dtype);
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void Load_TorchFixture_MatchesSidecarValuesAndEvalOutput()
    {
        using var sidecar = JsonDocument.Parse(File.ReadAllText(DataFile("torch_mlp.json")));
        var root = sidecar.RootElement;
        var model = Mlp(seed: 11);

        model.Load(DataFile("torch_mlp.safetensors"));

        var state = Snapshot(model);
        var expectedState = root.GetProperty("state_dict");
        Assert.Equal(expectedState.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        foreach (var entry in expectedState.EnumerateObject())
        {
            var (shape, values) = ReadTensor(entry.Value);
            Assert.Equal(shape, model.StateDict().Single(p => p.Key == entry.Name).Value.Shape);
            Assert.Equal(values, state[entry.Name]); // stored bit for bit: exact
        }
        Assert.Equal(2f, ((BatchNorm1d)model[1]).NumBatchesTracked.Item());

        var (xShape, x) = ReadTensor(root.GetProperty("tensors").GetProperty("x"));
        var (yShape, y) = ReadTensor(root.GetProperty("tensors").GetProperty("y"));
        model.Eval();
        Tensor output;
        using (Autograd.NoGrad())
        {
            output = model.Forward(Tensor.FromArray(x, xShape));
        }
        Assert.Equal(yShape, output.Shape);
        var actual = output.ToArray();
        for (int i = 0; i < y.Length; i++)
        {
            Assert.True(MathF.Abs(actual[i] - y[i]) <= 1e-5f + 1e-5f * MathF.Abs(y[i]), $"y[{i}]: expected {y[i]}, got {actual[i]}");
        }
    }

    private static (int[] Shape, float[] Values) ReadTensor(JsonElement tensor) =>
        ([.. tensor.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())],
         [.. tensor.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble())]);
}
