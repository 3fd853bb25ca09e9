namespace GanNotes.Data;

/// <summary>
/// A download that failed: the server was unreachable, answered with an HTTP error, cut
/// the transfer short, or sent bytes whose SHA-256 differs from the expected one.
/// </summary>
/// <remarks>
/// The message is one line naming the URL and the problem. When this is thrown, nothing
/// was written for the file that failed (files verified before it are kept).
/// </remarks>
public sealed class DownloadException : IOException
{
    /// <summary>Creates the exception for <paramref name="url"/>.</summary>
    public DownloadException(Uri url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DownloadException()
        : this("The download failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DownloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The address that failed, when known.</summary>
    public Uri? Url { get; }
}
