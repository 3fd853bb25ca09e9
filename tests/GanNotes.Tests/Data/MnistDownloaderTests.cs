using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>The MNIST downloader against a real HTTP server on loopback serving fixture files.</summary>
public sealed class MnistDownloaderTests : IDisposable
{
    private static readonly byte[] Images = IdxFixtures.Gzip(IdxFixtures.Images(3));
    private static readonly byte[] Labels = IdxFixtures.Gzip(IdxFixtures.Labels(1, 2, 3));

    private readonly TempDirectory temp = new();
    private readonly LoopbackHttpServer server = new();

    public void Dispose()
    {
        server.Dispose();
        temp.Dispose();
    }

    private static Dictionary<string, string> Manifest(string imagesSha256, string? labelsSha256 = null) => new()
    {
        ["images.gz"] = imagesSha256,
        ["labels.gz"] = labelsSha256 ?? Sha256(Labels),
    };

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private MnistDownloader Downloader(Dictionary<string, string> manifest) => new(server.BaseUrl, manifest);

    [Fact]
    public async Task DownloadAsync_ServedFiles_WritesVerifiedFilesAndReportsProgress()
    {
        server.Serve("images.gz", Images);
        server.Serve("labels.gz", Labels);
        var reports = new List<(string File, long Bytes, long? Total)>();

        var results = await Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path, new ListProgress(reports));

        Assert.Equal(["images.gz", "labels.gz"], temp.FileNames());
        Assert.Equal(Images, File.ReadAllBytes(temp.Combine("images.gz")));
        Assert.Equal(Labels, File.ReadAllBytes(temp.Combine("labels.gz")));
        Assert.All(results, r => Assert.False(r.Skipped));
        Assert.Equal([Images.Length, Labels.Length], results.Select(r => r.Length));
        Assert.Equal(("images.gz", (long)Images.Length, (long?)Images.Length), reports.Last(r => r.File == "images.gz"));
        Assert.Equal(("labels.gz", (long)Labels.Length, (long?)Labels.Length), reports[^1]);
    }

    [Fact]
    public async Task DownloadAsync_ChecksumMismatch_ThrowsAndWritesNothing()
    {
        server.Serve("images.gz", Images);
        string wrong = new('0', 64);

        var e = await Assert.ThrowsAsync<DownloadException>(() => Downloader(Manifest(wrong)).DownloadAsync(temp.Path));

        Assert.Equal(
            $"Checksum mismatch for images.gz from {server.BaseUrl}images.gz: expected SHA-256 {wrong}, got {Sha256(Images)} ({Images.Length} bytes); the file was not kept.",
            e.Message);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_Http404_ClearErrorAndNothingWritten()
    {
        var e = await Assert.ThrowsAsync<DownloadException>(() => Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path));

        Assert.Equal($"Download of {server.BaseUrl}images.gz failed: HTTP 404 Not Found.", e.Message);
        Assert.Equal(new Uri(server.BaseUrl, "images.gz"), e.Url);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_Http500OnSecondFile_KeepsVerifiedFirstFileOnly()
    {
        server.Serve("images.gz", Images);
        server.ServeStatus("labels.gz", 500, "Internal Server Error");

        var e = await Assert.ThrowsAsync<DownloadException>(() => Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path));

        Assert.Contains("HTTP 500 Internal Server Error", e.Message, StringComparison.Ordinal);
        Assert.Equal(["images.gz"], temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_ConnectionDroppedMidBody_ClearErrorAndNoPartialFile()
    {
        server.ServeTruncated("images.gz", Images, sent: Images.Length / 3);

        var e = await Assert.ThrowsAsync<DownloadException>(() => Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path));

        Assert.StartsWith($"Download of {server.BaseUrl}images.gz was cut off after ", e.Message, StringComparison.Ordinal);
        Assert.Contains($" of {Images.Length} bytes", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("the partial file was not kept.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_ServerStalls_TimesOutWithoutPartialFile()
    {
        server.ServeStall("images.gz", Images);
        var downloader = new MnistDownloader(server.BaseUrl, Manifest(Sha256(Images))) { StallTimeout = TimeSpan.FromMilliseconds(300) };

        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(temp.Path));

        Assert.Contains("(no data for 0.3 s)", e.Message, StringComparison.Ordinal);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_CancelledMidTransfer_DeletesPartialFile()
    {
        server.ServeStall("images.gz", Images);
        using var cancel = new CancellationTokenSource();
        var progress = new CallbackProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path, progress, cancel.Token));

        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public async Task DownloadAsync_FilesAlreadyValid_SkipsWithoutRequests()
    {
        File.WriteAllBytes(temp.Combine("images.gz"), Images);
        File.WriteAllBytes(temp.Combine("labels.gz"), Labels);
        var reports = new List<(string File, long Bytes, long? Total)>();

        var results = await Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path, new ListProgress(reports));

        Assert.All(results, r => Assert.True(r.Skipped));
        Assert.Empty(server.Requests);
        Assert.Equal([("images.gz", (long)Images.Length, (long?)Images.Length), ("labels.gz", (long)Labels.Length, (long?)Labels.Length)], reports);
    }

    [Fact]
    public async Task DownloadAsync_ExistingFileCorrupt_ReplacesIt()
    {
        File.WriteAllBytes(temp.Combine("images.gz"), [1, 2, 3]);
        File.WriteAllBytes(temp.Combine("labels.gz"), Labels);
        server.Serve("images.gz", Images);

        var results = await Downloader(Manifest(Sha256(Images))).DownloadAsync(temp.Path);

        Assert.Equal(Images, File.ReadAllBytes(temp.Combine("images.gz")));
        Assert.False(results[0].Skipped);
        Assert.True(results[1].Skipped);
        Assert.Equal(["/mnist/images.gz"], server.Requests);
    }

    [Fact]
    public async Task DownloadAsync_NothingListening_SaysCouldNotDownload()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var downloader = new MnistDownloader(new Uri($"http://127.0.0.1:{port}/mnist"), Manifest(Sha256(Images)));

        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(temp.Path));

        Assert.StartsWith($"Could not download http://127.0.0.1:{port}/mnist/images.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public void Constructor_MirrorWithoutTrailingSlash_AppendsOne()
    {
        var downloader = new MnistDownloader(new Uri("https://example.org/datasets/mnist"));

        Assert.Equal("https://example.org/datasets/mnist/", downloader.Mirror.AbsoluteUri);
    }

    [Fact]
    public void Constructor_FtpMirror_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new MnistDownloader(new Uri("ftp://example.org/")));

        Assert.Contains("Invalid mirror: ftp://example.org/; it must be an absolute http:// or https:// URL.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.gz")]
    [InlineData("sub/dir.gz")]
    [InlineData("")]
    public void Constructor_ManifestNameNotPlain_Refused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new MnistDownloader(manifest: new Dictionary<string, string> { [name] = new('a', 64) }));

        Assert.Contains("it must be a plain file name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ManifestHashNotHex_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new MnistDownloader(manifest: new Dictionary<string, string> { ["a.gz"] = "abc" }));

        Assert.Contains("Invalid manifest entry 'a.gz': SHA-256 'abc' is not 64 hex digits.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_HttpsMirrorAndPublishedMnistChecksums()
    {
        var downloader = new MnistDownloader();

        Assert.Equal("https", downloader.Mirror.Scheme);
        Assert.Equal(MnistFiles.All, downloader.Manifest.Select(e => e.Key));
        // tensorflow/datasets, tensorflow_datasets/url_checksums/mnist.txt.
        Assert.Equal("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", MnistDownloader.DefaultManifest[MnistFiles.TrainImages]);
        Assert.Equal("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", MnistDownloader.DefaultManifest[MnistFiles.TrainLabels]);
        Assert.Equal("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", MnistDownloader.DefaultManifest[MnistFiles.TestImages]);
        Assert.Equal("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", MnistDownloader.DefaultManifest[MnistFiles.TestLabels]);
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class ListProgress(List<(string File, long Bytes, long? Total)> reports) : IProgress<(string File, long Bytes, long? Total)>
    {
        public void Report((string File, long Bytes, long? Total) value) => reports.Add(value);
    }

    private sealed class CallbackProgress(Action<(string File, long Bytes, long? Total)> callback) : IProgress<(string File, long Bytes, long? Total)>
    {
        public void Report((string File, long Bytes, long? Total) value) => callback(value);
    }
}
