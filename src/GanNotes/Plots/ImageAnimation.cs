using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GanNotes.IO;

namespace GanNotes.Plots;

/// <summary>
/// Pictures in order (a generator's fixed-noise grid after each epoch) shown as one picture
/// with a slider and a Play button, the role of matplotlib's <c>ArtistAnimation</c> in the
/// PyTorch DCGAN tutorial.
/// </summary>
/// <remarks>
/// The HTML needs no library: the frames are inline PNGs and a few lines of script swap them.
/// Where scripts do not run (a static notebook viewer, a PNG file), the animation falls back to
/// <see cref="Strip"/>: up to <see cref="StripFrames"/> frames, evenly spaced, side by side,
/// first and last included, each with its label written under it (<see cref="ImageGrid.WithLabel"/>);
/// the text output names the frames it shows.
/// </remarks>
[TypeFormatterSource(typeof(ImageAnimationFormatterSource), PreferredMimeTypes = [Figure.HtmlMimeType, Figure.PngMimeType, Figure.PlainTextMimeType])]
public sealed class ImageAnimation
{
    private readonly List<(string Label, ImageGrid Picture)> frames = [];

    /// <summary>An empty animation with a title.</summary>
    public ImageAnimation(string title = "")
    {
        Title = title ?? "";
    }

    /// <summary>Shown above the picture.</summary>
    public string Title { get; set; }

    /// <summary>The most frames the static strip shows (default 5).</summary>
    public int StripFrames { get; set; } = 5;

    /// <summary>Milliseconds per frame when playing (default 400).</summary>
    public int FrameMilliseconds { get; set; } = 400;

    /// <summary>The frames, in order, each with its label (e.g. "epoch 20").</summary>
    public IReadOnlyList<(string Label, ImageGrid Picture)> Frames => frames;

    /// <summary>Appends a frame.</summary>
    /// <param name="label">What the frame shows, e.g. "epoch 20": shown beside the slider and written under the frame in the strip (printable ASCII; empty for none).</param>
    /// <param name="picture">The frame.</param>
    /// <exception cref="ArgumentException">The label holds a character the strip's font cannot draw; the message names it.</exception>
    public ImageAnimation Add(string label, ImageGrid picture)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(picture);
        if (label.Length > 0)
        {
            _ = BitmapFont.Measure(label);
        }
        frames.Add((label, picture));
        return this;
    }

    /// <summary>The indices of the frames in the static strip: evenly spaced, first and last included.</summary>
    public IReadOnlyList<int> StripIndices()
    {
        int n = frames.Count, k = Math.Min(Math.Max(StripFrames, 1), n);
        if (k <= 1)
        {
            return n == 0 ? [] : [n - 1];
        }
        return [.. Enumerable.Range(0, k).Select(i => (int)Math.Round(i * (n - 1) / (double)(k - 1), MidpointRounding.AwayFromZero)).Distinct()];
    }

    /// <summary>The static fallback: the <see cref="StripIndices"/> frames side by side, 12 pixels apart, each labelled under it.</summary>
    /// <exception cref="InvalidOperationException">The animation has no frames.</exception>
    public ImageGrid Strip() => frames.Count == 0
        ? throw new InvalidOperationException("The animation has no frames yet.")
        : ImageGrid.Row(StripIndices().Select(i => frames[i].Label.Length > 0 ? frames[i].Picture.WithLabel(frames[i].Label) : frames[i].Picture), gap: 12);

    /// <summary>The strip as a PNG file's bytes.</summary>
    public byte[] ToPng() => Strip().ToPng();

    /// <summary>A self-contained HTML fragment: title, picture, Play button, slider and the frame's label.</summary>
    /// <exception cref="InvalidOperationException">The animation has no frames.</exception>
    public string ToHtml()
    {
        if (frames.Count == 0)
        {
            throw new InvalidOperationException("The animation has no frames yet.");
        }
        string id = "gan-notes-animation-" + Guid.NewGuid().ToString("N")[..12];
        var sources = frames.Select(f => "data:image/png;base64," + Convert.ToBase64String(f.Picture.ToPng())).ToList();
        int width = frames.Max(f => f.Picture.Width), height = frames.Max(f => f.Picture.Height);
        int last = frames.Count - 1;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" style=\"font-family:sans-serif;font-size:14px;\">");
        if (Title.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div style=\"font-weight:bold;margin-bottom:4px;\">{WebUtility.HtmlEncode(Title)}</div>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{sources[last]}\" width=\"{width}\" height=\"{height}\" alt=\"{WebUtility.HtmlEncode(frames[last].Label)}\" style=\"image-rendering:pixelated;display:block;\">");
        html.Append("<div style=\"margin-top:4px;\"><button type=\"button\">Play</button> ");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"range\" min=\"0\" max=\"{last}\" value=\"{last}\" style=\"width:{Math.Max(width - 160, 120)}px;vertical-align:middle;\"> ");
        html.Append(CultureInfo.InvariantCulture, $"<span>{WebUtility.HtmlEncode(frames[last].Label)}</span></div>");
        html.Append("<script>(function(){");
        html.Append(CultureInfo.InvariantCulture, $"var root=document.getElementById({JsonSerializer.Serialize(id)});");
        html.Append(CultureInfo.InvariantCulture, $"var src={JsonSerializer.Serialize(sources)};var labels={JsonSerializer.Serialize(frames.Select(f => f.Label))};");
        html.Append("var img=root.querySelector('img'),slider=root.querySelector('input'),label=root.querySelector('span'),button=root.querySelector('button'),timer=null;");
        html.Append("function show(i){img.src=src[i];img.alt=labels[i];label.textContent=labels[i];slider.value=i;}");
        html.Append("slider.addEventListener('input',function(){show(+slider.value);});");
        html.Append(CultureInfo.InvariantCulture, $"button.addEventListener('click',function(){{if(timer){{clearInterval(timer);timer=null;button.textContent='Play';return;}}var i=+slider.value>={last}?0:+slider.value;show(i);button.textContent='Pause';");
        html.Append(CultureInfo.InvariantCulture, $"timer=setInterval(function(){{i++;if(i>{last}){{clearInterval(timer);timer=null;button.textContent='Play';return;}}show(i);}},{FrameMilliseconds});}});");
        html.Append("})();</script></div>");
        return html.ToString();
    }

    /// <summary>Writes a standalone HTML page of the animation atomically.</summary>
    public void SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string title = WebUtility.HtmlEncode(Title.Length > 0 ? Title : "Samples");
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n{ToHtml()}\n</body></html>\n"));
    }

    /// <summary>Writes the static strip as a PNG atomically.</summary>
    public void SavePng(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng());
    }

    /// <summary>A one-line summary naming the frames and the strip's frames.</summary>
    public override string ToString()
    {
        if (frames.Count == 0)
        {
            return "ImageAnimation: no frames";
        }
        string strip = string.Join(", ", StripIndices().Select(i => frames[i].Label));
        return $"ImageAnimation: {frames.Count} frames, {frames[0].Label} to {frames[^1].Label}; the static image shows {strip}";
    }
}
