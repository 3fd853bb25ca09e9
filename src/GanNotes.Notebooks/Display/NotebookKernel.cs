namespace GanNotes.Notebooks;

/// <summary>
/// The kernel helpers a cell can call, with the names and meaning of .NET Interactive's
/// (dotnet/interactive: the static <c>Kernel.display</c> and <c>Kernel.HTML</c>). The runner
/// imports this class and <see cref="DisplayExtensions"/> into every notebook (<c>using static</c>),
/// so cells call <c>display(x)</c>, <c>HTML("...")</c> and <c>x.Display()</c> exactly as they do
/// in Polyglot Notebooks.
/// </summary>
public static class NotebookKernel
{
    /// <summary>
    /// Shows <paramref name="value"/> as a <c>display_data</c> output of the running cell, in
    /// <paramref name="mimeTypes"/> (or the type's preferred ones when none are given).
    /// </summary>
    /// <returns>A handle to update the displayed value.</returns>
    public static DisplayedValue display(object? value, params string[] mimeTypes) => value.Display(mimeTypes);

    /// <summary>Marks <paramref name="content"/> as HTML: displaying it shows it as <c>text/html</c>.</summary>
    public static HtmlString HTML(string content) => new(content);
}
