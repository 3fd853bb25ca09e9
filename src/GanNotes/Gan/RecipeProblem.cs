namespace GanNotes.Gan;

/// <summary>Why a <see cref="GanRecipe"/> cannot run: the setting, its value and the rule it breaks.</summary>
/// <param name="Setting">The setting's config.json name, e.g. <c>lr</c> or <c>batch_size</c> (the command-line option is <c>--lr</c>, <c>--batch-size</c>).</param>
/// <param name="Value">The offending value as text.</param>
/// <param name="Reason">The rule, e.g. "the learning rate must be positive and finite".</param>
public sealed record RecipeProblem(string Setting, string Value, string Reason)
{
    /// <summary>The command-line option of the setting: <c>--batch-size</c> for <c>batch_size</c>.</summary>
    public string Option => "--" + Setting.Replace('_', '-');

    /// <summary>One line: "invalid lr -1: the learning rate must be positive and finite".</summary>
    public override string ToString() => $"invalid {Setting} {Value}: {Reason}";
}
