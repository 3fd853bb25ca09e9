using System.Text.RegularExpressions;
using ILGPU.Runtime.Cuda;
using Xunit.Abstractions;

namespace GanNotes.Tests.Tensors.Backend.Ilgpu;

/// <summary>
/// Every ILGPU kernel of the library (<see cref="LibraryKernels.All"/>, found by reflection) compiles
/// to PTX for the GPUs the course expects, A100 (sm_80), RTX 40xx (sm_89) and H100/H200 (sm_90),
/// and NVIDIA's assembler accepts the result: no GPU is needed to know that the CUDA device's
/// kernels will load on one.
/// </summary>
/// <remarks>
/// Two instruction sets: the one a CUDA accelerator writes on the newest driver ILGPU knows (what
/// a GPU machine of today runs), and PTX ISA 7.8, the newest that Debian's ptxas (CUDA 11.8) reads,
/// so that CI can assemble it. ptxas is the toolkit's; where it is absent the assembling cases are
/// skipped with the reason (tests/test.sh does not install it, .ci/run does).
/// </remarks>
public sealed class PtxTests(PtxTests.LibraryPtx ptx, ITestOutputHelper output) : IClassFixture<PtxTests.LibraryPtx>
{
    /// <summary>The library's kernels compiled once for every architecture and instruction set, shared by the cases.</summary>
    public sealed class LibraryPtx
    {
        public LibraryPtx()
        {
            foreach (var architecture in Architectures.Values)
            {
                foreach (string isa in InstructionSets)
                {
                    Batches[(KernelPtx.Sm(architecture), isa)] = KernelPtx.Compile(LibraryKernels.All, architecture, InstructionSet(architecture, isa));
                }
            }
        }

        internal Dictionary<(string Sm, string Isa), KernelPtx.Batch> Batches { get; } = [];
    }

    private static readonly Dictionary<string, CudaArchitecture> Architectures = new()
    {
        ["sm_80"] = CudaArchitecture.SM_80,
        ["sm_89"] = CudaArchitecture.SM_89,
        ["sm_90"] = CudaArchitecture.SM_90,
    };

    private static readonly string[] InstructionSets = ["default", "7.8"];

    private static CudaInstructionSet InstructionSet(CudaArchitecture architecture, string isa) =>
        isa == "7.8" ? CudaInstructionSet.ISA_78 : KernelPtx.DefaultInstructionSet(architecture);

    public static TheoryData<string, string> Targets()
    {
        var data = new TheoryData<string, string>();
        foreach (string sm in Architectures.Keys)
        {
            foreach (string isa in InstructionSets)
            {
                data.Add(sm, isa);
            }
        }
        return data;
    }

    public static TheoryData<string> Assembled() => [.. Architectures.Keys];

    [Fact]
    public void Kernels_FoundByReflection_IncludeEveryKernelShapedMethodOfTheLibrary()
    {
        Assert.NotEmpty(LibraryKernels.All);
        var unlisted = LibraryKernels.Unlisted();
        Assert.True(unlisted.Count == 0,
            "kernel-shaped static methods the PTX tests would skip (put them in IlgpuKernels with a name ending in 'Kernel'): "
            + string.Join(", ", unlisted.Select(m => $"{m.DeclaringType!.Name}.{m.Name}")));
        var misnamed = LibraryKernels.All.Where(m => !LibraryKernels.IsKernelShaped(m)).Select(m => m.Name).ToList();
        Assert.True(misnamed.Count == 0, "methods of IlgpuKernels named '...Kernel' that ILGPU cannot load as kernels: " + string.Join(", ", misnamed));
        output.WriteLine($"{LibraryKernels.All.Count} kernels: {string.Join(", ", LibraryKernels.All.Select(m => m.Name))}");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Kernels_CompileToPtx(string sm, string isa)
    {
        var batch = ptx.Batches[(sm, isa)];
        output.WriteLine($"{batch.Results.Count} kernels compiled for {batch.Target} in {batch.Elapsed.TotalSeconds:F2} s (newest driver ILGPU knows: {KernelPtx.NewestDriver})");
        KernelPtx.AssertCompiled(batch);
        output.WriteLine("targets written: " + string.Join(", ", batch.Results.Select(r => Regex.Match(r.Ptx!, @"^\.target .*$", RegexOptions.Multiline).Value).Distinct()));
        Assert.All(batch.Results, r =>
        {
            Assert.Contains($".version {batch.InstructionSet}", r.Ptx, StringComparison.Ordinal);
            Assert.Contains(".entry ", r.Ptx, StringComparison.Ordinal);
        });
    }

    [PtxasTheory]
    [MemberData(nameof(Assembled))]
    public void Kernels_AtIsa78_AssembleWithPtxas(string sm)
    {
        var batch = ptx.Batches[(sm, "7.8")];
        KernelPtx.AssertCompiled(batch);
        using var folder = new TempDirectory("gannotes-ptx-");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = Ptxas.AssembleAll(batch.Results.Select(r => (r.Name, r.Ptx!)), sm, folder.Path, verbose: true);
        var elapsed = clock.Elapsed;
        output.WriteLine($"{Ptxas.Version()}: {results.Count} kernels assembled for {sm} in {elapsed.TotalSeconds:F2} s");
        Ptxas.AssertAssembled(results);
        foreach (var r in results)
        {
            output.WriteLine($"  {r.Name}: {Usage(r.Output)}");
        }
    }

    /// <summary>ptxas -v's registers, stack and spills of one kernel, on one line.</summary>
    private static string Usage(string verbose)
    {
        var registers = Regex.Match(verbose, @"Used (\d+) registers");
        var frame = Regex.Match(verbose, @"(\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads");
        return registers.Success && frame.Success
            ? $"{registers.Groups[1].Value} registers, {frame.Groups[1].Value} B stack, {frame.Groups[2].Value} B spill stores, {frame.Groups[3].Value} B spill loads"
            : verbose.ReplaceLineEndings(" | ");
    }
}
