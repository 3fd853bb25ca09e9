using System.Text.Json;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class PlotlyJsTests
{
    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(Path.Combine(parts));
    }

    [Fact]
    public void Version_MatchesPinnedNpmPackage()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src", "GanNotes", "Plots", "js", "package.json")));
        Assert.Equal(PlotlyJs.Version, package.RootElement.GetProperty("dependencies").GetProperty("plotly.js-dist-min").GetString());
        using var lockFile = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src", "GanNotes", "Plots", "js", "package-lock.json")));
        Assert.Equal(PlotlyJs.Version, lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/plotly.js-dist-min").GetProperty("version").GetString());
    }

    [Fact]
    public void Cdn_UrlNamesPinnedVersion()
    {
        Assert.Equal($"https://cdn.plot.ly/plotly-{PlotlyJs.Version}.min.js", PlotlyJs.Cdn.Url);
        Assert.False(PlotlyJs.Cdn.IsInline);
    }

    [Fact]
    public void LocatePath_BuiltOutput_FindsCopyNextToAssembly()
    {
        // The build copies node_modules/plotly.js-dist-min/plotly.min.js next to GanNotes.dll.
        string dll = typeof(PlotlyJs).Assembly.Location;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(dll)!, "plotly.min.js"), PlotlyJs.TryLocatePath(null, Path.GetDirectoryName(dll)!));
        Assert.StartsWith("/**\n* plotly.js v" + PlotlyJs.Version, File.ReadAllText(PlotlyJs.LocatePath()), StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltCopy_UnpackedFromShippedArchive_IsNpmsPinnedFile()
    {
        // The build unpacks Plots/js/plotly.min.js.gz; its hash is that of plotly.min.js in
        // npm's plotly.js-dist-min 3.7.0 (the package the lock file pins).
        byte[] script = File.ReadAllBytes(PlotlyJs.LocatePath());
        Assert.Equal(PlotlyJs.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(script)));
    }

    [Fact]
    public void TryLocatePath_RepositoryCheckout_FoundByWalkingUp()
    {
        var root = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            string npmFile = Path.Combine(root.FullName, PlotlyJs.RepositoryRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(npmFile)!);
            File.WriteAllText(npmFile, "// plotly");
            string binDir = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "GanNotes.Cli", "bin", "Release")).FullName;
            Assert.Equal(npmFile, PlotlyJs.TryLocatePath(null, binDir));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void TryLocatePath_NothingInstalled_NullAndMessageSaysRebuild()
    {
        var empty = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            Assert.Null(PlotlyJs.TryLocatePath(null, empty.FullName));
            Assert.Contains("rebuild GanNotes", PlotlyJs.NotFoundMessage, StringComparison.Ordinal);
            Assert.Contains("src/GanNotes/Plots/js/plotly.min.js.gz", PlotlyJs.NotFoundMessage, StringComparison.Ordinal);
            Assert.Contains(PlotlyJs.EnvironmentVariable, PlotlyJs.NotFoundMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", PlotlyJs.NotFoundMessage, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void TryLocatePath_BogusVariable_ThrowsNamingIt()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => PlotlyJs.TryLocatePath("/nonexistent/plotly.min.js", AppContext.BaseDirectory));
        Assert.Contains("GANNOTES_PLOTLYJS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/plotly.min.js", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => PlotlyJs.Inline("/nonexistent/plotly.min.js"));
    }
}
