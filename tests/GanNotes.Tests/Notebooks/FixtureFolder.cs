using System.Text.Json.Nodes;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// A fresh temporary folder holding copies of the committed fixture notebooks
/// (tests/data/notebooks) next to the fixture dlls, so a test can run and overwrite them.
/// </summary>
internal sealed class FixtureFolder : IDisposable
{
    private readonly TempDirectory folder = new("gannotes-notebooks-");

    public FixtureFolder()
    {
        foreach (var notebook in Directory.EnumerateFiles(DataFolder, "*.ipynb"))
        {
            File.Copy(notebook, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(notebook)));
        }
        FixtureAssemblies.WriteTo(Path);
    }

    /// <summary>Where the committed fixture notebooks are copied to at build time.</summary>
    public static string DataFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "notebooks");

    public string Path => folder.Path;

    /// <summary>The full path of a file in the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Runs the notebook <paramref name="name"/> in place, checks that the saved file is valid
    /// nbformat, and returns the result with the saved cells.
    /// </summary>
    public async Task<(NotebookRunResult Result, JsonArray Cells)> RunInPlaceAsync(string name, TimeSpan? timeout = null)
    {
        string path = this[name];
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = path, CellTimeout = timeout });
        NbformatSchema.AssertValid(path);
        return (result, JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray());
    }

    public void Dispose() => folder.Dispose();
}
