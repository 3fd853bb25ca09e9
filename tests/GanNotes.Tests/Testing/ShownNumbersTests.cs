using System.Text.Json.Nodes;
using static GanNotes.Tests.Testing.HandMadeNotebook;

namespace GanNotes.Tests.Testing;

/// <summary>Which numbers a notebook shows: outputs, code, quick settings and listed constants, not charts' data or images.</summary>
public sealed class ShownNumbersTests
{
    [Fact]
    public void InText_OutputForms_AreRead() =>
        Assert.Equal(
            [(24.1, false), (134, false), (54, true), (1505680, false), (0.5, true), (1197, false), (233, false), (6.0, false)],
            ShownNumbers.InText("non-saturating 2.41E+001, ratio 134; 54 % of 1,505,680; 0.5% and 1197x233 (epoch_006)"));

    [Fact]
    public void InCode_Literals_AreReadAndNamesAreNot() =>
        Assert.Equal([5, 0.0002, 60000, 0.5, 4],
            ShownNumbers.InCode("int k = 5; var opt = new Adam(p, lr: 2e-4f); int n = 60_000; double h = 0.5; // x.F3, zDim8, {v:F4}\nMath.Log(4)"));

    [Fact]
    public void Of_Notebook_ReadsOutputsCodeQuickSettingsAndConstants()
    {
        var notebook = Of(
            [
                Markdown("text 0.894 is not shown by itself"),
                Code("int k = 5;", Stdout("mean D(G(z)) 0.0039\n")),
                Code("table", Result(("text/html", "<table><tr><td>FD</td><td>27.22</td></tr></table>"), ("text/plain", "Table"))),
            ],
            new JsonObject
            {
                ["quick"] = new JsonObject { ["epochs"] = 2 },
                ["constants"] = new JsonArray(new JsonObject { ["value"] = "0.00001", ["source"] = "seed 004: lr 0.00001" }),
            });

        var shown = ShownNumbers.Of(notebook).All;

        Assert.Equal([5, 0.0039, 27.22, 2, 0.00001], shown.Select(s => s.Value));
        Assert.Equal(["code of cell 1", "output of cell 1", "output of cell 2", "quick setting epochs", "constant (seed 004: lr 0.00001)"],
            shown.Select(s => s.Where));
    }

    [Fact]
    public void Of_ChartsAndImages_ShowOnlyTheirPlainText()
    {
        var chart = Result(
            ("text/html", "<div></div><script>Plotly.newPlot('p', [{\"y\": [0.894, 0.104]}])</script>"),
            ("image/png", "iVBORw0KGgo="),
            ("text/plain", "Figure \"learning rate 1e-3\": 2 traces"));
        var notebook = Of([Code("chart", chart)]);

        var shown = ShownNumbers.Of(notebook).All.Select(s => s.Value);

        Assert.Equal([0.001, 2], shown);
    }

    [Fact]
    public void Find_QuotedNumber_GivesWhereItIsShown()
    {
        var shown = ShownNumbers.Of(Of([Code("var x = 1;", Stdout("5% of samples: 54 % of the weight\n"))]));

        Assert.Equal("output of cell 0", shown.Find(ProseNumbers.Read("carry 54% of it")[0])?.Where);
        Assert.Null(shown.Find(ProseNumbers.Read("the 13 samples")[0]));
    }
}
