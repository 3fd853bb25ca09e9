namespace GanNotes.Nn;

/// <summary>
/// A safetensors file is malformed, or does not match the module it is loaded into.
/// The message names the file and every problem found.
/// </summary>
/// <remarks>
/// Derives from <see cref="InvalidDataException"/>, so callers that already handle bad
/// input files catch it too. I/O failures (a missing file, a missing folder, no
/// permission) are not wrapped: they surface as the usual <see cref="IOException"/> or
/// <see cref="UnauthorizedAccessException"/>.
/// </remarks>
public sealed class SafetensorsException : InvalidDataException
{
    /// <summary>Creates the exception with a bare message.</summary>
    public SafetensorsException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SafetensorsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public SafetensorsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/>: the message is "<c>path: problem</c>".</summary>
    public SafetensorsException(string path, string problem, Exception? innerException)
        : base($"{path}: {problem}", innerException)
    {
        FilePath = path;
    }

    /// <summary>The file the problem was found in, or null when not given.</summary>
    public string? FilePath { get; }
}
