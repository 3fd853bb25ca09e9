namespace GanNotes.Plots;

/// <summary>What a scatter trace draws at its points (plotly's <c>scatter.mode</c>).</summary>
public enum ScatterMode
{
    /// <summary>Points joined by a line (<c>"lines"</c>), matplotlib's <c>plt.plot</c>.</summary>
    Lines,

    /// <summary>Points only (<c>"markers"</c>), matplotlib's <c>plt.scatter</c>.</summary>
    Markers,

    /// <summary>Both (<c>"lines+markers"</c>).</summary>
    LinesAndMarkers,
}
