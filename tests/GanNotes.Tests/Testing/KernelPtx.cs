using System.Diagnostics;
using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace GanNotes.Tests.Testing;

/// <summary>
/// Kernels compiled to PTX offline, by ILGPU's own PTX backend, as a CUDA accelerator compiles them
/// before handing the text to the driver: no GPU or driver is needed.
/// </summary>
internal static class KernelPtx
{
    /// <summary>One kernel's PTX for one target, or why ILGPU could not compile it.</summary>
    public sealed record Result(MethodInfo Kernel, string? Ptx, string? Error)
    {
        public string Name => Kernel.Name;

        public bool Compiled => Ptx is not null;
    }

    /// <summary>The kernels of one target and how long compiling them all took.</summary>
    public sealed record Batch(CudaArchitecture Architecture, CudaInstructionSet InstructionSet, IReadOnlyList<Result> Results, TimeSpan Elapsed)
    {
        public string Target => $"{Sm(Architecture)} at PTX ISA {InstructionSet}";
    }

    /// <summary>
    /// The newest CUDA driver this ILGPU knows: the one its newest PTX instruction set asks for.
    /// A CUDA accelerator on a driver at least this new writes that instruction set.
    /// </summary>
    public static CudaDriverVersion NewestDriver { get; } =
        typeof(CudaInstructionSet).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(CudaInstructionSet))
            .Select(f => CudaDriverVersionUtils.GetMinimumDriverVersion((CudaInstructionSet)f.GetValue(null)!))
            .Max();

    /// <summary>The instruction set a CUDA accelerator of <paramref name="architecture"/> writes on <see cref="NewestDriver"/>.</summary>
    public static CudaInstructionSet DefaultInstructionSet(CudaArchitecture architecture) =>
        CudaAccelerator.GetInstructionSet(architecture, NewestDriver);

    /// <summary>ptxas's name of an architecture: sm_90.</summary>
    public static string Sm(CudaArchitecture architecture) => $"sm_{architecture.Major}{architecture.Minor}";

    /// <summary>
    /// Compiles every kernel of <paramref name="kernels"/> for one architecture and instruction set,
    /// in a context made as the library makes its own (<c>Default().EnableAlgorithms()</c>).
    /// A kernel that does not compile gives a result with the compiler's message; the others go on.
    /// </summary>
    public static Batch Compile(IEnumerable<MethodInfo> kernels, CudaArchitecture architecture, CudaInstructionSet instructionSet)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<Result>();
        Context? context = null;
        PTXBackend? backend = null;
        try
        {
            foreach (var kernel in kernels)
            {
                context ??= Context.Create(builder => builder.Default().EnableAlgorithms());
                backend ??= new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, instructionSet, nvvmAPI: null);
                var result = CompileOne(backend, kernel);
                results.Add(result);
                if (!result.Compiled)
                {
                    // NOTE: a failed compile leaves ILGPU's context half-built: every later kernel would
                    // fail with a NullReferenceException. A fresh context keeps the report to the culprit.
                    backend.Dispose();
                    context.Dispose();
                    (backend, context) = (null, null);
                }
            }
        }
        finally
        {
            backend?.Dispose();
            context?.Dispose();
        }
        return new Batch(architecture, instructionSet, results, clock.Elapsed);
    }

    /// <summary>Fails naming every kernel of <paramref name="batch"/> that did not compile, with the compiler's message.</summary>
    public static void AssertCompiled(Batch batch)
    {
        var failed = batch.Results.Where(r => !r.Compiled).ToList();
        if (failed.Count > 0)
        {
            Assert.Fail($"{failed.Count} of {batch.Results.Count} kernels do not compile to PTX for {batch.Target}:\n"
                + string.Join('\n', failed.Select(r => $"  {r.Name}: {r.Error}")));
        }
    }

    private static Result CompileOne(PTXBackend backend, MethodInfo kernel)
    {
        // Loaded the way the library loads it: LoadStreamKernel gives an explicitly grouped kernel
        // (launched with a KernelConfig), the auto-grouped loaders an implicitly grouped one.
        var entry = LibraryKernels.IsImplicitlyGrouped(kernel)
            ? EntryPointDescription.FromImplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromExplicitlyGroupedKernel(kernel);
        try
        {
            var compiled = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
            return new Result(kernel, compiled.PTXAssembly, null);
        }
#pragma warning disable CA1031 // whatever the compiler throws is the finding, reported with the kernel's name
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Result(kernel, null, Describe(e));
        }
    }

    /// <summary>The exception and its causes on one line: ILGPU puts the reason in an inner exception.</summary>
    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
        {
            parts.Add($"{x.GetType().Name}: {x.Message.ReplaceLineEndings(" ")}");
        }
        return string.Join(" <- ", parts);
    }
}
