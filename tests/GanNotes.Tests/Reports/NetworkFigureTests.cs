using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Reports;

namespace GanNotes.Tests.Reports;

public class NetworkFigureTests
{
    [Fact]
    public void Blocks_NotesGenerator_FourBlocksThenLinearSigmoid()
    {
        var blocks = NetworkFigure.Blocks(MlpGan.BuildGenerator(zDim: 64, hidden: 128));

        Assert.Equal([(64, 128), (128, 256), (256, 512), (512, 1024), (1024, 784)], blocks.Select(b => (b.In, b.Out)));
        Assert.Equal(["Linear", "BatchNorm1d", "ReLU"], blocks[0].Layers);
        Assert.Equal(["Linear", "Sigmoid"], blocks[^1].Layers);
    }

    [Fact]
    public void Blocks_NotesDiscriminator_ThreeLeakyBlocksThenOneLogit()
    {
        var blocks = NetworkFigure.Blocks(MlpGan.BuildDiscriminator(hidden: 128));

        Assert.Equal([(784, 512), (512, 256), (256, 128), (128, 1)], blocks.Select(b => (b.In, b.Out)));
        Assert.Equal(["Linear", "LeakyReLU"], blocks[0].Layers);
        Assert.Equal(["Linear"], blocks[^1].Layers);
    }

    [Fact]
    public void Of_OneBoxPerBlockWithItsLabelAndHiddenAxes()
    {
        var figure = NetworkFigure.Of(MlpGan.BuildGenerator(zDim: 8, hidden: 4, outputDim: 12), MlpGan.BuildDiscriminator(inputDim: 12, hidden: 4));

        Assert.Equal(4 * (5 + 4), figure.Layout.Segments.Count); // four sides per box
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "Linear<br>BatchNorm1d<br>ReLU<br><i>8 \u2192 4</i>");
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "<b>D</b><br>x [12]");
        Assert.Contains("\"visible\":false", figure.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EveryBoxTallAndWideEnoughForItsLines()
    {
        // plotly's defaults, which the figure keeps: 12-pixel text in lines 1.3 em apart, margins
        // 80 pixels left, right and bottom and 100 at the top. The old figure (340 pixels high)
        // drew G's four lines in boxes 38 pixels high, and the text spilled over them.
        var figure = NetworkFigure.Of(MlpGan.BuildGenerator(), MlpGan.BuildDiscriminator());
        var (yMin, yMax) = figure.Layout.YAxis.Range!.Value;
        var (xMin, xMax) = figure.Layout.XAxis.Range!.Value;
        double pixelsPerY = (figure.Layout.Height!.Value - 180) / (yMax - yMin);
        double pixelsPerX = (figure.Layout.Width!.Value - 160) / (xMax - xMin);

        var boxes = figure.Layout.Segments.Chunk(4).ToList();
        var labels = figure.Layout.Annotations.Where(a => !a.ShowArrow && !a.Text.StartsWith("<b>", StringComparison.Ordinal)).ToList();
        Assert.Equal(boxes.Count, labels.Count);
        foreach (var (box, label) in boxes.Zip(labels))
        {
            var lines = label.Text.Replace("<i>", "", StringComparison.Ordinal).Replace("</i>", "", StringComparison.Ordinal).Split("<br>");
            double height = (box[1].Y0 - box[0].Y0) * pixelsPerY, width = (box[0].X1 - box[0].X0) * pixelsPerX;
            Assert.True(height >= lines.Length * 12 * 1.3 + 10, $"{label.Text}: {lines.Length} lines in a box {height:F0} pixels high");
            Assert.True(width >= lines.Max(l => l.Length) * 7 + 10, $"{label.Text}: a box {width:F0} pixels wide");
        }
    }

    [Fact]
    public void Blocks_NotSequential_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => NetworkFigure.Blocks(new Linear(2, 3)));
        Assert.StartsWith("A block diagram needs a Sequential network, got Linear.", e.Message, StringComparison.Ordinal);
    }
}
