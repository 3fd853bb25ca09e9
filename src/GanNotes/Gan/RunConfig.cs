using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotes.IO;

namespace GanNotes.Gan;

/// <summary>
/// A run folder's config.json: the recipe, the GanNotes version that wrote it and the number of
/// generator steps per epoch (so a checkpoint's step converts to an epoch without the data).
/// </summary>
/// <param name="Recipe">What the run trains.</param>
/// <param name="Version">The GanNotes version that created (or last extended) the run.</param>
/// <param name="StepsPerEpoch">Generator steps per epoch: the real minibatches in one pass over the data, divided by k.</param>
public sealed record RunConfig(GanRecipe Recipe, string Version, int StepsPerEpoch)
{
    /// <summary>The version of the running GanNotes library.</summary>
    public static string CurrentVersion { get; } =
        typeof(RunConfig).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunConfig).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The file's JSON: <c>{"gan_notes_version": ..., "steps_per_epoch": ..., "recipe": {...}}</c>.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["gan_notes_version"] = Version,
            ["steps_per_epoch"] = StepsPerEpoch,
            ["recipe"] = JsonNode.Parse(Recipe.ToJson()),
        };
        return root.ToJsonString(GanRecipe.JsonOptions) + "\n";
    }

    /// <summary>Reads a config.json.</summary>
    /// <exception cref="FileNotFoundException">There is no such file (not a run folder).</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON of this shape, or its recipe is invalid; the message names the file.</exception>
    public static RunConfig Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: not a gan-notes run folder.", path);
        }
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidDataException($"{path}: expected a JSON object.");
            string version = root["gan_notes_version"]?.GetValue<string>() ?? "unknown";
            int stepsPerEpoch = root["steps_per_epoch"]?.GetValue<int>()
                ?? throw new InvalidDataException($"{path}: 'steps_per_epoch' is missing.");
            var recipeNode = root["recipe"] ?? throw new InvalidDataException($"{path}: 'recipe' is missing.");
            if (stepsPerEpoch < 1)
            {
                throw new InvalidDataException($"{path}: invalid steps_per_epoch {stepsPerEpoch}.");
            }
            return new RunConfig(GanRecipe.FromJson(recipeNode.ToJsonString()), version, stepsPerEpoch);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a valid run config: {e.Message}", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes the file atomically (temporary file, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(ToJson()));
}
