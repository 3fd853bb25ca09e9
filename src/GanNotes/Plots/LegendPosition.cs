namespace GanNotes.Plots;

/// <summary>Where the legend sits (plotly's <c>layout.legend</c> x/y anchors).</summary>
public enum LegendPosition
{
    /// <summary>plotly's default: to the right of the plot area.</summary>
    Outside,

    /// <summary>Inside the plot area, top right corner.</summary>
    TopRight,

    /// <summary>Inside the plot area, top left corner.</summary>
    TopLeft,

    /// <summary>Inside the plot area, bottom right corner.</summary>
    BottomRight,

    /// <summary>Inside the plot area, bottom left corner.</summary>
    BottomLeft,

    /// <summary>One row above the plot area, under the title: the plot keeps the figure's full width, so panels of one width line up.</summary>
    Above,
}
