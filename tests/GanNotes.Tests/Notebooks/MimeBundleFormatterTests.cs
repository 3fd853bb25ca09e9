using GanNotes.Notebooks;
using GanNotes.Tests.Notebooks.Convention;

namespace GanNotes.Tests.Notebooks
{
    public class MimeBundleFormatterTests
    {
        private static Dictionary<string, string> Format(object? value, params string[] mimeTypes) =>
            MimeBundleFormatter.Format(value, mimeTypes).Entries.ToDictionary(e => e.Key, e => e.Value);

        [Fact]
        public void Format_TwoFormattersNoPreferredMimeTypes_ShowsBoth()
        {
            var data = Format(new TwoFormats());

            Assert.Equal("<i>two</i>", data["text/html"]);
            Assert.Equal("cG5n", data["image/png"]);
            Assert.Equal(2, data.Count);
        }

        [Fact]
        public void Format_PreferredMimeTypes_ShowsExactlyThose()
        {
            Assert.Equal(["image/png"], Format(new PrefersPng()).Keys);
        }

        [Fact]
        public void Format_AttributeOnBaseType_AppliesToDerivedType()
        {
            Assert.Equal("<i>two</i>", Format(new DerivedTwoFormats())["text/html"]);
        }

        [Fact]
        public void Format_FormatterDeclines_MimeTypeLeftOut()
        {
            var data = Format(new Declined());

            Assert.Equal(["image/png"], data.Keys);
        }

        [Fact]
        public void Format_RequestedPlainTextWithoutPlainFormatter_UsesToString()
        {
            Assert.Equal("TwoFormats!", Format(new TwoFormats(), "text/plain")["text/plain"]);
        }

        [Fact]
        public void Format_RequestedMimeTypeWithoutFormatter_ThrowsLikeDotNetInteractive()
        {
            var e = Assert.Throws<InvalidOperationException>(() => Format(new TwoFormats(), "application/json"));

            Assert.Equal("No formatter is registered for MIME type application/json.", e.Message);
        }

        [Fact]
        public void Format_FormatterThrows_ItsOwnExceptionSurfaces()
        {
            var e = Assert.Throws<InvalidOperationException>(() => Format(new Throws()));

            Assert.Equal("formatter failed", e.Message);
        }

        [Fact]
        public void Format_ValuesWithoutFormatters_AreTextHtmlAsInDotnetInteractive()
        {
            Assert.Equal("hello", Assert.Single(Format("hello"), e => e.Key == "text/plain").Value);
            Assert.Equal(Pre("&lt;null&gt;"), Format(null)["text/html"]);
            Assert.Equal(Pre("0.5"), Format(0.5)["text/html"]);
            Assert.Equal(Pre("[ 1, 2, 3 ]"), Format(new List<int> { 1, 2, 3 })["text/html"]);
            Assert.Equal(Pre("[ [a, 1] ]"), Format(new Dictionary<string, int> { ["a"] = 1 })["text/html"]);
            Assert.EndsWith(", 19 ... (5 more) ]</pre></div>", Format(Enumerable.Range(0, 25).ToArray())["text/html"], StringComparison.Ordinal);
            Assert.Equal(Pre(typeof(Plain).FullName!), Format(new Plain())["text/html"]);
            Assert.Single(Format(new Plain()));
        }

        [Fact]
        public void Format_ValuesWithoutFormattersAsTextPlain_TheirText()
        {
            Assert.Equal("<null>", Format(null, "text/plain")["text/plain"]);
            Assert.Equal("0.5", Format(0.5, "text/plain")["text/plain"]);
            Assert.Equal("[ 1, 2, 3 ]", Format(new List<int> { 1, 2, 3 }, "text/plain")["text/plain"]);
        }

        private static string Pre(string encoded) => $"<div class=\"dni-plaintext\"><pre>{encoded}</pre></div>";

        [Fact]
        public void Format_HtmlString_IsTextHtml()
        {
            var data = Format(NotebookKernel.HTML("<p>x</p>"));

            Assert.Equal(["text/html"], data.Keys);
            Assert.Equal("<p>x</p>", data["text/html"]);
        }

        [Fact]
        public void Format_RequestedHtmlForPlainValue_EscapesIntoPreBlock()
        {
            Assert.Equal("<div class=\"dni-plaintext\"><pre>1 &lt; 2</pre></div>", Format(new Plain.WithText("1 < 2"), "text/html")["text/html"]);
        }
    }

    internal sealed class Plain
    {
        internal sealed record WithText(string Text)
        {
            public override string ToString() => Text;
        }
    }
}

// The convention is matched by names only: this attribute, in a namespace of its own, is not .NET Interactive's.
namespace GanNotes.Tests.Notebooks.Convention
{
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
    {
        public Type FormatterSourceType { get; } = formatterSourceType;

        public string[]? PreferredMimeTypes { get; set; }
    }

    [TypeFormatterSource(typeof(Source))]
    internal class TwoFormats
    {
        public override string ToString() => "TwoFormats!";
    }

    internal sealed class DerivedTwoFormats : TwoFormats;

    [TypeFormatterSource(typeof(Source), PreferredMimeTypes = ["image/png"])]
    internal sealed class PrefersPng;

    [TypeFormatterSource(typeof(Source))]
    internal sealed class Declined;

    [TypeFormatterSource(typeof(Source))]
    internal sealed class Throws;

    internal sealed class Source
    {
#pragma warning disable CA1822 // The convention calls CreateTypeFormatters on an instance.
        public IEnumerable<object> CreateTypeFormatters() => [new Formatter("text/html"), new Formatter("image/png")];
#pragma warning restore CA1822
    }

    internal sealed class Formatter(string mimeType)
    {
        public string MimeType { get; } = mimeType;

        public bool Format(object value, TextWriter writer)
        {
            if (value is Throws)
            {
                throw new InvalidOperationException("formatter failed");
            }
            if (value is Declined && MimeType == "text/html")
            {
                return false;
            }
            writer.Write(MimeType == "text/html" ? "<i>two</i>" : "cG5n");
            return true;
        }
    }
}
