using System.Reflection;
using System.Runtime.CompilerServices;
using GanNotes.Tensors.Backend.Ilgpu;
using ILGPU;

namespace GanNotes.Tests.Testing;

/// <summary>
/// The library's ILGPU kernels, found by reflection so that a new kernel is checked without anyone
/// listing it: every static method of <see cref="IlgpuKernels"/> whose name ends in "Kernel" and
/// that returns nothing (a kernel cannot return a value; a static helper that hands out a loaded
/// kernel can, and is not one).
/// </summary>
internal static class LibraryKernels
{
    /// <summary>The kernels, sorted by name.</summary>
    public static IReadOnlyList<MethodInfo> All { get; } =
        [.. typeof(IlgpuKernels).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Kernel", StringComparison.Ordinal) && m.ReturnType == typeof(void))
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Static methods anywhere in the library that look like a kernel but are not in <see cref="All"/>:
    /// a kernel placed in another class, or named without the "Kernel" suffix, would otherwise escape
    /// every test that walks <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<MethodInfo> Unlisted() => Unlisted(typeof(IlgpuKernels).Assembly.GetTypes());

    /// <summary>The kernel-shaped static methods of <paramref name="types"/> that are not in <see cref="All"/>.</summary>
    public static IReadOnlyList<MethodInfo> Unlisted(IEnumerable<Type> types) =>
        [.. types
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(IsKernelShaped)
            .Except(All)
            .OrderBy(m => m.DeclaringType!.FullName + "." + m.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Whether ILGPU could load <paramref name="method"/> as a kernel that does work on the device:
    /// static, returning nothing, every parameter a value type, at least one of them an ILGPU view
    /// or index (what a kernel reads, writes or is launched over), or a structure holding views
    /// (a list of tensors, as <see cref="ViewList"/>).
    /// </summary>
    public static bool IsKernelShaped(MethodInfo method)
    {
        if (!method.IsStatic || method.ReturnType != typeof(void) || method.IsDefined(typeof(CompilerGeneratedAttribute)) || method.Name.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }
        var parameters = method.GetParameters();
        return parameters.Length > 0
            && parameters.All(p => p.ParameterType.IsValueType)
            && parameters.Any(p => IsIndex(p.ParameterType) || IsView(p.ParameterType));
    }

    /// <summary>
    /// Whether <paramref name="kernel"/> is implicitly grouped (its first parameter is the index it is
    /// launched over, as for <c>LoadAutoGroupedStreamKernel</c>) rather than explicitly grouped (it
    /// reads <c>Grid</c> and <c>Group</c> itself and is launched with a <c>KernelConfig</c>, as every
    /// <c>LoadStreamKernel</c> of <see cref="IlgpuKernels"/> does).
    /// </summary>
    public static bool IsImplicitlyGrouped(MethodInfo kernel)
    {
        var parameters = kernel.GetParameters();
        return parameters.Length > 0 && IsIndex(parameters[0].ParameterType);
    }

    private static bool IsIndex(Type type) => typeof(IIndex).IsAssignableFrom(type);

    private static bool IsView(Type type) =>
        typeof(IArrayView).IsAssignableFrom(type)
        || (type.IsValueType && !type.IsPrimitive && type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(f => typeof(IArrayView).IsAssignableFrom(f.FieldType)));
}
