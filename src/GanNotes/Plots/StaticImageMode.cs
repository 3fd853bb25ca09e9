namespace GanNotes.Plots;

/// <summary>Whether notebook output of a <see cref="Figure"/> carries a Chromium-rendered PNG.</summary>
public enum StaticImageMode
{
    /// <summary>Include the PNG when Chromium and plotly.js are available; otherwise show only the interactive chart.</summary>
    Auto,

    /// <summary>Always include it; displaying a figure fails with a clear message when Chromium or plotly.js is missing (for committed notebook outputs).</summary>
    Always,

    /// <summary>Never render it: interactive chart only, no browser started.</summary>
    Never,
}
