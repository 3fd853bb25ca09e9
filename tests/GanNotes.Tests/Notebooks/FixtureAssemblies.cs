using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// The tiny dlls the fixture notebook references, compiled with Roslyn on first use:
/// GanFixture.dll (a chart type with a TypeFormatterSource of its own, matched by name) and
/// GanFixtureDep.dll, which only GanFixture.dll references, so loading it exercises the
/// runner's probing of #r'd folders.
/// </summary>
internal static class FixtureAssemblies
{
    public const string MainName = "GanFixture";
    public const string DependencyName = "GanFixtureDep";

    /// <summary>The 1x1 PNG the fixture's image/png formatter writes, as base64.</summary>
    public const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private const string DependencySource = """
        namespace GanFixture.Dep;
        public static class Greeting
        {
            public static string Hello(string name) => $"hello {name} from a dependency";
        }
        """;

    private const string MainSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;

        namespace GanFixture;

        // Not .NET Interactive's attribute: the runner must find it by its name alone.
        [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
        public sealed class TypeFormatterSourceAttribute : Attribute
        {
            public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;
            public Type FormatterSourceType { get; }
            public string[] PreferredMimeTypes { get; set; }
        }

        [TypeFormatterSource(typeof(PlotFormatterSource), PreferredMimeTypes = new[] { "text/html", "image/png" })]
        public sealed class Chart
        {
            public Chart(string title) => Title = title;
            public string Title { get; }
            public override string ToString() => $"Chart({Title})";
        }

        // No preferred mime types: the runner shows every mime type it has a formatter for.
        [TypeFormatterSource(typeof(PlotFormatterSource))]
        public sealed class Badge
        {
            public Badge(string label) => Label = label;
            public string Label { get; }
        }

        public sealed class PlotFormatterSource
        {
            public IEnumerable<object> CreateTypeFormatters()
            {
                yield return new HtmlFormatter();
                yield return new PngFormatter();
            }
        }

        public sealed class HtmlFormatter
        {
            public string MimeType => "text/html";
            public bool Format(object value, TextWriter writer)
            {
                switch (value)
                {
                    case Chart chart: writer.Write($"<div class=\"chart\">{chart.Title}</div>"); return true;
                    case Badge badge: writer.Write($"<span class=\"badge\">{badge.Label}</span>"); return true;
                    default: return false;
                }
            }
        }

        public sealed class PngFormatter
        {
            public string MimeType => "image/png";
            public Type Type => typeof(object);
            public bool Format(object value, TextWriter writer)
            {
                writer.Write("PNG_BASE64");
                return true;
            }
        }

        public static class Helper
        {
            public static string UseDependency() => GanFixture.Dep.Greeting.Hello("notebook");
        }
        """;

    private static readonly Lazy<(byte[] Main, byte[] Dependency)> Images = new(Compile);

    /// <summary>Writes GanFixture.dll and GanFixtureDep.dll into <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, MainName + ".dll"), Images.Value.Main);
        File.WriteAllBytes(Path.Combine(folder, DependencyName + ".dll"), Images.Value.Dependency);
    }

    private static (byte[] Main, byte[] Dependency) Compile()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        byte[] dependency = Emit(DependencyName, DependencySource, framework);
        byte[] main = Emit(MainName, MainSource.Replace("PNG_BASE64", PngBase64, StringComparison.Ordinal),
            [.. framework, MetadataReference.CreateFromImage(dependency)]);
        return (main, dependency);
    }

    private static byte[] Emit(string name, string source, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"The {name} fixture does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return stream.ToArray();
    }
}
