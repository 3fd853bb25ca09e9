using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanNotes.Gan;

// JSON: the recipe as config.json holds it, snake_case names and kebab-case choices.
public sealed partial record GanRecipe
{
    /// <summary>
    /// How recipes are written and read: snake_case properties (<c>batch_size</c>), choices by
    /// name (<c>"non-saturating"</c>), indented; an unknown property is an error, so a typo in a
    /// hand-edited config.json is caught instead of silently ignored.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>The recipe as indented JSON (the <c>recipe</c> object of config.json).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a recipe written by <see cref="ToJson"/>; missing settings take <see cref="Fast"/>'s values.</summary>
    /// <exception cref="JsonException">The text is not a recipe (bad JSON, unknown setting, wrong type); the message says where.</exception>
    /// <exception cref="InvalidDataException">A setting is invalid (see <see cref="FindProblem"/>); the message names it and its value.</exception>
    public static GanRecipe FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var recipe = JsonSerializer.Deserialize<GanRecipe>(json, JsonOptions)
            ?? throw new JsonException("Expected a recipe object, got null.");
        return recipe.FindProblem() is { } problem ? throw new InvalidDataException(problem.ToString()) : recipe;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            IndentSize = 2,
            // A file for people, not for an HTML page: keep '+' and non-ASCII as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(RecipeNames.Converter);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
