using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace GanNotes.Tests.Testing;

/// <summary>
/// Debian's Jupyter Notebook server (<c>jupyter-notebook</c>, the classic Notebook 6 that many
/// classroom JupyterHubs still serve) run for one test: on a free loopback port with a random
/// token, with its config, runtime and data folders in a temp folder of its own (nothing of the
/// user's Jupyter set-up is read or written), a given folder of kernel specs on JUPYTER_PATH,
/// serving one folder of notebooks. Dispose kills the server with every kernel it started.
/// </summary>
internal sealed class JupyterNotebookServer : IDisposable
{
    /// <summary>The Debian package that brings the server.</summary>
    public const string Package = "jupyter-notebook";

    private readonly TempDirectory home = new("gannotes-jupyter-");
    private readonly Process process;
    private readonly StringBuilder log = new();

    private JupyterNotebookServer(string notebookFolder, string kernelSpecPath)
    {
        string executable = Locate() ?? throw new InvalidOperationException(MissingMessage);
        Port = FreeLoopbackPort();
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = notebookFolder,
        };
        foreach (string argument in (string[])[
            "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={Port}", "--port-retries=0",
            $"--NotebookApp.token={Token}", $"--notebook-dir={notebookFolder}"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string folder in (string[])["config", "runtime", "data", "ipython"])
        {
            Directory.CreateDirectory(home.Combine(folder));
        }
        start.Environment["JUPYTER_CONFIG_DIR"] = home.Combine("config");
        start.Environment["JUPYTER_RUNTIME_DIR"] = home.Combine("runtime");
        start.Environment["JUPYTER_DATA_DIR"] = home.Combine("data");
        start.Environment["IPYTHONDIR"] = home.Combine("ipython");
        start.Environment["JUPYTER_PATH"] = kernelSpecPath;
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What to say when the server is not installed.</summary>
    public static string MissingMessage =>
        $"Debian's Jupyter Notebook server (jupyter-notebook) is not on PATH: sudo apt-get install {Package} (tests/test.sh installs it).";

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The token every request carries.</summary>
    public string Token { get; }

    /// <summary>The address of a page of the server, e.g. <c>notebooks/x.ipynb</c>, with the token.</summary>
    public Uri Url(string relative) => new($"http://127.0.0.1:{Port}/{relative}?token={Token}");

    /// <summary>The last lines the server printed (its own log and its kernels').</summary>
    public string LogTail(int lines = 40)
    {
        lock (log)
        {
            return string.Join('\n', log.ToString().Split('\n').TakeLast(lines));
        }
    }

    /// <summary>The server's executable on PATH, or null.</summary>
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "jupyter-notebook"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts the server and returns once its REST API answers, or fails within <paramref name="timeout"/>.</summary>
    public static async Task<JupyterNotebookServer> StartAsync(string notebookFolder, string kernelSpecPath, TimeSpan timeout)
    {
        var server = new JupyterNotebookServer(notebookFolder, kernelSpecPath);
        try
        {
            await server.WaitUntilAnsweringAsync(timeout);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                Assert.Fail($"jupyter-notebook exited with code {process.ExitCode} before it answered:\n{LogTail()}");
            }
            try
            {
                using var response = await http.GetAsync(Url("api/status"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer: ask again.
            }
            await Task.Delay(250);
        }
        Assert.Fail($"jupyter-notebook did not answer on 127.0.0.1:{Port} within {timeout.TotalSeconds:0} s:\n{LogTail()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.Append(line).Append('\n');
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            process.Dispose();
            home.Dispose();
        }
    }
}
