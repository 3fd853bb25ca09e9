namespace GanNotes.Plots;

/// <summary>How a line is drawn (plotly's <c>line.dash</c>).</summary>
/// <remarks>The GAN paper's Figure 1 draws p_data dotted, p_g solid and D dashed.</remarks>
public enum LineDash
{
    /// <summary>A continuous line (<c>"solid"</c>).</summary>
    Solid,

    /// <summary>Dots (<c>"dot"</c>).</summary>
    Dot,

    /// <summary>Short dashes (<c>"dash"</c>).</summary>
    Dash,

    /// <summary>Long dashes (<c>"longdash"</c>).</summary>
    LongDash,

    /// <summary>Dash, dot, dash (<c>"dashdot"</c>).</summary>
    DashDot,

    /// <summary>Long dash, dot (<c>"longdashdot"</c>).</summary>
    LongDashDot,
}
