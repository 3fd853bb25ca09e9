namespace GanNotes.Tests.Testing;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <param name="prefix">The start of the folder's name, so a leftover one says which tests made it.</param>
    public TempDirectory(string prefix = "gannotes-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> inside the folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The names of all files below the folder, relative to it, sorted.</summary>
    public string[] FileNames() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    /// <summary>Every file and folder name directly in the folder, hidden ones included, sorted.</summary>
    public string[] Entries() =>
        [.. Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be mapped (a dll a notebook run loaded); the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above on Windows.
        }
    }
}
