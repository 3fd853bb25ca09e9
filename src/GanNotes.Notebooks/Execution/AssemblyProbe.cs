using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace GanNotes.Notebooks;

/// <summary>
/// Makes the dependencies of <c>#r</c>'d assemblies loadable: when the runtime cannot find an
/// assembly, the folders of every dll a notebook referenced by path are probed for
/// <c>Name.dll</c> (VS Code's kernel finds them the same way, next to the referenced dll).
/// </summary>
internal static class AssemblyProbe
{
    private static readonly ConcurrentDictionary<string, byte> Folders = new(StringComparer.Ordinal);
    private static int hooked;

    /// <summary>Remembers the folders of the file references a cell's <c>#r</c> directives resolved to.</summary>
    public static void Register(IEnumerable<MetadataReference> directiveReferences)
    {
        foreach (var reference in directiveReferences.OfType<PortableExecutableReference>())
        {
            if (reference.FilePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Folders.TryAdd(folder, 0);
            }
        }
        if (!Folders.IsEmpty && Interlocked.Exchange(ref hooked, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is not { Length: > 0 } simpleName)
        {
            return null;
        }
        foreach (var folder in Folders.Keys)
        {
            string candidate = Path.Combine(folder, simpleName + ".dll");
            if (File.Exists(candidate))
            {
                return context.LoadFromAssemblyPath(candidate);
            }
        }
        return null;
    }
}
