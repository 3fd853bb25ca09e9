using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GanNotes.Tests.Testing;

/// <summary>
/// A notebook open in the classic Jupyter Notebook page (Notebook 6), driven as a teacher drives
/// it: wait for the kernel, Cell > Run All from the menu bar, read what the page shows. Every wait
/// fails with a message that says what the page was doing. The machine is offline: requests to
/// loopback go through, plotly.js's CDN address is answered with the same pinned file shipped
/// with the library (the one the CDN serves), and every other request is refused in the browser,
/// so the page never reaches past this machine.
/// </summary>
internal sealed class ClassicNotebookPage
{
    private readonly IPage page;
    private readonly ConcurrentQueue<string> console = new();
    private readonly ConcurrentQueue<string> refused = new();

    private ClassicNotebookPage(IPage page)
    {
        this.page = page;
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue($"page error: {error}");
    }

    /// <summary>The browser's console (and uncaught page errors), for failure messages.</summary>
    public IReadOnlyCollection<string> Console => console;

    /// <summary>Requests the page made to other hosts, refused.</summary>
    public IReadOnlyCollection<string> Refused => refused;

    /// <summary>A new page of <paramref name="context"/>, offline but for loopback and plotly.js (<paramref name="plotlyScript"/> for <paramref name="plotlyCdnUrl"/>).</summary>
    public static async Task<ClassicNotebookPage> CreateAsync(IBrowserContext context, string plotlyScript, string plotlyCdnUrl)
    {
        var page = await context.NewPageAsync();
        var notebook = new ClassicNotebookPage(page);
        await page.RouteAsync("**/*", async route =>
        {
            string address = route.Request.Url;
            if (address == plotlyCdnUrl)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/javascript", Path = plotlyScript });
            }
            else if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob"))
            {
                await route.ContinueAsync();
            }
            else
            {
                notebook.refused.Enqueue(address);
                await route.AbortAsync("blockedbyclient");
            }
        });
        return notebook;
    }

    /// <summary>Opens the notebook at <paramref name="url"/>; its kernel starts with the page.</summary>
    public async Task OpenAsync(Uri url, TimeSpan timeout) =>
        await page.GotoAsync(url.ToString(), new PageGotoOptions { Timeout = Milliseconds(timeout) });

    /// <summary>Waits until the notebook's kernel is connected and idle (it starts with the page).</summary>
    public Task WaitForKernelIdleAsync(TimeSpan timeout) =>
        WaitAsync("""
            () => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
                && Jupyter.notebook.kernel.is_connected()
                && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'))
            """, timeout, "the kernel to start and go idle");

    /// <summary>Cell > Run All, from the menu bar.</summary>
    public async Task RunAllCellsAsync()
    {
        await page.ClickAsync("#celllink");
        await page.ClickAsync("#run_all_cells > a");
    }

    /// <summary>
    /// Waits until the kernel is idle and every non-empty code cell shows its execution count
    /// (<c>In [n]</c>), or an error output stopped the run.
    /// </summary>
    public Task WaitUntilEveryCellRanAsync(TimeSpan timeout) =>
        WaitAsync("""
            () => {
              const idle = !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
              const cells = Jupyter.notebook.get_cells()
                .filter(c => c.cell_type === 'code' && c.get_text().trim() !== '');
              const ran = cells.every(c => /\[\d+\]/.test(c.element.find('.input_prompt').text()));
              return idle && (ran || document.querySelector('.output_error') !== null);
            }
            """, timeout, "every cell to run");

    /// <summary>The text of every error shown: error outputs, stderr outputs, outputs whose JavaScript failed.</summary>
    public Task<IReadOnlyList<string>> ErrorOutputsAsync() =>
        page.Locator(".output_error, .output_stderr, .js-error").AllInnerTextsAsync();

    /// <summary>Waits until <paramref name="count"/> chart outputs are drawn, or the time is up.</summary>
    public Task WaitForChartsDrawnAsync(int count, TimeSpan timeout) =>
        WaitAsync($$"""
            () => Array.from(document.querySelectorAll('.gannotes-plot.js-plotly-plot'))
                .filter(p => p.querySelector('svg.main-svg')).length >= {{count}}
            """, timeout, $"{count} charts to be drawn by plotly.js");

    /// <summary>The chart outputs on the page and how many of them plotly.js has drawn (an SVG in place of the static image).</summary>
    public async Task<(int Outputs, int Drawn)> ChartsAsync()
    {
        int outputs = await page.Locator(".gannotes-plot").CountAsync();
        int drawn = await page.Locator(".gannotes-plot.js-plotly-plot").Filter(new LocatorFilterOptions { Has = page.Locator("svg.main-svg") }).CountAsync();
        return (outputs, drawn);
    }

    /// <summary>The number of cells on the page, code and markdown.</summary>
    public Task<int> CellCountAsync() => page.Locator("#notebook-container > .cell").CountAsync();

    /// <summary>The first output of the cell at <paramref name="index"/> (from 0, all cells counted), as the page lays it out.</summary>
    public ILocator FirstOutput(int index) =>
        page.Locator("#notebook-container > .cell").Nth(index).Locator(".output_subarea").First;

    /// <summary>
    /// A screenshot of the whole notebook. The classic page scrolls inside <c>#site</c>, not the
    /// document, so the document is let to grow first and the full page is photographed.
    /// </summary>
    public async Task ScreenshotAsync(string path)
    {
        await page.AddStyleTagAsync(new PageAddStyleTagOptions
        {
            Content = "body { position: static !important; overflow: visible !important; } #site { height: auto !important; overflow: visible !important; }",
        });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 60_000 });
    }

    /// <summary>A line for failure messages: what the prompts show, the console, the refused requests.</summary>
    public async Task<string> DescribeAsync()
    {
        string prompts;
        try
        {
            prompts = string.Join(' ', (await page.Locator("#notebook-container .input_prompt").AllInnerTextsAsync()).Select(p => p.Trim()));
        }
        catch (PlaywrightException e)
        {
            prompts = $"(unreadable: {e.Message})";
        }
        return $"prompts: {prompts}\nbrowser console (last 20):\n  {string.Join("\n  ", console.TakeLast(20))}\n"
            + $"requests refused (offline): {string.Join(", ", refused.Distinct().Take(10))}";
    }

    private async Task WaitAsync(string predicate, TimeSpan timeout, string what)
    {
        try
        {
            await page.WaitForFunctionAsync(predicate, null, new PageWaitForFunctionOptions { Timeout = Milliseconds(timeout), PollingInterval = 500 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for {what}: the {timeout.TotalSeconds:0} s left of the test's time box ran out.\n{await DescribeAsync()}");
        }
    }

    private static float Milliseconds(TimeSpan timeout) => (float)Math.Max(1, timeout.TotalMilliseconds);
}
