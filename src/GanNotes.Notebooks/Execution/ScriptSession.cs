using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace GanNotes.Notebooks;

/// <summary>
/// One notebook's C# session on Roslyn scripting, set up like .NET Interactive's CSharpKernel
/// (dotnet/interactive, src/Microsoft.DotNet.Interactive.CSharp/CSharpKernel.cs): the same
/// default imports, <c>#r</c> resolved against the notebook's folder, each cell a submission
/// continuing the previous one's state, and a trailing expression's value as the cell result.
/// Not thread-safe: cells run one after another.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>.NET Interactive's default imports for C#.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    ];

    // .NET Interactive asks Roslyn the same (internal) question; the syntax check is the fallback.
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

    private readonly ScriptOptions options;
    private readonly string notebookFileName;
    private ScriptState<object>? state;

    /// <summary>The notebook's folder: <c>#r</c> paths are relative to it.</summary>
    public string NotebookFolder { get; }

    public ScriptSession(string notebookPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        notebookFileName = Path.GetFileName(notebookPath);
        NotebookFolder = folder;
        options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports.Append(typeof(NotebookKernel).FullName!).Append(typeof(DisplayExtensions).FullName!))
            .AddReferences(typeof(NotebookKernel).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithOptimizationLevel(OptimizationLevel.Release)
            // Debug information gives runtime errors their cell line numbers.
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>
    /// Starts the script engine with an empty submission, as .NET Interactive does before its
    /// first cell: Roslyn loads, compiles against the references and JITs its compiler here
    /// (1-3 s), so that start-up is not charged to the first cell's time or its time limit.
    /// </summary>
    public void WarmUp()
    {
        if (state is not null)
        {
            return;
        }
        state = CSharpScript.RunAsync<object>("", options.WithFilePath(notebookFileName)).GetAwaiter().GetResult();
        // A throwaway submission with a declaration, a lambda and a value JITs the binder paths
        // that nearly every first cell takes; it is not part of the notebook's state.
        state.Script.ContinueWith<object>("int warm = 1; var warmList = new List<int> { warm }; warmList.Select(x => x + 1).Sum()", options)
            .RunFromAsync(state).GetAwaiter().GetResult();
    }

    /// <summary>The name a cell's code has in stack traces, e.g. <c>01-intro.ipynb[cell 4]</c>.</summary>
    public string CellFileName(int cellNumber) => $"{notebookFileName}[cell {cellNumber}]";

    /// <summary>
    /// Compiles and runs one cell on the calling thread; outputs go to <paramref name="outputs"/>.
    /// Returns the error when the cell fails (the session keeps the state before the cell).
    /// </summary>
    public CellError? Execute(string code, int cellNumber, int executionCount, CellOutputs outputs)
    {
        string file = CellFileName(cellNumber);
        var cellOptions = options.WithFilePath(file);
        var script = state is null
            ? CSharpScript.Create<object>(code, cellOptions)
            : state.Script.ContinueWith<object>(code, cellOptions);

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return ErrorReport.FromCompilation(errors);
        }
        AssemblyProbe.Register(script.GetCompilation().DirectiveReferences);

        var next = (state is null
                ? script.RunAsync(globals: null, catchException: _ => true)
                : script.RunFromAsync(state, catchException: _ => true))
            .GetAwaiter().GetResult();
        // .NET Interactive reports every diagnostic of the submission, warnings included, on
        // stderr once the cell has run (before its result or exception), so our runner does too:
        // a cell with a warning is not clean in Polyglot, and must not look clean here.
        var diagnostics = script.GetCompilation().GetDiagnostics();
        if (diagnostics.Length > 0)
        {
            outputs.WriteStream("stderr", ErrorReport.DiagnosticsText(diagnostics));
        }
        if (next.Exception is { } exception)
        {
            return ErrorReport.FromException(exception, file, NotebookFolder);
        }
        state = next;
        // A trailing display(x) is not shown twice (dotnet-repl skips a DisplayedValue result too).
        if (HasReturnValue(script) && next.ReturnValue is not DisplayedValue)
        {
            outputs.AddExecuteResult(executionCount, MimeBundleFormatter.Format(next.ReturnValue, null));
        }
        return null;
    }

    private static bool HasReturnValue(Script script)
    {
        if (HasReturnValueMethod?.Invoke(script, null) is bool hasValue)
        {
            return hasValue;
        }
        // A last statement that is an expression without its semicolon is the submission's value.
        var root = script.GetCompilation().SyntaxTrees.Last().GetCompilationUnitRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            && statement.SemicolonToken.IsMissing;
    }
}
