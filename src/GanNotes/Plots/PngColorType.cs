namespace GanNotes.Plots;

/// <summary>The pixel layouts <see cref="PngWriter"/> writes; the values are PNG's colour-type codes.</summary>
public enum PngColorType
{
    /// <summary>One byte per pixel, 0 = black, 255 = white.</summary>
    Grayscale = 0,

    /// <summary>Three bytes per pixel: red, green, blue.</summary>
    Rgb = 2,

    /// <summary>Four bytes per pixel: red, green, blue, alpha (255 = opaque).</summary>
    Rgba = 6,
}
