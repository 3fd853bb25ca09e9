using GanNotes.IO;

namespace GanNotes.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Leftover(string target, TimeSpan age)
    {
        string path = temp.Combine($".{target}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(path, new byte[1024]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public void WriteAllBytes_LeftoverOfAKilledWrite_RemovedOnTheNextWrite()
    {
        string stale = Leftover("last.safetensors", TimeSpan.FromMinutes(3));

        AtomicFile.WriteAllBytes(temp.Combine("last.safetensors"), [1, 2, 3]);

        Assert.False(File.Exists(stale));
        Assert.Equal(["last.safetensors"], temp.Entries());
    }

    [Fact]
    public void WriteAllBytes_OthersFilesAndFreshOrOpenTemporaries_Kept()
    {
        string fresh = Leftover("last.safetensors", TimeSpan.Zero);        // may be a write about to rename
        string open = Leftover("last.safetensors", TimeSpan.FromMinutes(3));
        string otherTarget = Leftover("history.csv", TimeSpan.FromMinutes(3));
        string notOurs = temp.Combine(".last.safetensors.backup.tmp");
        File.WriteAllText(notOurs, "a user's file");
        File.SetLastWriteTimeUtc(notOurs, DateTime.UtcNow - TimeSpan.FromMinutes(3));
        using var writer = new FileStream(open, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // a write in progress

        AtomicFile.WriteAllBytes(temp.Combine("last.safetensors"), [1, 2, 3]);

        Assert.True(File.Exists(fresh) && File.Exists(open) && File.Exists(otherTarget) && File.Exists(notOurs));
    }
}
