using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// Reads a check cell's verdict from its outputs: the first line that starts with "✓" (passed),
/// "✗" (wrong) or "○" (not yet), as <c>GanNotes.Gan.CheckResult</c> prints it.
/// </summary>
public static class CheckOutput
{
    /// <summary>The verdict and its message; null when no output line carries one.</summary>
    /// <param name="outputs">The cell's saved outputs (Jupyter's format).</param>
    public static (GradeVerdict Verdict, string Message)? Read(JsonArray outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var output in outputs.OfType<JsonObject>())
        {
            string text = (string?)output["output_type"] switch
            {
                "stream" when (string?)output["name"] == "stdout" => MultilineText.Join(output["text"]),
                "execute_result" or "display_data" => MultilineText.Join(output["data"]?["text/plain"]),
                _ => "",
            };
            foreach (var line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.Length < 2)
                {
                    continue;
                }
                var verdict = trimmed[0] switch
                {
                    '\u2713' => GradeVerdict.Passed,
                    '\u2717' => GradeVerdict.Wrong,
                    '\u25CB' => GradeVerdict.NotYet,
                    _ => (GradeVerdict?)null,
                };
                if (verdict is GradeVerdict v)
                {
                    return (v, trimmed[1..].Trim());
                }
            }
        }
        return null;
    }
}
