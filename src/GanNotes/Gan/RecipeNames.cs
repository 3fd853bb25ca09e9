using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanNotes.Gan;

/// <summary>
/// The names of a recipe's choices (datasets, optimizers, losses, priors) as the command line
/// and config.json spell them: kebab-case (<c>non-saturating</c>), or the member's
/// <see cref="JsonStringEnumMemberNameAttribute"/> (<c>gaussian-1d</c>).
/// </summary>
/// <remarks>One definition serves both, so an option that parses is a value config.json can hold.</remarks>
public static class RecipeNames
{
    /// <summary>The JSON converter for these enums (names only: an integer is refused).</summary>
    public static JsonConverter Converter { get; } = new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    /// <summary>The name of <paramref name="value"/>, e.g. <c>fashion-mnist</c> or <c>non-saturating</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        string member = value.ToString();
        var field = typeof(T).GetField(member, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.KebabCaseLower.ConvertName(member);
    }

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum
        => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>The value named <paramref name="name"/> (exact, lower case), if any.</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"a, b or c": the names of <typeparamref name="T"/> for an error message.</summary>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var names = All<T>();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }
}
