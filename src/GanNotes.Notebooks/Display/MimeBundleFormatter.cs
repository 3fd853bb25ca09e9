using System.Globalization;

namespace GanNotes.Notebooks;

/// <summary>
/// Turns a displayed value into the mime bundle of one Jupyter output, choosing the mime types
/// as .NET Interactive's <c>FormattedValue.CreateManyFromObject</c> does, with one deliberate
/// difference for types without preferred mime types (see <see cref="Format"/>).
/// </summary>
internal static class MimeBundleFormatter
{
    /// <summary>
    /// Formats <paramref name="value"/>. Mime types: those asked for; else the attribute's
    /// <c>PreferredMimeTypes</c>; else every mime type the type has a formatter for (.NET
    /// Interactive would show only its default, text/html); else text/html, as .NET Interactive
    /// shows a value without a formatter (numbers, null, records, lists: their text in a
    /// <c>pre</c> block). Strings are text/plain; <see cref="HtmlString"/> is text/html.
    /// </summary>
    /// <exception cref="InvalidOperationException">A mime type was asked for that nothing can produce.</exception>
    public static MimeBundle Format(object? value, IReadOnlyList<string>? requestedMimeTypes)
    {
        var requested = requestedMimeTypes?.Where(m => !string.IsNullOrWhiteSpace(m)).ToList() ?? [];
        var bundle = new MimeBundle();
        switch (value)
        {
            case null:
                foreach (var mimeType in requested.DefaultIfEmpty(PlainText.HtmlMimeType))
                {
                    bundle.Add(mimeType, mimeType == PlainText.HtmlMimeType ? PlainText.FormatAsHtml(null) : PlainText.NullText);
                }
                return bundle;
            case string text:
                foreach (var mimeType in requested.DefaultIfEmpty(PlainText.MimeType))
                {
                    bundle.Add(mimeType, text);
                }
                return bundle;
            case HtmlString html:
                foreach (var mimeType in requested.DefaultIfEmpty(PlainText.HtmlMimeType))
                {
                    bundle.Add(mimeType, html.Value);
                }
                return bundle;
        }

        var type = value.GetType();
        var set = ConventionFormatters.For(type);
        var relevant = set.Formatters.Where(f => f.FormattedType.IsAssignableFrom(type)).ToList();
        bool explicitRequest = requested.Count > 0;
        var mimeTypes = explicitRequest
            ? requested
            : set.PreferredMimeTypes?.ToList() ?? relevant.Select(f => f.MimeType).Distinct().ToList();
        if (mimeTypes.Count == 0)
        {
            // No formatter of its own: .NET Interactive's default mime type, text/html.
            mimeTypes = [PlainText.HtmlMimeType];
        }

        foreach (var mimeType in mimeTypes)
        {
            if (TryFormat(value, relevant.Where(f => f.MimeType == mimeType), out var text))
            {
                bundle.Add(mimeType, text);
            }
            else if (mimeType == PlainText.MimeType)
            {
                bundle.Add(mimeType, PlainText.Format(value));
            }
            else if (mimeType == PlainText.HtmlMimeType && !relevant.Any(f => f.MimeType == mimeType))
            {
                bundle.Add(mimeType, PlainText.FormatAsHtml(value));
            }
            else if (explicitRequest && !relevant.Any(f => f.MimeType == mimeType))
            {
                // .NET Interactive's message for the same case.
                throw new InvalidOperationException($"No formatter is registered for MIME type {mimeType}.");
            }
            // else: a formatter declined this value (returned false); leave the mime type out.
        }
        if (bundle.Entries.Count == 0)
        {
            bundle.Add(PlainText.MimeType, PlainText.Format(value));
        }
        return bundle;
    }

    private static bool TryFormat(object value, IEnumerable<ConventionFormatter> formatters, out string text)
    {
        foreach (var formatter in formatters)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            if (formatter.Format(value, writer))
            {
                text = writer.ToString();
                return true;
            }
        }
        text = "";
        return false;
    }
}
