using System.Text.Json.Nodes;
using static GanNotes.Tests.Testing.HandMadeNotebook;

namespace GanNotes.Tests.Testing;

/// <summary>The constants a notebook lists with their source: read when well formed, refused with the entry named otherwise.</summary>
public sealed class NotebookConstantsTests
{
    private static JsonObject Constants(params JsonNode?[] entries) => new() { ["constants"] = new JsonArray(entries) };

    private static JsonObject Entry(string value, string source) => new() { ["value"] = value, ["source"] = source };

    [Fact]
    public void Read_WellFormedEntries_GiveValueSourceAndNumber()
    {
        var notebook = Of([], Constants(Entry("0.00001", "seed 004: lr 0.00001"), Entry("99.1%", "paper"), Entry("60,000", "data/README.md")));

        var constants = NotebookConstants.Read(notebook);

        Assert.Equal(["0.00001", "99.1%", "60,000"], constants.Select(c => c.Value));
        Assert.Equal([0.00001, 99.1, 60000], constants.Select(c => c.Number));
        Assert.Equal([false, true, false], constants.Select(c => c.IsPercent));
        Assert.Equal("seed 004: lr 0.00001", constants[0].Source);
    }

    [Fact]
    public void Read_NoConstants_IsEmpty() =>
        Assert.Empty(NotebookConstants.Read(Of([], new JsonObject { ["quick"] = new JsonObject() })));

    [Theory]
    [InlineData("{\"constants\": {\"value\": \"1\"}}", "metadata.gan_notes.constants must be a list")]
    [InlineData("{\"constants\": [\"0.00001\"]}", "constants[0] must be an object")]
    [InlineData("{\"constants\": [{\"value\": 0.00001, \"source\": \"seed 004\"}]}", "constants[0]: \"value\" must be a non-empty string, not 0.00001")]
    [InlineData("{\"constants\": [{\"value\": \"0.2\"}]}", "constants[0]: \"source\" must be a non-empty string, not missing")]
    [InlineData("{\"constants\": [{\"value\": \"0.2\", \"source\": \" \"}]}", "\"source\" must be a non-empty string")]
    [InlineData("{\"constants\": [{\"value\": \"0.2\", \"source\": \"s\"}, {\"value\": \"lr 0.2\", \"source\": \"s\"}]}", "constants[1]: value \"lr 0.2\" is not one number")]
    [InlineData("{\"constants\": [{\"value\": \"0.2 or 0.3\", \"source\": \"s\"}]}", "value \"0.2 or 0.3\" is not one number")]
    [InlineData("{\"constants\": [{\"value\": \"0.2\", \"source\": \"s\", \"cell\": 3}]}", "constants[0] has the key \"cell\"")]
    public void Read_MalformedEntry_ThrowsNamingNotebookEntryAndValue(string ganNotes, string message)
    {
        var notebook = Of([], JsonNode.Parse(ganNotes)!.AsObject());

        var error = Assert.Throws<InvalidDataException>(() => NotebookConstants.Read(notebook));

        Assert.StartsWith("hand-made.ipynb: metadata.gan_notes.constants", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
