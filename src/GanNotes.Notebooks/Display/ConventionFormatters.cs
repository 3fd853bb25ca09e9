using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace GanNotes.Notebooks;

/// <summary>
/// The TypeFormatterSource convention of .NET Interactive, honoured by reflection so that no
/// package reference is needed on either side (dotnet/interactive,
/// src/Microsoft.DotNet.Interactive.Formatting/Formatter.cs, TryRegisterFromConventionBasedFormatterSources):
/// <list type="bullet">
/// <item>an attribute on the value's type (inherited ones included) whose class is named
/// <c>TypeFormatterSourceAttribute</c>, in any namespace;</item>
/// <item>its public <c>Type FormatterSourceType</c> property names a class with a public
/// parameterless constructor and a public <c>CreateTypeFormatters()</c> returning a sequence;</item>
/// <item>each formatter in it has a public <c>string MimeType</c> property and a public
/// <c>bool Format(object, TextWriter)</c> method, and optionally a <c>Type Type</c> property
/// (the type it formats; the attributed type when absent);</item>
/// <item>the attribute's optional <c>string[] PreferredMimeTypes</c> property lists the mime
/// types shown when none are asked for.</item>
/// </list>
/// </summary>
internal static class ConventionFormatters
{
    private const string AttributeName = "TypeFormatterSourceAttribute";
    private static readonly ConcurrentDictionary<Type, FormatterSet> Cache = new();

    /// <summary>The formatters the convention finds for <paramref name="type"/> (cached per type).</summary>
    public static FormatterSet For(Type type) => Cache.GetOrAdd(type, Discover);

    private static FormatterSet Discover(Type type)
    {
        var formatters = new List<ConventionFormatter>();
        IReadOnlyList<string>? preferred = null;
        foreach (var attribute in type.GetCustomAttributes(inherit: true))
        {
            if (attribute.GetType().Name != AttributeName)
            {
                continue;
            }
            if (PropertyValue<Type>(attribute, "FormatterSourceType") is { } sourceType)
            {
                formatters.AddRange(CreateFormatters(type, sourceType));
            }
            if (PropertyValue<string[]>(attribute, "PreferredMimeTypes") is { Length: > 0 } mimeTypes)
            {
                preferred = mimeTypes;
            }
        }
        return new FormatterSet(formatters, preferred);
    }

    private static IEnumerable<ConventionFormatter> CreateFormatters(Type attributedType, Type sourceType)
    {
        object source = Activator.CreateInstance(sourceType)
            ?? throw new InvalidOperationException($"Cannot create the formatter source {sourceType}.");
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException(
                $"The formatter source {sourceType} named on {attributedType} has no public CreateTypeFormatters() method.");
        if (Invoke(create, source, []) is not IEnumerable created)
        {
            yield break;
        }
        foreach (object? formatter in created)
        {
            if (formatter is null || PropertyValue<string>(formatter, "MimeType") is not { Length: > 0 } mimeType)
            {
                continue;
            }
            var format = formatter.GetType().GetMethod(
                "Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)]);
            if (format is null || format.ReturnType != typeof(bool))
            {
                continue;
            }
            var formattedType = PropertyValue<Type>(formatter, "Type") ?? attributedType;
            yield return new ConventionFormatter(
                mimeType, formattedType, (value, writer) => (bool)Invoke(format, formatter, [value, writer])!);
        }
    }

    private static T? PropertyValue<T>(object owner, string name)
        where T : class
    {
        var property = owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        return property?.GetGetMethod() is { } getter && getter.GetParameters().Length == 0
            ? Invoke(getter, owner, []) as T
            : null;
    }

    private static object? Invoke(MethodInfo method, object target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The formatter's own exception is the one the notebook author needs to see.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>One formatter found by the convention: its mime type, the type it formats, and how.</summary>
internal sealed record ConventionFormatter(string MimeType, Type FormattedType, Func<object, TextWriter, bool> Format);

/// <summary>The formatters of one type and the mime types its attribute prefers (null when unspecified).</summary>
internal sealed record FormatterSet(IReadOnlyList<ConventionFormatter> Formatters, IReadOnlyList<string>? PreferredMimeTypes);
