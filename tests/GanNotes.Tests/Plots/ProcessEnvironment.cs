namespace GanNotes.Tests.Plots;

/// <summary>
/// Tests that start Chromium, change environment variables (GANNOTES_CHROMIUM, PATH) or the
/// process-wide <c>PlotDisplay</c> settings. Environment variables belong to the whole
/// process, so these run alone, after the parallel tests, one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Plots process environment";
}

/// <summary>Sets an environment variable for one test and restores it afterwards.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}

/// <summary>
/// Hides Chromium for one test, as on a machine without it: GANNOTES_CHROMIUM unset and PATH an
/// empty folder. For tests in the <see cref="ProcessEnvironment"/> collection.
/// </summary>
internal sealed class ChromiumHidden : IDisposable
{
    private readonly DirectoryInfo emptyFolder = Directory.CreateTempSubdirectory("gannotes-no-chromium-");
    private readonly EnvironmentVariableScope variable = new(GanNotes.Plots.FigureExport.ChromiumEnvironmentVariable, null);
    private readonly EnvironmentVariableScope path;

    public ChromiumHidden()
    {
        path = new EnvironmentVariableScope("PATH", emptyFolder.FullName);
    }

    public void Dispose()
    {
        path.Dispose();
        variable.Dispose();
        emptyFolder.Delete(recursive: true);
    }
}
