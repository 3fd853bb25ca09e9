namespace GanNotes.Data;

/// <summary>One file handled by <see cref="MnistDownloader.DownloadAsync"/>.</summary>
/// <param name="Name">The file name from the manifest.</param>
/// <param name="Path">Where it now is.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Skipped">True when it was already present with the right SHA-256 and nothing was fetched.</param>
public sealed record DownloadedFile(string Name, string Path, long Length, bool Skipped);
