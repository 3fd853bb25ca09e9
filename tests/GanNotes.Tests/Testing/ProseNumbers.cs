using System.Globalization;
using System.Text.RegularExpressions;

namespace GanNotes.Tests.Testing;

/// <summary>
/// Reads the numbers of a markdown cell and says which of them the text quotes as a
/// measurement or setting (<see cref="NumberRole.Quoted"/>) and which are something else.
/// </summary>
/// <remarks>
/// Only the prose counts (<see cref="MarkdownProse"/>): numbers inside LaTeX, code, link targets
/// and HTML tags are never read. Of the rest, in this order:
/// <list type="number">
/// <item>a part of a dotted version (1.0.712001) is a <see cref="NumberRole.Version"/>;</item>
/// <item>the first number of a heading is a <see cref="NumberRole.SectionNumber"/>;</item>
/// <item>a number right after notebook, cell, section, §, chapter, Eq., equation, Fig., figure,
/// table, algorithm, theorem, proposition, lemma, corollary, definition, exercise, question,
/// answer, seed, slide, appendix, pixel, class, line or index (singular or plural, any case),
/// and every integer chained to it by a comma, "and", "or", "to", "through" or a dash ("notebooks 04 and 05", "cells 14-16"),
/// is a <see cref="NumberRole.Reference"/>;</item>
/// <item>digits glued to a letter or an underscore before them, to a word by a hyphen or a path
/// by a slash (seed004, V100, mlp-30), or to letters after them that are no unit (28x28, R1x)
/// are a <see cref="NumberRole.WordPart"/>; "1-D" and "2D" are a <see cref="NumberRole.Dimension"/>;</item>
/// <item>a year 1900-2099 where a citation or a date puts it (Goodfellow et al. 2014; Radford,
/// Metz &amp; Chintala 2016); (2016, ...); (Arjovsky and Bottou, 2017); from 2015.) is a
/// <see cref="NumberRole.Year"/>;</item>
/// <item>a number after .NET, C#, Python, PyTorch, CUDA, Zen, Debian, nbformat, Jupyter and
/// a few more names, or after "version", is a <see cref="NumberRole.Version"/>;</item>
/// <item>"N. " or "N) " opening a line is a <see cref="NumberRole.ListMarker"/> when N is 1 or
/// an earlier line of the cell opens with N - 1 (so a sentence that wraps before a number does not
/// hide it);</item>
/// <item>everything else is quoted, with "%", "percent", "thousand", "million", "billion" or a
/// unit glued to it (s, ms, min, h, px, KB, MB, GB, k for thousand, M for million, x for times,
/// and the ordinals' st, nd, rd, th: "the 8th epoch" is a claim).</item>
/// </list>
/// </remarks>
internal static partial class ProseNumbers
{
    /// <summary>Letters that may follow digits directly and leave them a quoted number: units, scales, times, ordinals.</summary>
    private static readonly HashSet<string> Units = new(
        ["s", "ms", "µs", "μs", "ns", "min", "h", "px", "B", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB",
         "x", "k", "K", "M", "st", "nd", "rd", "th"],
        StringComparer.Ordinal);

    /// <summary>Every number of the cell's prose, in order, each with its role.</summary>
    public static IReadOnlyList<ProseNumber> Read(string markdown)
    {
        string prose = MarkdownProse.Of(markdown);
        var versions = DottedVersion().Matches(prose).ToList();
        var numbers = new List<ProseNumber>();
        int? referenceEnd = null;
        foreach (Match match in Number().Matches(prose))
        {
            var role = versions.Any(v => match.Index >= v.Index && match.Index < v.Index + v.Length)
                ? NumberRole.Version
                : Classify(prose, match, referenceEnd);
            numbers.Add(Measure(prose, match, role));
            referenceEnd = role == NumberRole.Reference ? match.Index + match.Length : null;
        }
        return numbers;
    }

    /// <param name="referenceEnd">Where the previous number ends when it was a reference, else null.</param>
    private static NumberRole Classify(string prose, Match number, int? referenceEnd)
    {
        int start = number.Index, end = number.Index + number.Length;
        string before = prose[Math.Max(0, start - 60)..start];
        string line = prose[(prose.LastIndexOf('\n', Math.Max(0, start - 1)) + 1)..start];
        bool integer = IsPlainInteger(number.Value);

        if (HeadingStart().IsMatch(line))
        {
            return NumberRole.SectionNumber;
        }
        if (ReferenceWord().IsMatch(before)
            || (integer && referenceEnd is int chained && ChainLink().IsMatch(prose[chained..start])))
        {
            return NumberRole.Reference;
        }
        if (start > 0 && GluedBefore(prose, start))
        {
            return NumberRole.WordPart;
        }
        string letters = LettersAfter().Match(prose, end).Value;
        if (letters.Length > 0 || (end + 1 < prose.Length && prose[end] == '-' && char.IsLetter(prose[end + 1])))
        {
            if (DimensionAfter().IsMatch(prose[end..Math.Min(prose.Length, end + 4)]))
            {
                return NumberRole.Dimension;
            }
            bool unit = Units.Contains(letters) && !(letters == "x" && end + 1 < prose.Length && char.IsDigit(prose[end + 1]));
            if (letters.Length > 0 && !unit)
            {
                return NumberRole.WordPart;
            }
        }
        if (integer && IsYear(number.Value, before, prose[end..]))
        {
            return NumberRole.Year;
        }
        if (ProductName().IsMatch(before))
        {
            return NumberRole.Version;
        }
        if (integer && line.Trim(' ', '\t', '>').Length == 0 && ListMarkerAfter().IsMatch(prose[end..]))
        {
            int n = int.Parse(number.Value, CultureInfo.InvariantCulture);
            if (n == 1 || Regex.IsMatch(prose[..start], $@"(?m)^[ \t>]*0*{n - 1}[.)][ \t]"))
            {
                return NumberRole.ListMarker;
            }
        }
        return NumberRole.Quoted;
    }

    /// <summary>
    /// 1900-2099 where a citation or a date puts it: after "et al." or a month; after "(" or a
    /// capitalised name and before ",", ")" or ";"; after ", " and before ")"; after "in", "from",
    /// "since", "until" or "by" and before the end of a clause. "2000 samples" is no year.
    /// </summary>
    private static bool IsYear(string digits, string before, string after) =>
        digits.Length == 4 && digits[..2] is "19" or "20"
        && (YearBefore().IsMatch(before)
            || (YearOpening().IsMatch(before) && YearClosing().IsMatch(after))
            || (CitationComma().IsMatch(before) && after.TrimStart().StartsWith(')'))
            || (YearInSentence().IsMatch(before) && SentencePunctuation().IsMatch(after)));

    /// <summary>Digits glued to a word: a letter, digit or underscore before them, or a hyphen, dot or slash after a letter.</summary>
    private static bool GluedBefore(string prose, int start)
    {
        char prev = prose[start - 1];
        if (char.IsLetterOrDigit(prev) || prev == '_')
        {
            return true;
        }
        return prev is '-' or '.' or '/' && start >= 2 && (char.IsLetter(prose[start - 2]) || prose[start - 2] == '_');
    }

    private static ProseNumber Measure(string prose, Match number, NumberRole role)
    {
        int start = number.Index, end = number.Index + number.Length;
        string digits = number.Value.Replace(",", "", StringComparison.Ordinal);
        int exponentAt = digits.IndexOfAny(['e', 'E']);
        string mantissa = exponentAt < 0 ? digits : digits[..exponentAt];
        int exponent = exponentAt < 0 ? 0 : int.Parse(digits[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int decimals = mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.Length - mantissa.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

        var after = Suffix().Match(prose, end);
        string suffix = role == NumberRole.Quoted ? after.Value : "";
        double scale = suffix.Trim() switch
        {
            "k" or "K" or "thousand" => 1e3,
            "M" or "million" => 1e6,
            "billion" => 1e9,
            _ => 1,
        };
        bool percent = suffix.Trim() is "%" or "percent";
        bool signed = start >= 1 && prose[start - 1] is '-' or '−' && (start == 1 || prose[start - 2] is ' ' or '\n' or '(' or '[');
        string text = (signed ? prose[start - 1].ToString() : "") + number.Value + suffix;
        double value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) * scale;
        return new ProseNumber(text, start, role, value, Math.Pow(10, exponent - decimals) * scale, percent);
    }

    private static bool IsPlainInteger(string number) => number.All(char.IsDigit);

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?(?:[eE][-+]?\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+){2,}")]
    private static partial Regex DottedVersion();

    [GeneratedRegex(@"^[ \t>]*#{1,6}[ \t]+(?:§[ \t]*)?$")]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"(?<!\p{L})(?:(?:notebooks?|cells?|sections?|chapters?|equations?|figures?|tables?|algorithms?|theorems?|propositions?|lemmas?|corollar(?:y|ies)|definitions?|exercises?|questions?|answers?|seeds?|slides?|appendix|pixels?|class(?:es)?|lines?|index)(?=[\s~])|eqs?\.|figs?\.|alg\.|§)[ \t~]*(?:\n[ \t>]*)?(?:\(|no\.[ \t]*)?\z", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceWord();

    [GeneratedRegex(@"^\s*(?:,\s*(?:and|or)?|and|or|to|through|[-–—&/])\s*$")]
    private static partial Regex ChainLink();

    [GeneratedRegex(@"\G[\p{L}µ]+")]
    private static partial Regex LettersAfter();

    [GeneratedRegex(@"^-?[Dd](?!\p{L})")]
    private static partial Regex DimensionAfter();

    [GeneratedRegex(@"et al\.,?\s*\z|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\z")]
    private static partial Regex YearBefore();

    [GeneratedRegex(@"(?:\(|\p{Lu}[\p{L}'’-]+\s+)\z")]
    private static partial Regex YearOpening();

    [GeneratedRegex(@",\s*\z")]
    private static partial Regex CitationComma();

    [GeneratedRegex(@"^\s*[,);]")]
    private static partial Regex YearClosing();

    [GeneratedRegex(@"(?<!\p{L})(?:in|from|since|until|by)\s+\z", RegexOptions.IgnoreCase)]
    private static partial Regex YearInSentence();

    [GeneratedRegex(@"^[.,;)](?:\s|$)")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"(?:\.NET|C#|F#|Python|PyTorch|CUDA|Zen|Debian|Ubuntu|nbformat|Jupyter|TorchSharp|libtorch|ILGPU|Chromium|Node|[Vv]ersion)\s*\z")]
    private static partial Regex ProductName();

    [GeneratedRegex(@"^[.)][ \t]")]
    private static partial Regex ListMarkerAfter();

    [GeneratedRegex(@"\G(?: ?%| percent\b| (?:thousand|million|billion)\b|(?:k|K|M)(?!\p{L}))")]
    private static partial Regex Suffix();
}
