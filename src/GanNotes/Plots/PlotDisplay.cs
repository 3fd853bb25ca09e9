namespace GanNotes.Plots;

/// <summary>Settings for how figures appear in notebooks (process-wide).</summary>
public static class PlotDisplay
{
    /// <summary>
    /// The environment variable that sets <see cref="StaticImage"/> at start-up:
    /// <c>auto</c>, <c>always</c> or <c>never</c>.
    /// </summary>
    public const string StaticImageVariable = "GANNOTES_STATIC_PLOTS";

    /// <summary>Where notebook charts load plotly.js from; default <see cref="PlotlyJs.Cdn"/>. Set <c>PlotlyJs.Inline()</c> for an offline classroom.</summary>
    public static PlotlyJs PlotlyJs { get; set; } = PlotlyJs.Cdn;

    /// <summary>Whether notebook output includes a static PNG; default from <c>GANNOTES_STATIC_PLOTS</c>, else <see cref="StaticImageMode.Auto"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable holds another value (read on first use).</exception>
    public static StaticImageMode StaticImage
    {
        get => staticImage ??= ParseMode(Environment.GetEnvironmentVariable(StaticImageVariable));
        set => staticImage = value;
    }

    private static StaticImageMode? staticImage;

    internal static StaticImageMode ParseMode(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => StaticImageMode.Auto,
        "ALWAYS" => StaticImageMode.Always,
        "NEVER" => StaticImageMode.Never,
        _ => throw new InvalidOperationException($"{StaticImageVariable} must be auto, always or never, got '{text}'."),
    };

    /// <summary>
    /// The figure's PNG for notebook output under <see cref="StaticImage"/>, or null with the
    /// reason it was skipped (Auto mode only; Always throws instead).
    /// </summary>
    internal static byte[]? StaticPng(Figure figure, out string? skipped)
    {
        skipped = null;
        switch (StaticImage)
        {
            case StaticImageMode.Never:
                skipped = $"{StaticImageVariable}=never";
                return null;
            case StaticImageMode.Always:
                return FigureExport.ToPng(figure);
            default:
                try
                {
                    return FigureExport.ToPng(figure);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
                {
                    // FileNotFoundException (no Chromium or plotly.js) is an IOException.
                    skipped = e.Message;
                    return null;
                }
        }
    }
}
