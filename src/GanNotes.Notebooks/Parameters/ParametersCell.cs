using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GanNotes.Notebooks;

/// <summary>
/// papermill's convention in C#: the first code cell tagged <c>parameters</c> holds the knobs
/// of a notebook as top-level declarations or assignments with literal values
/// (<c>var epochs = 20;</c>, <c>const int k = 1;</c>, <c>double lr = 2e-4;</c>,
/// <c>bool quick = false;</c>, <c>name = "x";</c>). An override replaces the literal in the
/// code that runs, found with Roslyn's syntax tree; the cell's saved source stays as written.
/// </summary>
internal static class ParametersCell
{
    public const string Tag = "parameters";

    private static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>
    /// Checks every assignment against the notebook's parameters cell and returns the code to
    /// run in its place; null when there is nothing to override.
    /// </summary>
    /// <exception cref="NotebookParameterException">No parameters cell, unknown name, or a value of the wrong type.</exception>
    public static ParameterPlan? Plan(NotebookDocument notebook, IReadOnlyList<ParameterAssignment> assignments)
    {
        if (assignments.Count == 0)
        {
            return null;
        }
        string notebookName = notebook.SourceName;
        int index = notebook.Cells.ToList().FindIndex(c => c.IsCode && c.Tags.Contains(Tag));
        if (index < 0)
        {
            throw new NotebookParameterException(
                $"--set {assignments[0]}: {notebookName} has no code cell tagged \"{Tag}\", so it has no parameters to set");
        }
        string source = notebook.Cells[index].Source;
        var declared = Find(source);
        var replacements = new SortedDictionary<int, (TextSpan Span, string Literal)>();
        var recorded = new JsonObject();
        // The last --set of a name wins, as with most command lines.
        foreach (var assignment in assignments.GroupBy(a => a.Name).Select(g => g.Last()))
        {
            if (!declared.TryGetValue(assignment.Name, out var parameter))
            {
                string known = declared.Count == 0 ? "none" : string.Join(", ", declared.Keys);
                throw new NotebookParameterException(
                    $"--set {assignment}: {notebookName} has no parameter '{assignment.Name}' in its parameters cell (cell {index + 1}; parameters: {known})");
            }
            if (parameter.Type is not ParameterType type)
            {
                throw new NotebookParameterException(
                    $"--set {assignment}: parameter '{assignment.Name}' in {notebookName} is `{parameter.Text}`, which is not an int, long, float, double, bool or string literal, so it cannot be set");
            }
            if (!type.TryConvert(assignment.Value, out string literal, out var json))
            {
                string article = type == ParameterType.Int ? "an" : "a";
                throw new NotebookParameterException(
                    $"--set {assignment}: parameter '{assignment.Name}' in {notebookName} is {article} {type.CSharpName()} (`{parameter.Text}`), and '{assignment.Value}' is not {article} {type.CSharpName()}");
            }
            replacements[parameter.ValueSpan.Start] = (parameter.ValueSpan, literal);
            recorded[assignment.Name] = json;
        }
        string code = source;
        foreach (var (span, literal) in replacements.Values.Reverse())
        {
            code = string.Concat(code.AsSpan(0, span.Start), literal, code.AsSpan(span.End));
        }
        return new ParameterPlan(index, code, recorded);
    }

    /// <summary>The parameters a cell declares, by name (the last declaration of a name wins).</summary>
    public static IReadOnlyDictionary<string, DeclaredParameter> Find(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, ScriptParseOptions).GetCompilationUnitRoot();
        var found = new Dictionary<string, DeclaredParameter>(StringComparer.Ordinal);
        foreach (var member in root.Members)
        {
            switch (member)
            {
                // In a script, a top-level `int epochs = 20;` is a field of the submission.
                case FieldDeclarationSyntax field:
                    AddDeclarators(found, field.Declaration);
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    AddDeclarators(found, local.Declaration);
                    break;
                case GlobalStatementSyntax
                {
                    Statement: ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment },
                } when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is IdentifierNameSyntax target:
                    found[target.Identifier.ValueText] = new DeclaredParameter(
                        LiteralType(assignment.Right), assignment.Right.Span, assignment.ToString());
                    break;
            }
        }
        return found;
    }

    private static void AddDeclarators(Dictionary<string, DeclaredParameter> found, VariableDeclarationSyntax declaration)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Initializer?.Value is not { } value)
            {
                continue;
            }
            // An explicit type decides (`double lr = 1;` is a double); `var` takes the literal's type.
            var literalType = LiteralType(value);
            ParameterType? type = declaration.Type switch
            {
                PredefinedTypeSyntax predefined when literalType is not null => ParameterTypes.FromKeyword(predefined.Keyword.ValueText),
                IdentifierNameSyntax { IsVar: true } => literalType,
                _ => null,
            };
            found[variable.Identifier.ValueText] = new DeclaredParameter(type, value.Span, $"{declaration.Type} {variable}");
        }
    }

    private static ParameterType? LiteralType(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => ParameterTypes.FromValue(literal.Token.Value),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } unary
            when (unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression))
                 && literal.IsKind(SyntaxKind.NumericLiteralExpression) => ParameterTypes.FromValue(literal.Token.Value),
        _ => null,
    };
}

/// <summary>A parameter found in the parameters cell.</summary>
/// <param name="Type">Its type, or null when its value is not a literal of a supported type.</param>
/// <param name="ValueSpan">Where its value is in the cell source.</param>
/// <param name="Text">The declaration as written, for messages.</param>
internal sealed record DeclaredParameter(ParameterType? Type, TextSpan ValueSpan, string Text);

/// <summary>The overrides for one notebook: which cell, the code to run there, and the values to record.</summary>
internal sealed record ParameterPlan(int CellIndex, string Code, JsonObject Recorded);
