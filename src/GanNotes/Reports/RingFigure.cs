using System.Globalization;
using GanNotes.Data;
using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Reports;

/// <summary>
/// G's samples on the ring of Gaussians (<see cref="GaussianRing2D"/>) beside p_data, as 2-D
/// scatter panels side by side on one chart: p_data's samples grey, the modes' centres black,
/// G's samples green. A strip of panels shows one run at a few steps, so mode collapse (all of
/// G's mass on a few modes, or hopping from mode to mode) can be seen at a glance.
/// </summary>
/// <remarks>
/// Each panel is the square [-(r + margin), r + margin]^2 around the ring, drawn in its own frame
/// at the same scale in x and y, with its label above it. The panels share one plotly axis (each
/// shifted along x), so the axes are hidden; a sample outside its frame is left out, and the
/// label says how many were.
/// </remarks>
public static class RingFigure
{
    /// <summary>The frame reaches this far beyond the ring's radius, in data units.</summary>
    public const double Margin = 0.7;

    /// <summary>The gap between two frames, as a share of a frame's side.</summary>
    private const double Gap = 0.08;

    /// <summary>Pixels per data unit: a radius-2 ring's frame is about 300 pixels wide.</summary>
    private const double PixelsPerUnit = 55;

    /// <summary>
    /// One chart with a panel per entry of <paramref name="panels"/>, left to right: each shows
    /// <paramref name="data"/> (samples of p_data), the ring's centres and that entry's samples of G.
    /// </summary>
    /// <param name="ring">p_data: its centres are drawn, and its radius sizes the frames.</param>
    /// <param name="data">Samples of p_data, [n, 2] (drawn in every panel); n may be 0.</param>
    /// <param name="panels">Each panel's label (e.g. "step 500") and G's samples, [n, 2].</param>
    /// <param name="title">The chart's title.</param>
    /// <exception cref="ArgumentException">No panels, or a tensor that is not [n, 2].</exception>
    public static Figure Panels(GaussianRing2D ring, Tensor data, IEnumerable<(string Label, Tensor Samples)> panels, string title)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(title);
        var list = panels.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("RingFigure needs at least one panel.", nameof(panels));
        }
        var dataXy = Points(data, "p_data's samples", nameof(data));
        double half = ring.Radius + Margin;
        double pitch = 2 * half * (1 + Gap);
        double labelY = half + 0.45;
        var figure = new Figure();
        for (int i = 0; i < list.Count; i++)
        {
            var (label, samples) = list[i];
            ArgumentNullException.ThrowIfNull(label);
            ArgumentNullException.ThrowIfNull(samples);
            double shift = i * pitch;
            var (gx, gy, outside) = InFrame(Points(samples, $"the samples of panel \"{label}\"", nameof(panels)), half, shift);
            var (dx, dy, _) = InFrame(dataXy, half, shift);
            bool first = i == 0;
            figure.Add(Markers(dx, dy, "p_data (samples)", "rgba(128,128,128,0.6)", 4, first));
            figure.Add(Markers([.. ring.Centers.Select(c => c.X + shift)], [.. ring.Centers.Select(c => c.Y)], "the modes' centres", "black", 6, first));
            figure.Add(Markers(gx, gy, "samples of G", "rgba(0,128,0,0.45)", 4, first));
            Frame(figure, shift - half, shift + half, -half, half);
            string text = outside == 0 ? label : string.Create(CultureInfo.InvariantCulture, $"{label} ({outside} outside)");
            figure.AddText(shift, labelY, text);
        }
        double width = (list.Count - 1) * pitch + 2 * half;
        double height = labelY + 0.35 + half;
        figure.WithXRange(-half, -half + width).WithYRange(-half, labelY + 0.35)
            .WithTitle(title).WithLegend(true, LegendPosition.Above)
            .WithSize((int)Math.Round(width * PixelsPerUnit) + 160, (int)Math.Round(height * PixelsPerUnit) + 200);
        figure.Layout.XAxis.Visible = false;
        figure.Layout.YAxis.Visible = false;
        return figure;
    }

    /// <summary>The points of a [n, 2] tensor as (x, y) pairs.</summary>
    private static (double X, double Y)[] Points(Tensor xy, string what, string paramName)
    {
        if (xy.Rank != 2 || xy.Shape[1] != 2)
        {
            throw new ArgumentException($"RingFigure needs {what} as a tensor of shape [n, 2], got [{string.Join(", ", xy.Shape)}].", paramName);
        }
        var v = xy.ToArray();
        return [.. Enumerable.Range(0, xy.Shape[0]).Select(i => ((double)v[2 * i], (double)v[2 * i + 1]))];
    }

    /// <summary>The points inside the frame of half-side <paramref name="half"/>, shifted right by <paramref name="shift"/>, and how many were outside (NaN counts as outside).</summary>
    private static (double[] X, double[] Y, int Outside) InFrame((double X, double Y)[] points, double half, double shift)
    {
        var inside = points.Where(p => Math.Abs(p.X) <= half && Math.Abs(p.Y) <= half).ToArray();
        return ([.. inside.Select(p => p.X + shift)], [.. inside.Select(p => p.Y)], points.Length - inside.Length);
    }

    private static ScatterTrace Markers(double[] x, double[] y, string name, string color, double size, bool inLegend) =>
        new(x, y) { Mode = ScatterMode.Markers, Name = name, Color = color, MarkerSize = size, ShowLegend = inLegend };

    private static void Frame(Figure figure, double x0, double x1, double y0, double y1)
    {
        figure.AddSegment(x0, y0, x1, y0, color: "lightgray").AddSegment(x1, y0, x1, y1, color: "lightgray")
            .AddSegment(x1, y1, x0, y1, color: "lightgray").AddSegment(x0, y1, x0, y0, color: "lightgray");
    }
}
