using System.Runtime.CompilerServices;
using GanNotes.IO;

namespace GanNotes.Plots;

/// <summary>
/// Renders a <see cref="Figure"/> to a static PNG with headless Chromium, the way
/// Plotly.NET.ImageExport and Kaleido do: a page with plotly.js inlined draws the chart
/// (<c>staticPlot: true</c>) and Chromium's <c>--screenshot</c> photographs it.
/// </summary>
/// <remarks>
/// Needs a Chromium-family browser (the <c>GANNOTES_CHROMIUM</c> environment variable, else
/// chromium, chromium-browser, google-chrome on PATH, else a standard Chrome/Edge install)
/// and the local plotly.js (<see cref="PlotlyJs.LocatePath"/>). One export starts one
/// browser: about 1 s. The PNG is cached per figure instance, keyed by the figure's JSON and
/// size, so a notebook's HTML fallback and its image/png output share one rendering.
/// </remarks>
public static class FigureExport
{
    /// <summary>The width of a figure that does not set one.</summary>
    public const int DefaultWidth = 700;

    /// <summary>The height of a figure that does not set one.</summary>
    public const int DefaultHeight = 450;

    /// <summary>The environment variable that names the browser executable.</summary>
    public const string ChromiumEnvironmentVariable = Chromium.EnvironmentVariable;

    private static readonly ConditionalWeakTable<Figure, RenderCache> Cache = [];
    private static int renderCount;

    /// <summary>How long one export may take before the browser is killed (default 60 s).</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The figure as PNG bytes of exactly width x height pixels (default: the figure's size,
    /// else 700 x 450).
    /// </summary>
    /// <exception cref="FileNotFoundException">Chromium or plotly.js is missing; the message says how to install it.</exception>
    /// <exception cref="TimeoutException">Chromium took longer than <see cref="Timeout"/>.</exception>
    public static byte[] ToPng(Figure figure, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        int w = Figure.CheckedPixels(width ?? figure.Layout.Width ?? DefaultWidth, nameof(width));
        int h = Figure.CheckedPixels(height ?? figure.Layout.Height ?? DefaultHeight, nameof(height));
        string json = figure.ToJson();
        var cache = Cache.GetValue(figure, _ => new RenderCache());
        lock (cache)
        {
            if (cache.Json == json && cache.Width == w && cache.Height == h && cache.Png is not null)
            {
                return (byte[])cache.Png.Clone();
            }
            byte[] png = Render(figure, w, h);
            (cache.Json, cache.Width, cache.Height, cache.Png) = (json, w, h, png);
            return (byte[])png.Clone();
        }
    }

    /// <summary>Writes <see cref="ToPng"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void SavePng(Figure figure, string path, int? width = null, int? height = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng(figure, width, height));
    }

    /// <summary>
    /// True when both Chromium and the local plotly.js are found, so <see cref="ToPng"/> can work.
    /// False (not an exception) when an environment variable points at a missing file.
    /// </summary>
    public static bool IsAvailable => UnavailableReason is null;

    /// <summary>
    /// Why <see cref="ToPng"/> cannot work here, as one clause that names the fix (what is
    /// missing, or the environment variable that points at a missing file); null when it can.
    /// </summary>
    public static string? UnavailableReason
    {
        get
        {
            try
            {
                if (Chromium.TryLocate() is null)
                {
                    return $"Chromium was not found (install it: sudo apt-get install chromium, or set {ChromiumEnvironmentVariable} to a Chrome or Chromium executable)";
                }
                return PlotlyJs.TryLocatePath() is null
                    ? $"plotly.js was not found next to GanNotes.dll (rebuild GanNotes, or set {PlotlyJs.EnvironmentVariable})"
                    : null;
            }
            catch (FileNotFoundException e)
            {
                return e.Message.TrimEnd('.');
            }
        }
    }

    /// <summary>The browser executable that exports use.</summary>
    /// <exception cref="FileNotFoundException">None was found; the message names what to install.</exception>
    public static string LocateChromium() => Chromium.Locate();

    /// <summary>How many times Chromium has been started by this process (tests check the cache with it).</summary>
    internal static int RenderCount => Volatile.Read(ref renderCount);

    private static byte[] Render(Figure figure, int width, int height)
    {
        string browser = Chromium.Locate();
        string plotlyScript = PlotlyJs.ReadScript(PlotlyJs.LocatePath());
        var work = Directory.CreateTempSubdirectory("gannotes-png-");
        Interlocked.Increment(ref renderCount);
        try
        {
            string page = Path.Combine(work.FullName, "figure.html");
            string png = Path.Combine(work.FullName, "figure.png");
            FigureHtml.Save(page, html => FigureHtml.WriteExportPage(html, figure, plotlyScript, width, height), createDirectory: false);
            Chromium.Screenshot(browser, page, png, Path.Combine(work.FullName, "profile"), width, height, Timeout);
            byte[] bytes = File.ReadAllBytes(png);
            var (pngWidth, pngHeight) = PngWriter.ReadSize(bytes);
            if (pngWidth != width || pngHeight != height)
            {
                throw new InvalidOperationException($"Chromium wrote a {pngWidth}x{pngHeight} screenshot, expected {width}x{height}.");
            }
            return bytes;
        }
        finally
        {
            DeleteDirectory(work);
        }
    }

    private static void DeleteDirectory(DirectoryInfo directory)
    {
        // Chromium's helper processes can hold profile files for a moment after the main process exits.
        for (int attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                directory.Delete(recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return; // a leftover folder in the temp directory is not worth failing an export over
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private sealed class RenderCache
    {
        public string? Json { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public byte[]? Png { get; set; }
    }
}
