using System.Diagnostics;

namespace GanNotes.Tests.Notebooks;

/// <summary>
/// Validates a notebook against the nbformat v4 JSON schema with Jupyter's own validator,
/// Debian's python3-nbformat (installed by .ci/run).
/// </summary>
internal static class NbformatSchema
{
    private const string Python = "/usr/bin/python3";

    private const string Script =
        "import sys\n"
        + "try:\n"
        + "    import nbformat\n"
        + "except ImportError:\n"
        + "    print('MISSING'); sys.exit(3)\n"
        + "nbformat.validate(nbformat.read(sys.argv[1], as_version=4))\n";

    /// <summary>Fails the test with the validator's message when <paramref name="path"/> is not a valid nbformat 4 notebook.</summary>
    public static void AssertValid(string path)
    {
        Assert.True(File.Exists(Python),
            $"Schema validation needs {Python} with python3-nbformat (apt-get install python3-nbformat); .ci/run installs it.");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.False(process.ExitCode == 3,
            "python3-nbformat is not installed: apt-get install python3-nbformat (.ci/run installs it in CI).");
        Assert.True(process.ExitCode == 0, $"{path} does not validate against the nbformat v4 schema:\n{stdout}{stderr}");
    }
}
