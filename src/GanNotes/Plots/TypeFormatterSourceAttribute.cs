namespace GanNotes.Plots;

/// <summary>
/// Names the class that supplies a type's notebook display formatters, following .NET
/// Interactive's convention so that rich output needs no reference to .NET Interactive.
/// </summary>
/// <remarks>
/// .NET Interactive (dotnet/interactive, <c>src/Microsoft.DotNet.Interactive.Formatting/Formatter.cs</c>,
/// <c>TryRegisterFromConventionBasedFormatterSources</c>) matches this attribute by its type
/// <em>name</em> alone, reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/>
/// by reflection, creates the source with its public parameterless constructor and calls its
/// public <c>CreateTypeFormatters()</c>; GanNotes' own notebook runner does the same. The
/// whole contract is written down in <c>src/GanNotes/Plots/README.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Points at the formatter source for the annotated type.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>
    /// A class with a public parameterless constructor and a public
    /// <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>.
    /// </summary>
    public Type FormatterSourceType { get; }

    /// <summary>
    /// The MIME types a displayed value is formatted as, each becoming one entry of the
    /// output's MIME bundle; null means the host's default (text/html in .NET Interactive).
    /// </summary>
    public string[]? PreferredMimeTypes { get; set; }
}
