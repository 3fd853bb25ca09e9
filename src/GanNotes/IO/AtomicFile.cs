// One source for the library and the notebook runner, which does not reference the library
// (the notebooks load it themselves): each compiles it into a namespace of its own.
#if GANNOTES_NOTEBOOKS
namespace GanNotes.Notebooks;
#else
namespace GanNotes.IO;
#endif

/// <summary>
/// Writes files so that readers see either the old file or the complete new one, never half
/// of one: the one way of saving in GanNotes (weights, checkpoints, PNGs, HTML, run files,
/// executed notebooks).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, creating its folder.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy), createDirectory: true);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/>, flushes it
    /// to disk, then renames it over <paramref name="path"/>. On failure the temporary file is removed.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="createDirectory">Create a missing folder (true), or fail with <see cref="DirectoryNotFoundException"/>.</param>
    /// <param name="bufferSize">The file stream's buffer.</param>
    public static void Write(string path, Action<FileStream> write, bool createDirectory, int bufferSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (createDirectory)
        {
            Directory.CreateDirectory(folder);
        }
        // Same folder, so the rename stays on one file system.
        string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            // NOTE: rename(2) replaces the target in one step; readers see the old file or the new one, never a mix.
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        RemoveStale(folder, Path.GetFileName(target));
    }

    /// <summary>
    /// Removes the temporary files an earlier write of <paramref name="fileName"/> left behind when
    /// its process was killed (<c>kill -9</c>, power loss): ours by name, at least a few seconds
    /// old, and not open in a writer (its <see cref="FileShare.None"/> lock would refuse us).
    /// </summary>
    internal static void RemoveStale(string folder, string fileName)
    {
        var cutoff = DateTime.UtcNow - StaleAge;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{fileName}.*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string candidate in candidates)
        {
            string guid = Path.GetFileName(candidate)[(fileName.Length + 2)..^4];
            if (guid.Length != 32 || !guid.All(char.IsAsciiHexDigitLower) || File.GetLastWriteTimeUtc(candidate) > cutoff)
            {
                continue;
            }
            try
            {
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use, or not ours to delete: leave it.
            }
        }
    }

    /// <summary>A temporary file younger than this may belong to a write between its last byte and its rename.</summary>
    internal static readonly TimeSpan StaleAge = TimeSpan.FromSeconds(5);

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
