using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace GanNotes.Plots;

/// <summary>Finds a Chromium-family browser and takes a headless screenshot of a local page with it.</summary>
internal static class Chromium
{
    public const string EnvironmentVariable = "GANNOTES_CHROMIUM";

    private static readonly string[] NamesOnPath = OperatingSystem.IsWindows()
        ? ["chromium.exe", "chrome.exe", "msedge.exe"]
        : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser to run, or null when there is none.</summary>
    /// <exception cref="FileNotFoundException"><c>GANNOTES_CHROMIUM</c> names a file that does not exist.</exception>
    public static string? TryLocate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new FileNotFoundException($"{EnvironmentVariable} is set to '{fromEnvironment}', which does not exist; point it at a Chromium or Chrome executable, or unset it.", fromEnvironment);
        }
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in NamesOnPath)
        {
            foreach (string dir in path)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return WellKnownInstalls().FirstOrDefault(File.Exists);
    }

    /// <summary>The browser to run.</summary>
    /// <exception cref="FileNotFoundException">None was found; the message names what to install.</exception>
    public static string Locate() => TryLocate() ?? throw new FileNotFoundException(
        $"Chromium was not found (looked for {string.Join(", ", NamesOnPath)} on PATH): install it (Debian/Ubuntu: apt-get install chromium) or set {EnvironmentVariable} to a Chromium or Chrome executable.");

    /// <summary>Loads <paramref name="page"/> headless at width x height and writes a PNG screenshot to <paramref name="png"/>.</summary>
    /// <exception cref="TimeoutException">Chromium did not finish within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">Chromium exited without writing the screenshot.</exception>
    public static void Screenshot(string browser, string page, string png, string profileDirectory, int width, int height, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(browser)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
            "--force-device-scale-factor=1",
            // Run the page's timers in virtual time for up to 10 s, so the shot waits until plotly has drawn.
            "--virtual-time-budget=10000",
            $"--user-data-dir={profileDirectory}",
            string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"),
            $"--screenshot={png}",
            new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start Chromium '{browser}': {e.Message}", e);
        }
        // Drain both pipes so a chatty browser cannot block on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"Chromium did not render the figure within {timeout.TotalSeconds:0} s ({browser}).");
        }
        process.WaitForExit();
        if (!File.Exists(png) || new FileInfo(png).Length == 0)
        {
            string detail = LastMeaningfulLine(stderr.Result + "\n" + stdout.Result);
            throw new InvalidOperationException($"Chromium ({browser}) exited with code {process.ExitCode} without writing a screenshot{(detail.Length > 0 ? ": " + detail : ".")}");
        }
    }

    private static string LastMeaningfulLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
              .LastOrDefault(line => !line.Contains("dbus", StringComparison.OrdinalIgnoreCase)) ?? "";

    private static IEnumerable<string> WellKnownInstalls()
    {
        if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
        }
        else if (OperatingSystem.IsWindows())
        {
            foreach (var folder in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86, Environment.SpecialFolder.LocalApplicationData })
            {
                string root = Environment.GetFolderPath(folder);
                yield return Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe");
                yield return Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe");
            }
        }
        else
        {
            yield return "/snap/bin/chromium";
        }
    }
}
