namespace GanNotes.Plots;

// Writing a figure out: HTML (interactive) and PNG (static, rendered by headless Chromium).
public sealed partial class Figure
{
    /// <summary>
    /// An HTML fragment for a notebook or a page: a div with a unique id and a script that
    /// loads plotly.js and draws the chart (<c>Plotly.newPlot</c>).
    /// </summary>
    /// <param name="plotly">Where plotly.js comes from; default <see cref="PlotlyJs.Cdn"/>.</param>
    /// <param name="staticImage">
    /// Also embed a PNG of the chart (rendered by Chromium, <see cref="FigureExport"/>) inside the
    /// div, which the script removes before drawing: the chart stays visible where no script runs.
    /// </param>
    /// <exception cref="InvalidOperationException">staticImage is set and Chromium or plotly.js is missing.</exception>
    public string ToHtml(PlotlyJs? plotly = null, bool staticImage = false)
        => FigureHtml.Fragment(this, plotly ?? PlotlyJs.Cdn, staticImage ? FigureExport.ToPng(this) : null);

    /// <summary>A complete HTML document showing the chart (see <see cref="ToHtml"/>).</summary>
    public string ToHtmlPage(PlotlyJs? plotly = null, bool staticImage = false)
        => FigureHtml.Page(this, plotly ?? PlotlyJs.Cdn, staticImage ? FigureExport.ToPng(this) : null);

    /// <summary>
    /// Writes <see cref="ToHtmlPage"/> to <paramref name="path"/> atomically (a temporary file,
    /// then a rename), creating the folder if needed. Pass <see cref="PlotlyJs.Inline"/> for a
    /// file that opens offline.
    /// </summary>
    public void SaveHtml(string path, PlotlyJs? plotly = null, bool staticImage = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[]? png = staticImage ? FigureExport.ToPng(this) : null;
        FigureHtml.Save(path, html => FigureHtml.WritePage(html, this, plotly ?? PlotlyJs.Cdn, png), createDirectory: true);
    }

    /// <summary>The chart as PNG bytes, rendered by headless Chromium; see <see cref="FigureExport.ToPng"/>.</summary>
    public byte[] ToPng(int? width = null, int? height = null) => FigureExport.ToPng(this, width, height);

    /// <summary>Writes the chart as a PNG file; see <see cref="FigureExport.SavePng"/>.</summary>
    public void SavePng(string path, int? width = null, int? height = null) => FigureExport.SavePng(this, path, width, height);
}
