using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Tests.Plots;

public sealed class ImageAnimationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static ImageAnimation Frames(int n)
    {
        var animation = new ImageAnimation("Samples <of G>");
        for (int i = 0; i < n; i++)
        {
            animation.Add($"epoch {i + 1}", ImageGrid.FromTensor(Tensor.Full([2, 4, 4], i / (float)n), columns: 2));
        }
        return animation;
    }

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(3, new[] { 0, 1, 2 })]
    [InlineData(26, new[] { 0, 6, 13, 19, 25 })]
    public void StripIndices_EvenlySpacedWithFirstAndLast(int frames, int[] expected)
    {
        Assert.Equal(expected, Frames(frames).StripIndices());
    }

    [Fact]
    public void Strip_FramesSideBySideTwelvePixelsApartEachLabelledUnderIt()
    {
        var animation = new ImageAnimation();
        for (int i = 0; i < 26; i++)
        {
            animation.Add($"epoch {i + 1}", ImageGrid.FromTensor(Tensor.Full([16, 28, 28], i / 26f), columns: 4));
        }
        var frame = animation.Frames[0].Picture;

        var strip = animation.Strip();

        var labelled = frame.WithLabel("epoch 1");
        Assert.Equal((5 * frame.Width + 4 * 12, labelled.Height), (strip.Width, strip.Height));
        Assert.Equal(["epoch 1", "epoch 7", "epoch 14", "epoch 20", "epoch 26"], strip.Labels);
        var pixels = strip.ToPixels();
        int left = 4 * (frame.Width + 12);
        Assert.Equal(animation.Frames[25].Picture.ToPixels()[frame.Width + 3], pixels[strip.Width + left + 3]); // the last frame is last
        Assert.Equal(255, pixels[strip.Width + frame.Width + 5]); // the gap is white
        var caption = animation.Frames[25].Picture.WithLabel("epoch 26").ToPixels().AsSpan(frame.Width * frame.Height).ToArray();
        for (int y = frame.Height; y < strip.Height; y++)
        {
            Assert.Equal(caption.AsSpan((y - frame.Height) * frame.Width, frame.Width).ToArray(), pixels.AsSpan(y * strip.Width + left, frame.Width).ToArray());
        }
    }

    [Fact]
    public void Add_LabelTheStripCannotDraw_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageAnimation().Add("époque 1", ImageGrid.FromTensor(Tensor.Zeros(1, 4, 4))));
        Assert.Contains("'é'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EveryFrameInlineWithLabelsSliderAndEscapedTitle()
    {
        string html = Frames(4).ToHtml();

        Assert.Equal(4, html.Split("data:image/png;base64,").Length - 2); // the <img> shows the last frame too
        Assert.Contains("type=\"range\" min=\"0\" max=\"3\" value=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("<span>epoch 4</span>", html, StringComparison.Ordinal);
        Assert.Contains("Samples &lt;of G&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">Play</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Plotly", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatters_HtmlSliderPngStripAndPlainTextNamingTheStrip()
    {
        var animation = Frames(7);
        var formatters = new ImageAnimationFormatterSource().CreateTypeFormatters().Cast<DisplayFormatter>().ToList();

        Assert.Equal(["text/html", "image/png", "text/plain"], formatters.Select(f => f.MimeType));
        var png = new StringWriter();
        formatters[1].Format(animation, png);
        Assert.Equal(animation.ToPng(), Convert.FromBase64String(png.ToString()));
        var text = new StringWriter();
        formatters[2].Format(animation, text);
        Assert.Equal("ImageAnimation: 7 frames, epoch 1 to epoch 7; the static image shows epoch 1, epoch 3, epoch 4, epoch 6, epoch 7", text.ToString());
    }

    [Fact]
    public void SaveHtmlAndPng_WriteAPageAndTheStrip()
    {
        var animation = Frames(3);
        animation.SaveHtml(temp.Combine("progress.html"));
        animation.SavePng(temp.Combine("progress.png"));

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(temp.Combine("progress.html")), StringComparison.Ordinal);
        Assert.Equal(animation.Strip().ToPixels(), ImageGrid.Load(temp.Combine("progress.png")).ToPixels());
    }

    [Fact]
    public void Empty_ToHtmlSaysSo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ImageAnimation().ToHtml());
        Assert.Equal("The animation has no frames yet.", e.Message);
    }
}
