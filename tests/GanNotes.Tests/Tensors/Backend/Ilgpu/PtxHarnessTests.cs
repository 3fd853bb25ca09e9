using System.Reflection;
using ILGPU;
using ILGPU.Runtime.Cuda;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GanNotes.Tests.Tensors.Backend.Ilgpu;

/// <summary>
/// The checks of <see cref="PtxTests"/> can fail: a kernel ILGPU cannot compile is reported by name,
/// and PTX that ptxas cannot assemble is rejected with ptxas's own message. Each beside a library
/// kernel that passes, so the failure is the broken one's alone.
/// </summary>
public sealed class PtxHarnessTests(ITestOutputHelper output)
{
    /// <summary>
    /// A kernel no GPU can run: it builds a managed list, a class on the .NET heap, which ILGPU
    /// refuses to compile (kernels see value types and views only).
    /// </summary>
    private static void ListBuildingKernel(ArrayView<float> y, int n)
    {
        var values = new List<float> { n };
        y[0] = values[0];
    }

    /// <summary>A kernel by its shape whose name lacks the suffix: the discovery must not miss it silently.</summary>
    private static void Scale(ArrayView<float> y, float factor) => y[Grid.GlobalIndex.X] *= factor;

    /// <summary>A device helper, not a kernel: it returns a value.</summary>
    private static float Twice(float x) => 2f * x;

    private static MethodInfo Broken =>
        typeof(PtxHarnessTests).GetMethod(nameof(ListBuildingKernel), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The library's simplest kernel, the control beside the broken one.</summary>
    private static MethodInfo Working => LibraryKernels.All.Single(m => m.Name == "FillKernel");

    [Fact]
    public void Unlisted_KernelShapedMethodsOutsideTheList_AreFoundAndHelpersAreNot()
    {
        var unlisted = LibraryKernels.Unlisted([typeof(PtxHarnessTests)]).Select(m => m.Name);

        Assert.Equal([nameof(ListBuildingKernel), nameof(Scale)], unlisted);
        Assert.False(LibraryKernels.IsKernelShaped(typeof(PtxHarnessTests).GetMethod(nameof(Twice), BindingFlags.NonPublic | BindingFlags.Static)!));
    }

    [Fact]
    public void AssertCompiled_KernelUsingAManagedClass_FailsNamingOnlyThatKernel()
    {
        // The broken one first: a failure must not take the kernels compiled after it down too.
        var batch = KernelPtx.Compile([Broken, Working], CudaArchitecture.SM_90, CudaInstructionSet.ISA_78);

        Assert.False(batch.Results[0].Compiled);
        Assert.True(batch.Results[1].Compiled, batch.Results[1].Error);
        var failure = Assert.ThrowsAny<XunitException>(() => KernelPtx.AssertCompiled(batch));
        output.WriteLine(failure.Message);
        Assert.Contains("1 of 2 kernels do not compile to PTX for sm_90", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{nameof(ListBuildingKernel)}: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Class type 'System.Collections.Generic.List`1[System.Single]' is not supported", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Working.Name, failure.Message, StringComparison.Ordinal);
    }

    [PtxasFact]
    public void AssertAssembled_PtxWithAnUnknownInstruction_FailsQuotingPtxas()
    {
        string ptx = KernelPtx.Compile([Working], CudaArchitecture.SM_90, CudaInstructionSet.ISA_78).Results[0].Ptx!;
        int ret = ptx.LastIndexOf("ret;", StringComparison.Ordinal);
        Assert.True(ret > 0, "the kernel's PTX has no 'ret;' to corrupt before");
        string corrupted = ptx.Insert(ret, "frobnicate.f32 %f0, %f0;\n\t");
        using var folder = new TempDirectory("gannotes-ptx-");

        var results = Ptxas.AssembleAll([(Working.Name, ptx), ("Corrupted" + Working.Name, corrupted)], "sm_90", folder.Path);

        Assert.True(results[0].Assembled, results[0].Output);
        Assert.False(results[1].Assembled);
        var failure = Assert.ThrowsAny<XunitException>(() => Ptxas.AssertAssembled(results));
        output.WriteLine(failure.Message);
        Assert.Contains($"ptxas rejected 1 of 2 kernels:\n  Corrupted{Working.Name} (-arch=sm_90, exit ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("frobnicate", failure.Message, StringComparison.Ordinal);
    }
}
