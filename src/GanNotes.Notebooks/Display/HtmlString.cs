namespace GanNotes.Notebooks;

/// <summary>
/// Text that is already HTML: what <see cref="NotebookKernel.HTML"/> returns, shown as
/// <c>text/html</c> without escaping (.NET Interactive's <c>IHtmlContent</c>).
/// </summary>
public sealed class HtmlString
{
    /// <summary>Wraps <paramref name="value"/>, which must already be HTML.</summary>
    public HtmlString(string value)
    {
        Value = value ?? "";
    }

    /// <summary>The HTML text.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
