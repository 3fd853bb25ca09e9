using System.CommandLine;
using GanNotes.Cli;
using GanNotes.Cli.Commands;
using GanNotes.Data;
using GanNotes.Tests.Data;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes data list</c> and <c>gan-notes data fetch mnist</c>, run in process with captured output.</summary>
public sealed class DataCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LoopbackHttpServer server = new();

    public void Dispose()
    {
        server.Dispose();
        temp.Dispose();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { DataCommand.Create(new CliContext(Interactive: false), []) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task List_FashionPresentMnistAbsent_ShowsCountsAndHint()
    {
        IdxFixtures.WriteMnistFolder(temp.Combine("fashion-mnist"), [1, 2, 3], [4, 5]);

        var (exit, output, error) = await RunAsync("data", "list", "--data", temp.Path);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("fashion-mnist  train      3  test      2  ok", output, StringComparison.Ordinal);
        Assert.Contains("mnist          train      -  test      -  missing: run `gan-notes data fetch mnist`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShippedData_Shows60000And10000()
    {
        var (exit, output, _) = await RunAsync("data", "list", "--data", RepoData.Path);

        Assert.Equal(0, exit);
        Assert.Contains("fashion-mnist  train  60000  test  10000  ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_CorruptFile_ReportsInvalid()
    {
        IdxFixtures.WriteMnistFolder(temp.Combine("mnist"), [1], [2]);
        File.WriteAllBytes(temp.Combine("mnist", MnistFiles.TestImages), [1, 2, 3, 4]);

        var (exit, output, _) = await RunAsync("data", "list", "--data", temp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("mnist          train      ?  test      ?  invalid: ", output, StringComparison.Ordinal);
        Assert.Contains("bad magic number 0x01020304", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bad CRC")]
    public async Task List_DamagedGzipThatTrainRefuses_InvalidAndExitOne(string damage)
    {
        // Both keep a readable IDX header, which is all the list once checked.
        string folder = temp.Combine("fashion-mnist");
        IdxFixtures.WriteMnistFolder(folder, [.. Enumerable.Range(0, 50).Select(i => (byte)(i % 10))], [1, 2]);
        string file = Path.Combine(folder, MnistFiles.TrainImages);
        byte[] bytes = File.ReadAllBytes(file);
        if (damage == "truncated")
        {
            bytes = bytes[..^12];
        }
        else
        {
            bytes[^8] ^= 0xFF; // the gzip trailer's CRC-32 of the data
        }
        File.WriteAllBytes(file, bytes);
        Assert.ThrowsAny<IOException>(() => FashionMnist.Load(temp.Path));

        var (exit, output, _) = await RunAsync("data", "list", "--data", temp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("fashion-mnist  train      ?  test      ?  invalid: ", output, StringComparison.Ordinal);
        Assert.Contains(MnistFiles.TrainImages, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_MirrorAnswers404_OneLineErrorExitOneNothingWritten()
    {
        string dir = temp.Combine("mnist");

        var (exit, _, error) = await RunAsync("data", "fetch", "mnist", "--dir", dir, "--mirror", server.BaseUrl.ToString());

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: Download of {server.BaseUrl}train-images-idx3-ubyte.gz failed: HTTP 404 Not Found.", error, StringComparison.Ordinal);
        Assert.Contains("Offline? Copy train-images-idx3-ubyte.gz", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Empty(Directory.Exists(dir) ? Directory.GetFiles(dir) : []);
    }

    [Fact]
    public async Task Fetch_WrongBytesServed_ChecksumErrorNothingKept()
    {
        string dir = temp.Combine("mnist");
        server.Serve(MnistFiles.TrainImages, [1, 2, 3]);

        var (exit, _, error) = await RunAsync("data", "fetch", "mnist", "--dir", dir, "--mirror", server.BaseUrl.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("Checksum mismatch for train-images-idx3-ubyte.gz", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task Fetch_DirUnderAFile_OneLineNamingOptionBeforeAnyDownload()
    {
        string file = temp.Combine("taken");
        File.WriteAllText(file, "mine");
        string dir = Path.Combine(file, "mnist");

        var (exit, output, error) = await RunAsync("data", "fetch", "mnist", "--dir", dir, "--mirror", server.BaseUrl.ToString());

        // Was "Fetching MNIST ..." and then .NET's "Could not find a part of the path '...'." with exit code 1.
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal($"error: --dir {dir}: {file} is a file, so the folder {dir} cannot be made", error.TrimEnd());
    }

    [Fact]
    public async Task Fetch_NonHttpMirror_UsageError()
    {
        var (exit, _, error) = await RunAsync("data", "fetch", "mnist", "--dir", temp.Path, "--mirror", "ftp://example.org/mnist/");

        Assert.Equal(2, exit);
        Assert.Equal("error: invalid --mirror: 'ftp://example.org/mnist/' is not an absolute http:// or https:// URL", error.TrimEnd());
    }

    [Fact]
    public async Task Fetch_UnknownDataset_ParseError()
    {
        var (exit, _, error) = await RunAsync("data", "fetch", "cifar10");

        Assert.NotEqual(0, exit);
        Assert.Contains("cifar10", error, StringComparison.Ordinal);
    }
}
