namespace GanNotes.Plots;

/// <summary>
/// Where an HTML chart gets plotly.js from: a CDN URL (small HTML, needs the internet when
/// viewed) or the library inlined from a local file (about 4.8 MB per page, works offline).
/// </summary>
/// <remarks>
/// The local file is npm's <c>plotly.js-dist-min</c>, pinned in
/// <c>src/GanNotes/Plots/js/package.json</c> and shipped gzipped beside it
/// (<c>plotly.min.js.gz</c>, MIT licence); the build unpacks it next to GanNotes.dll.
/// <see cref="LocatePath"/> looks for it in this order: the file named by the
/// <c>GANNOTES_PLOTLYJS</c> environment variable; <c>plotly.min.js</c> next to the
/// GanNotes assembly; <c>src/GanNotes/Plots/js/node_modules/plotly.js-dist-min/plotly.min.js</c>
/// in the assembly's folder or any folder above it (a repository checkout).
/// </remarks>
public sealed class PlotlyJs
{
    /// <summary>The plotly.js version pinned in <c>Plots/js/package.json</c> and used for CDN URLs.</summary>
    public const string Version = "3.7.0";

    /// <summary>The SHA-256 of plotly.min.js in npm's <c>plotly.js-dist-min</c> at <see cref="Version"/>, the file shipped gzipped.</summary>
    public const string Sha256 = "8ef4c6ab1369f0019611cbcd2d5b8aafef23e5d19ef58c39d4b4249831fe2180";

    /// <summary>The environment variable that names a plotly.min.js file to use.</summary>
    public const string EnvironmentVariable = "GANNOTES_PLOTLYJS";

    /// <summary>The file name next to GanNotes.dll.</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>The npm install location inside a repository checkout.</summary>
    public static readonly string RepositoryRelativePath =
        Path.Combine("src", "GanNotes", "Plots", "js", "node_modules", "plotly.js-dist-min", FileName);

    private static readonly Lock CacheLock = new();
    private static (string Path, DateTime Stamp, string Text)? cachedScript;

    private PlotlyJs(string? url, string? localPath)
    {
        Url = url;
        LocalPath = localPath;
    }

    /// <summary>The official CDN copy of the pinned version: <c>https://cdn.plot.ly/plotly-3.7.0.min.js</c>.</summary>
    public static PlotlyJs Cdn { get; } = new($"https://cdn.plot.ly/plotly-{Version}.min.js", null);

    /// <summary>The URL a page loads plotly.js from, or null when it is inlined.</summary>
    public string? Url { get; }

    /// <summary>The local file that is inlined, or null for a URL.</summary>
    public string? LocalPath { get; }

    /// <summary>True when the script text is copied into the page.</summary>
    public bool IsInline => LocalPath is not null;

    /// <summary>plotly.js loaded from <paramref name="url"/> (a mirror, or a file served next to the page).</summary>
    public static PlotlyJs FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new PlotlyJs(url.ToString(), null);
    }

    /// <summary>
    /// plotly.js copied into the page from <paramref name="path"/>, or from <see cref="LocatePath"/>
    /// when null, for classrooms without internet. The file is checked now.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist or plotly.js cannot be found.</exception>
    public static PlotlyJs Inline(string? path = null)
    {
        string file = path ?? LocatePath();
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"plotly.js file '{file}' does not exist.", file);
        }
        return new PlotlyJs(null, Path.GetFullPath(file));
    }

    /// <summary>The local plotly.min.js (search order in the remarks), or null when there is none.</summary>
    /// <exception cref="FileNotFoundException"><c>GANNOTES_PLOTLYJS</c> is set to a file that does not exist.</exception>
    public static string? TryLocatePath()
    {
        string? assemblyDirectory = Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location);
        return TryLocatePath(
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            string.IsNullOrEmpty(assemblyDirectory) ? AppContext.BaseDirectory : assemblyDirectory);
    }

    internal static string? TryLocatePath(string? fromEnvironment, string assemblyDirectory)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            // A variable that was set on purpose but is wrong must not silently fall through to another copy.
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new FileNotFoundException($"{EnvironmentVariable} is set to '{fromEnvironment}', which does not exist; point it at a plotly.min.js file or unset it.", fromEnvironment);
        }
        string besideAssembly = Path.Combine(assemblyDirectory, FileName);
        if (File.Exists(besideAssembly))
        {
            return besideAssembly;
        }
        for (var dir = new DirectoryInfo(assemblyDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RepositoryRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    internal static string NotFoundMessage =>
        $"plotly.js {Version} was not found next to GanNotes.dll: rebuild GanNotes (the build unpacks src/GanNotes/Plots/js/plotly.min.js.gz), or set {EnvironmentVariable} to a plotly.min.js file.";

    /// <summary>The local plotly.min.js (search order in the remarks).</summary>
    /// <exception cref="FileNotFoundException">It cannot be found; the message says how to get it.</exception>
    public static string LocatePath() => TryLocatePath() ?? throw new FileNotFoundException(NotFoundMessage);

    /// <summary>The script text of the local file (cached until the file changes).</summary>
    internal string ReadScript() => ReadScript(LocalPath ?? throw new InvalidOperationException("This plotly.js source is a URL, not a local file."));

    internal static string ReadScript(string path)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        lock (CacheLock)
        {
            if (cachedScript is var (cachedPath, cachedStamp, text) && cachedPath == path && cachedStamp == stamp)
            {
                return text;
            }
            // "</script" inside the library would end the inline element early; none is there today, but escape it anyway.
            text = File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
            cachedScript = (path, stamp, text);
            return text;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsInline ? $"plotly.js inlined from {LocalPath}" : $"plotly.js from {Url}";
}
