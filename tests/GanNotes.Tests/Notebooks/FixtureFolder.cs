namespace GanNotes.Tests.Notebooks;

/// <summary>
/// A fresh temporary folder holding copies of the committed fixture notebooks
/// (tests/data/notebooks) next to the fixture dlls, so a test can run and overwrite them.
/// </summary>
internal sealed class FixtureFolder : IDisposable
{
    public FixtureFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gan-notes-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var notebook in Directory.EnumerateFiles(DataFolder, "*.ipynb"))
        {
            File.Copy(notebook, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(notebook)));
        }
        FixtureAssemblies.WriteTo(Path);
    }

    /// <summary>Where the committed fixture notebooks are copied to at build time.</summary>
    public static string DataFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "notebooks");

    public string Path { get; }

    /// <summary>The full path of a file in the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A dll loaded by the runner may still be mapped; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above on Windows.
        }
    }
}
