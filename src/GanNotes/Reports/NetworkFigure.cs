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

    /// <summary>G's blocks in a row above D's, arrows between them, z on G's left and the logit at D's right.</summary>
    public static Figure Of(Module g, Module d)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(d);
        var gBlocks = Blocks(g);
        var dBlocks = Blocks(d);
        int columns = Math.Max(gBlocks.Count, dBlocks.Count);
        var figure = new Figure().WithTitle("G and D, block by block (drawn from the modules)")
            .WithXRange(-1.1, columns + 0.1).WithYRange(-0.75, 1.75).WithSize(180 * (columns + 1), 340);
        figure.Layout.XAxis.Visible = false;
        figure.Layout.YAxis.Visible = false;
        figure.Layout.ShowLegend = false;
        Row(figure, gBlocks, y: 1, "G", "z", "#2a9d8f");
        Row(figure, dBlocks, y: 0, "D", "x", "#457b9d");
        return figure;
    }

    private static void Row(Figure figure, IReadOnlyList<(IReadOnlyList<string> Layers, int In, int Out)> blocks, double y, string name, string input, string color)
    {
        const double halfWidth = 0.42, halfHeight = 0.3;
        figure.AddText(-0.75, y, string.Create(CultureInfo.InvariantCulture, $"<b>{name}</b><br>{input} [{blocks[0].In}]"), color);
        figure.AddArrow(-0.55, y, -halfWidth, y, color);
        for (int i = 0; i < blocks.Count; i++)
        {
            var (layers, inFeatures, outFeatures) = blocks[i];
            double left = i - halfWidth, right = i + halfWidth;
            figure.AddSegment(left, y - halfHeight, right, y - halfHeight, color, width: 2)
                .AddSegment(left, y + halfHeight, right, y + halfHeight, color, width: 2)
                .AddSegment(left, y - halfHeight, left, y + halfHeight, color, width: 2)
                .AddSegment(right, y - halfHeight, right, y + halfHeight, color, width: 2);
            figure.AddText(i, y, string.Create(CultureInfo.InvariantCulture, $"{string.Join("<br>", layers)}<br><i>{inFeatures} \u2192 {outFeatures}</i>"));
            if (i + 1 < blocks.Count)
            {
                figure.AddArrow(right, y, i + 1 - halfWidth, y, color);
            }
        }
    }

    private static string Name(Module module) => module.ToString().Split('(')[0];
}
