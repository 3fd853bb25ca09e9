using System.Text.Json.Nodes;

namespace GanNotes.Tests.Notebooks.Classroom;

/// <summary>
/// A teacher's notebook with two checked exercises on the real library (notebook 02's checks),
/// built in code so each test can make its own submission from it.
/// </summary>
internal static class ClassroomNotebook
{
    /// <summary>The GanNotes library the tests are built against (its folder also holds System.Numerics.Tensors).</summary>
    public static string LibraryPath => typeof(GanNotes.Exercises.ValueFunctionExercises).Assembly.Location;

    public static JsonObject Teacher(string? libraryPath = null)
    {
        string library = (libraryPath ?? LibraryPath).Replace("\\", "\\\\", StringComparison.Ordinal);
        return new JsonObject
        {
            ["cells"] = new JsonArray(
                Markdown("intro", "# A classroom fixture"),
                Code("setup", $"#r \"{library}\"\nusing GanNotes.Exercises;\nConsole.WriteLine(\"intro output\");", null,
                    new JsonArray(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "intro output\n" })),
                Markdown("before", "Before the exercises."),
                Code("ex1-answer", "double vAtHalf = double.NaN;\n// BEGIN SOLUTION\nvAtHalf = -Math.Log(4);\n// END SOLUTION", Answer("ex1-answer")),
                Code("ex1-check", "Console.WriteLine(ValueFunctionExercises.ValueAtHalf(vAtHalf));", Check("ex1-check", 2),
                    new JsonArray(new JsonObject
                    {
                        ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "\u2713 V(D, G) when D = 1/2 everywhere = -1.38629: right.\n",
                    })),
                Code("ex2-answer", "double gradientRatio = double.NaN;\n// BEGIN SOLUTION\ngradientRatio = 0.99 / 0.01;\n// END SOLUTION", Answer("ex2-answer")),
                Code("ex2-check", "Console.WriteLine(ValueFunctionExercises.GradientRatio(gradientRatio));", Check("ex2-check", 1)),
                Markdown("answers", "<!-- BEGIN SOLUTION -->\n<details>\nthe worked answers\n</details>\n<!-- END SOLUTION -->")),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
    }

    /// <summary>The cell with <paramref name="id"/>.</summary>
    public static JsonObject Cell(JsonObject notebook, string id) =>
        notebook["cells"]!.AsArray().Single(c => (string?)c!["id"] == id)!.AsObject();

    private static JsonObject Markdown(string id, string source) =>
        new() { ["cell_type"] = "markdown", ["id"] = id, ["metadata"] = new JsonObject(), ["source"] = source };

    private static JsonObject Code(string id, string source, JsonObject? nbgrader, JsonArray? outputs = null)
    {
        var metadata = new JsonObject();
        if (nbgrader is not null)
        {
            metadata["nbgrader"] = nbgrader;
        }
        return new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = outputs is null ? null : 1, ["id"] = id, ["metadata"] = metadata,
            ["outputs"] = outputs ?? [], ["source"] = source,
        };
    }

    private static JsonObject Answer(string id) => new()
    {
        ["grade"] = false, ["grade_id"] = id, ["locked"] = false, ["schema_version"] = 3, ["solution"] = true, ["task"] = false,
    };

    private static JsonObject Check(string id, int points) => new()
    {
        ["grade"] = true, ["grade_id"] = id, ["locked"] = true, ["points"] = points, ["schema_version"] = 3, ["solution"] = false, ["task"] = false,
    };
}
