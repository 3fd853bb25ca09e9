using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>Finding data/ from the environment variable or by walking up.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TryLocate_StartBelowRepository_FindsDataFolderAbove()
    {
        Directory.CreateDirectory(temp.Combine("data", "fashion-mnist"));
        string start = Directory.CreateDirectory(temp.Combine("notebooks", "deep")).FullName;

        Assert.Equal(temp.Combine("data"), DataDirectory.TryLocate(null, [start]));
    }

    [Fact]
    public void TryLocate_DataWithoutFashionMnist_KeepsWalking()
    {
        Directory.CreateDirectory(temp.Combine("data", "fashion-mnist"));
        Directory.CreateDirectory(temp.Combine("inner", "data", "golden"));

        Assert.Equal(temp.Combine("data"), DataDirectory.TryLocate(null, [temp.Combine("inner")]));
    }

    [Fact]
    public void TryLocate_FirstStartFails_TriesNext()
    {
        Directory.CreateDirectory(temp.Combine("repo", "data", "fashion-mnist"));
        string elsewhere = Directory.CreateDirectory(temp.Combine("elsewhere")).FullName;

        Assert.Equal(temp.Combine("repo", "data"), DataDirectory.TryLocate(null, [elsewhere, temp.Combine("repo", "bin")]));
    }

    [Fact]
    public void TryLocate_NothingFound_ReturnsNull()
    {
        Assert.Null(DataDirectory.TryLocate(null, [temp.Path]));
    }

    [Fact]
    public void TryLocate_EnvironmentValue_WinsOverSearch()
    {
        Directory.CreateDirectory(temp.Combine("data", "fashion-mnist"));
        string custom = Directory.CreateDirectory(temp.Combine("custom")).FullName;

        Assert.Equal(custom, DataDirectory.TryLocate(custom, [temp.Path]));
    }

    [Fact]
    public void TryLocate_EnvironmentValueMissing_NamesVariableAndPath()
    {
        string missing = temp.Combine("missing");

        var e = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.TryLocate(missing, []));

        Assert.Equal($"GANNOTES_DATA is set to {missing}, which does not exist.", e.Message);
    }

    [Fact]
    public void TryLocate_FromTestAssembly_FindsRepositoryData()
    {
        string? found = DataDirectory.TryLocate(null, [AppContext.BaseDirectory]);

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "fashion-mnist", MnistFiles.TrainImages)));
    }
}
