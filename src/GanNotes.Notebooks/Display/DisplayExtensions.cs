namespace GanNotes.Notebooks;

/// <summary>
/// The <c>Display()</c> extension method of .NET Interactive (dotnet/interactive,
/// Formatting/DisplayExtensions.cs), imported into every notebook by the runner.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>
    /// Shows <paramref name="value"/> as a <c>display_data</c> output of the running cell; outside
    /// a notebook run it prints the value's text instead, as .NET Interactive does.
    /// </summary>
    /// <returns>A handle to update the displayed value.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes)
    {
        var requested = mimeTypes ?? [];
        var bundle = MimeBundleFormatter.Format(value, requested);
        string displayId = Guid.NewGuid().ToString("N");
        var outputs = CellOutputs.Current;
        if (outputs is null)
        {
            Console.WriteLine(bundle.ToConsoleText());
        }
        else
        {
            outputs.AddDisplay(displayId, bundle);
        }
        return new DisplayedValue(displayId, bundle.MimeTypes.ToList(), requested, outputs);
    }
}
