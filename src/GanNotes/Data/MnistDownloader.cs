using System.Globalization;
using System.Security.Cryptography;

namespace GanNotes.Data;

/// <summary>
/// Downloads the four MNIST files from a public mirror, on request only, with a SHA-256
/// check of each file and atomic writes.
/// </summary>
/// <remarks>
/// For each file of the manifest, in order: a file already in the folder with the expected
/// SHA-256 is skipped; otherwise it is streamed into a temporary file in the same folder
/// while hashing, and renamed over the final name only when the transfer is complete and
/// the hash matches. A checksum mismatch, an HTTP error, a dropped connection or a
/// cancellation deletes the temporary file and throws, so a partial file is never left
/// behind. Nothing in the library calls this implicitly: loading MNIST never downloads.
/// </remarks>
public sealed class MnistDownloader
{
    private readonly HttpClient? httpClient;
    private readonly KeyValuePair<string, string>[] manifest;

    /// <summary>Creates a downloader.</summary>
    /// <param name="mirror">The base URL the file names are appended to (default <see cref="DefaultMirror"/>); http or https.</param>
    /// <param name="manifest">File name -> expected lower-case hex SHA-256 (default <see cref="DefaultManifest"/>).</param>
    /// <param name="httpClient">The client to use (not disposed here); null creates one per call.</param>
    /// <exception cref="ArgumentException">The mirror is not an absolute http(s) URL, or a manifest entry is not a plain file name with a 64-digit hex hash.</exception>
    public MnistDownloader(Uri? mirror = null, IReadOnlyDictionary<string, string>? manifest = null, HttpClient? httpClient = null)
    {
        mirror ??= DefaultMirror;
        if (!mirror.IsAbsoluteUri || (mirror.Scheme != Uri.UriSchemeHttps && mirror.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Invalid mirror: {mirror}; it must be an absolute http:// or https:// URL.", nameof(mirror));
        }
        // Without a trailing slash, new Uri(base, name) would replace the last path segment.
        Mirror = mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/");
        this.manifest = [.. (manifest ?? DefaultManifest).Select(Validate)];
        if (this.manifest.Length == 0)
        {
            throw new ArgumentException("Invalid manifest: it lists no files.", nameof(manifest));
        }
        this.httpClient = httpClient;
    }

    /// <summary>The mirror torchvision downloads MNIST from (PyTorch's CI dataset bucket).</summary>
    public static Uri DefaultMirror { get; } = new("https://ossci-datasets.s3.amazonaws.com/mnist/");

    /// <summary>
    /// The SHA-256 of each official MNIST file.
    /// </summary>
    /// <remarks>
    /// Source: tensorflow/datasets, <c>tensorflow_datasets/url_checksums/mnist.txt</c>
    /// (commit 31f1255e57e519a6c004f0b097a2f5cfcf0dde7d), which also lists the sizes
    /// 9,912,422 / 28,881 / 1,648,877 / 4,542 bytes, the sizes LeCun's MNIST page gives.
    /// The same four values appear in torchvision-derived loaders that download from
    /// <see cref="DefaultMirror"/>.
    /// </remarks>
    public static IReadOnlyDictionary<string, string> DefaultManifest { get; } = new Dictionary<string, string>
    {
        [MnistFiles.TrainImages] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        [MnistFiles.TrainLabels] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        [MnistFiles.TestImages] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        [MnistFiles.TestLabels] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    }.AsReadOnly();

    /// <summary>The base URL, ending in '/'.</summary>
    public Uri Mirror { get; }

    /// <summary>The files to fetch, in order, with their expected SHA-256 (lower-case hex).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Manifest => manifest;

    /// <summary>How long one read may wait for bytes before the transfer counts as stalled (default 60 s).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fetches every manifest file into <paramref name="targetDirectory"/> (created if needed).</summary>
    /// <param name="targetDirectory">Where the files go, e.g. <c>data/mnist</c>.</param>
    /// <param name="progress">Receives (file, bytes so far, total bytes when the server says) while each file streams; a skipped file reports (file, length, length) once.</param>
    /// <param name="cancellationToken">Stops the transfer; the partial file is deleted.</param>
    /// <returns>One entry per manifest file, in order.</returns>
    /// <exception cref="DownloadException">A file could not be fetched or failed its checksum; nothing was written for it.</exception>
    public async Task<IReadOnlyList<DownloadedFile>> DownloadAsync(
        string targetDirectory,
        IProgress<(string File, long Bytes, long? Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetDirectory);
        Directory.CreateDirectory(targetDirectory);
        var client = httpClient ?? new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            var results = new List<DownloadedFile>(manifest.Length);
            foreach (var (name, sha256) in manifest)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string path = Path.Combine(targetDirectory, name);
                if (File.Exists(path))
                {
                    var (existingHash, length) = await HashFileAsync(path, cancellationToken).ConfigureAwait(false);
                    if (existingHash == sha256)
                    {
                        progress?.Report((name, length, length));
                        results.Add(new DownloadedFile(name, path, length, Skipped: true));
                        continue;
                    }
                }
                long written = await FetchAsync(client, name, sha256, path, progress, cancellationToken).ConfigureAwait(false);
                results.Add(new DownloadedFile(name, path, written, Skipped: false));
            }
            return results;
        }
        finally
        {
            if (httpClient is null)
            {
                client.Dispose();
            }
        }
    }

    private async Task<long> FetchAsync(
        HttpClient client, string name, string sha256, string path,
        IProgress<(string File, long Bytes, long? Total)>? progress, CancellationToken cancellationToken)
    {
        var url = new Uri(Mirror, name);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.part");
        try
        {
            using var response = await SendAsync(client, url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadException(url, string.Create(CultureInfo.InvariantCulture,
                    $"Download of {url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}."));
            }
            long? total = response.Content.Headers.ContentLength;
            long bytes = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (input.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    int n;
                    while ((n = await ReadAsync(input, buffer, url, bytes, total, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, n);
                        await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        bytes += n;
                        progress?.Report((name, bytes, total));
                    }
                }
                if (total is long expected && bytes != expected)
                {
                    throw CutOff(url, bytes, total, null);
                }
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
            string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != sha256)
            {
                throw new DownloadException(url, string.Create(CultureInfo.InvariantCulture,
                    $"Checksum mismatch for {name} from {url}: expected SHA-256 {sha256}, got {actual} ({bytes} bytes); the file was not kept."));
            }
            File.Move(temp, path, overwrite: true);
            return bytes;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DownloadException(url, $"Could not download {url}: {OneLine(e.Message)}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException(url, $"Could not download {url}: the server did not answer within {client.Timeout.TotalSeconds:0} s.", e);
        }
    }

    private async Task<int> ReadAsync(Stream input, byte[] buffer, Uri url, long bytes, long? total, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(StallTimeout);
        try
        {
            return await input.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw CutOff(url, bytes, total, e, $"no data for {StallTimeout.TotalSeconds:0.###} s");
        }
        catch (IOException e)
        {
            throw CutOff(url, bytes, total, e, OneLine(e.Message));
        }
        catch (HttpRequestException e)
        {
            throw CutOff(url, bytes, total, e, OneLine(e.Message));
        }
    }

    private static DownloadException CutOff(Uri url, long bytes, long? total, Exception? cause, string? why = null)
    {
        string of = total is long t ? string.Create(CultureInfo.InvariantCulture, $" of {t}") : "";
        string reason = why is null ? "" : $" ({why.TrimEnd('.')})";
        return new DownloadException(url, string.Create(CultureInfo.InvariantCulture,
            $"Download of {url} was cut off after {bytes}{of} bytes{reason}; the partial file was not kept."), cause);
    }

    private static async Task<(string Hash, long Length)> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return (Convert.ToHexStringLower(hash), stream.Length);
        }
    }

    private static KeyValuePair<string, string> Validate(KeyValuePair<string, string> entry)
    {
        var (name, sha256) = entry;
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || Path.GetFileName(name) != name
            || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid manifest entry '{name}': it must be a plain file name.", nameof(entry));
        }
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Invalid manifest entry '{name}': SHA-256 '{sha256}' is not 64 hex digits.", nameof(entry));
        }
        return new(name, sha256.ToLowerInvariant());
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover ".part" file is hidden and never mistaken for data.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
