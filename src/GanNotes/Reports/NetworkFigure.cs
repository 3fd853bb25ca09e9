using System.Globalization;
using GanNotes.Nn;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// A block diagram of G and D drawn from the modules themselves: one box per block (a nested
/// <see cref="Sequential"/>, or a top-level layer with the activations that follow it), labelled
/// with its layers and its Linear's input and output widths, G on top and D below.
/// </summary>
public static class NetworkFigure
{
    /// <summary>The blocks of a sequential network: each block's layer names (PyTorch's spelling) and its Linear's widths.</summary>
    /// <exception cref="ArgumentException">The network is not a <see cref="Sequential"/>.</exception>
    public static IReadOnlyList<(IReadOnlyList<string> Layers, int In, int Out)> Blocks(Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network is not Sequential)
        {
            throw new ArgumentException($"A block diagram needs a Sequential network, got {Name(network)}.", nameof(network));
        }
        var blocks = new List<(List<string> Layers, int In, int Out)>();
        foreach (var (_, child) in network.NamedChildren())
        {
            var layers = child is Sequential ? child.NamedChildren().Select(c => c.Value).ToList() : [child];
            var linear = layers.OfType<Linear>().FirstOrDefault();
            if (linear is null && blocks.Count > 0)
            {
                blocks[^1].Layers.AddRange(layers.Select(Name)); // an activation after a layer belongs to its block
                continue;
            }
            blocks.Add(([.. layers.Select(Name)], linear?.InFeatures ?? 0, linear?.OutFeatures ?? 0));
        }
        return [.. blocks.Select(b => ((IReadOnlyList<string>)b.Layers, b.In, b.Out))];
    }

    // plotly's defaults, which this figure keeps: 12-pixel text in lines 1.3 em apart, margins of
    // 80 pixels left, right and bottom and 100 at the top. The boxes are sized from them so that
    // the longest block's lines fit inside its box, with room to spare.
    private const double LinePixels = 12 * 1.3;
    private const double CharacterPixels = 7.5;  // wider than an average letter of 12-pixel sans-serif
    private const double PaddingPixels = 12;     // between the text and the box, on every side
    private const int MarginXPixels = 80 + 80;
    private const int MarginYPixels = 100 + 80;
    private const double HalfWidth = 0.42, HalfHeight = 0.4;
    private const double YMin = -0.65, YMax = 1.65;

    /// <summary>
    /// G's blocks in a row above D's, arrows between them, z on G's left and the logit at D's
    /// right; the figure's size follows the blocks, so each box holds its lines of text.
    /// </summary>
    public static Figure Of(Module g, Module d)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(d);
        var gBlocks = Blocks(g);
        var dBlocks = Blocks(d);
        var labels = gBlocks.Concat(dBlocks).Select(Lines).ToList();
        int lines = labels.Max(l => l.Count);
        int longest = labels.SelectMany(l => l).Max(line => line.Length);
        double pixelsPerY = (lines * LinePixels + 2 * PaddingPixels) / (2 * HalfHeight);
        double pixelsPerX = Math.Max(150, (longest * CharacterPixels + 2 * PaddingPixels) / (2 * HalfWidth));
        int columns = Math.Max(gBlocks.Count, dBlocks.Count);
        double xMin = -1.1, xMax = columns + 0.1;
        var figure = new Figure().WithTitle("G and D, block by block (drawn from the modules)")
            .WithXRange(xMin, xMax).WithYRange(YMin, YMax)
            .WithSize(MarginXPixels + (int)Math.Ceiling((xMax - xMin) * pixelsPerX), MarginYPixels + (int)Math.Ceiling((YMax - YMin) * pixelsPerY));
        figure.Layout.XAxis.Visible = false;
        figure.Layout.YAxis.Visible = false;
        figure.Layout.ShowLegend = false;
        Row(figure, gBlocks, y: 1, "G", "z", "#2a9d8f");
        Row(figure, dBlocks, y: 0, "D", "x", "#457b9d");
        return figure;
    }

    /// <summary>A block's label, line by line: its layers, then its widths in italics.</summary>
    private static List<string> Lines((IReadOnlyList<string> Layers, int In, int Out) block) =>
        [.. block.Layers, string.Create(CultureInfo.InvariantCulture, $"{block.In} \u2192 {block.Out}")];

    private static void Row(Figure figure, IReadOnlyList<(IReadOnlyList<string> Layers, int In, int Out)> blocks, double y, string name, string input, string color)
    {
        figure.AddText(-0.75, y, string.Create(CultureInfo.InvariantCulture, $"<b>{name}</b><br>{input} [{blocks[0].In}]"), color);
        figure.AddArrow(-0.55, y, -HalfWidth, y, color);
        for (int i = 0; i < blocks.Count; i++)
        {
            var lines = Lines(blocks[i]);
            double left = i - HalfWidth, right = i + HalfWidth;
            figure.AddSegment(left, y - HalfHeight, right, y - HalfHeight, color, width: 2)
                .AddSegment(left, y + HalfHeight, right, y + HalfHeight, color, width: 2)
                .AddSegment(left, y - HalfHeight, left, y + HalfHeight, color, width: 2)
                .AddSegment(right, y - HalfHeight, right, y + HalfHeight, color, width: 2);
            figure.AddText(i, y, string.Join("<br>", lines.SkipLast(1)) + $"<br><i>{lines[^1]}</i>");
            if (i + 1 < blocks.Count)
            {
                figure.AddArrow(right, y, i + 1 - HalfWidth, y, color);
            }
        }
    }

    private static string Name(Module module) => module.ToString().Split('(')[0];
}
