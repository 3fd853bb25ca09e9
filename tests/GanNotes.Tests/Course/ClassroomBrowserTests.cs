using System.Diagnostics;
using System.Text.Json.Nodes;
using GanNotes.Notebooks;
using GanNotes.Plots;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GanNotes.Tests.Course;

/// <summary>
/// The course as a classroom's JupyterHub shows it: Debian's Jupyter Notebook server on loopback
/// with the .NET Interactive kernel, the student edition of a notebook opened in headless
/// Chromium (driven by Playwright), Cell > Run All from the menu, then what the page shows is
/// read: no error output, every chart drawn by plotly.js (its SVG in place of the static image),
/// every check's verdict line on screen, "○ ... not yet". A full-page screenshot is kept under TestResults/ either way.
/// </summary>
public class ClassroomBrowserTests(ITestOutputHelper output)
{
    private const string NotebookName = "02-value-function.ipynb";

    /// <summary>From the server's start to the last check; waiting for the kernel's turn is not counted.</summary>
    private static readonly TimeSpan TimeBox = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Notebook_RunAllInJupyterNotebookInChromium_DrawsEveryChartAndShowsEveryVerdict()
    {
        Assert.True(JupyterNotebookServer.Locate() is not null, JupyterNotebookServer.MissingMessage);
        Requires.Chromium();
        string chromium = FigureExport.LocateChromium();
        using var folder = new TempDirectory("gannotes-classroom-");
        string notebook = WriteNotebookToOpen(folder.Path);
        // The kernel starts in the notebook's folder, where `#r "lib/GanNotes.dll"` looks.
        Directory.CreateSymbolicLink(folder.Combine("lib"), Path.Combine(Repository.Root, "notebooks", "lib"));
        int[] checkCells = CheckCells(JsonNode.Parse(File.ReadAllText(notebook))!);
        int charts = SavedOutputs.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "notebooks", NotebookName)))!).Count(o => o.IsChart);
        Assert.True(checkCells.Length > 0 && charts > 0, $"{NotebookName} should have checks and charts to look for ({checkCells.Length} checks, {charts} charts)");
        string screenshot = Path.Combine(Repository.Root, "TestResults", "classroom-browser", Path.ChangeExtension(NotebookName, ".png"));
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        using var turn = await PolyglotKernel.TakeTurnAsync();
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => TimeBox - clock.Elapsed;
        using var server = await JupyterNotebookServer.StartAsync(folder.Path, PolyglotKernel.KernelSpecPath, TimeSpan.FromSeconds(90));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // No host name resolves: the page reaches 127.0.0.1 only (the page also refuses the rest).
            Args = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            Timeout = 60_000,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await ClassicNotebookPage.CreateAsync(context, PlotlyJs.LocatePath(), PlotlyJs.Cdn.Url!);
        try
        {
            await page.OpenAsync(server.Url($"notebooks/{Path.GetFileName(notebook)}"), Left());
            await page.WaitForKernelIdleAsync(Left());
            output.WriteLine($"kernel idle after {clock.Elapsed.TotalSeconds:0.0} s");
            await page.RunAllCellsAsync();
            await page.WaitUntilEveryCellRanAsync(Left());
            output.WriteLine($"every cell ran after {clock.Elapsed.TotalSeconds:0.0} s");

            var errors = await page.ErrorOutputsAsync();
            Assert.True(errors.Count == 0, $"{NotebookName} shows {errors.Count} error output(s) in the browser:\n{string.Join("\n---\n", errors)}\n{await page.DescribeAsync()}");

            await page.WaitForChartsDrawnAsync(charts, Left());
            var (outputs, drawn) = await page.ChartsAsync();
            Assert.True(outputs == charts, $"the page shows {outputs} chart outputs, the committed {NotebookName} has {charts}");
            Assert.True(drawn == outputs, $"plotly.js drew {drawn} of the {outputs} charts\n{await page.DescribeAsync()}");

            Assert.Equal(JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray().Count, await page.CellCountAsync());
            foreach (int cell in checkCells)
            {
                var verdict = page.FirstOutput(cell);
                Assert.True(await verdict.CountAsync() == 1 && await verdict.IsVisibleAsync(), $"the check in cell {cell} shows no output");
                string line = (await verdict.InnerTextAsync()).Trim().Split('\n')[0];
                Assert.True(line.StartsWith('○'), $"the check in cell {cell} of the student edition should say 'not yet' (○): '{line}'");
                output.WriteLine($"cell {cell}: {line}");
            }
            output.WriteLine($"{drawn} charts drawn, {checkCells.Length} verdicts shown, {clock.Elapsed.TotalSeconds:0.0} s from the server's start");
            string refused = string.Join(", ", page.Refused.Distinct());
            output.WriteLine($"requests refused (offline): {(refused.Length > 0 ? refused : "none")}");
            await page.ScreenshotAsync(screenshot);
            output.WriteLine($"screenshot: {screenshot}");
        }
        catch
        {
            // What the page showed when the test failed, if the browser can still say.
            try
            {
                await page.ScreenshotAsync(screenshot);
                output.WriteLine($"screenshot: {screenshot}");
            }
            catch (PlaywrightException e)
            {
                output.WriteLine($"no screenshot: {e.Message}");
            }
            throw;
        }
    }

    /// <summary>
    /// The notebook the class opens: the student edition of <see cref="NotebookName"/>, as
    /// <c>gan-notes notebooks student</c> writes it (its checks say ○, not yet).
    /// </summary>
    private static JsonNode NotebookToOpen() =>
        JsonNode.Parse(StudentEdition.Create(NotebookDocument.Load(Path.Combine(Repository.Root, "notebooks", NotebookName))).ToJson())!;

    /// <summary>
    /// Writes <see cref="NotebookToOpen"/> into <paramref name="folder"/> without outputs, so that
    /// all the page shows comes from this run, and returns its path.
    /// </summary>
    private static string WriteNotebookToOpen(string folder)
    {
        var notebook = NotebookToOpen();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] == "code")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
        }
        string path = Path.Combine(folder, NotebookName);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>The indices (all cells counted from 0) of the graded check cells, nbgrader's <c>grade: true</c>.</summary>
    private static int[] CheckCells(JsonNode notebook) =>
        [.. notebook["cells"]!.AsArray()
            .Select((cell, index) => (cell, index))
            .Where(c => (bool?)c.cell!["metadata"]?["nbgrader"]?["grade"] == true)
            .Select(c => c.index)];
}
