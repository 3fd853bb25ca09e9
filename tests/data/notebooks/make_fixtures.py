"""Writes the fixture notebooks of the notebook runner tests with Jupyter's own nbformat.

Run from anywhere with Debian's python3-nbformat:  /usr/bin/python3 tests/data/notebooks/make_fixtures.py
The notebooks follow the Polyglot Notebooks metadata contract in design.md ("Notebooks: the compatibility contract").
"""
import os

import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_raw_cell, new_output

out = os.path.dirname(os.path.abspath(__file__))
META = {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "C#"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}},
}
def cs(src, **kw):
    c = new_code_cell(src, **kw)
    c.metadata.update({"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}})
    return c
def md(src):
    return new_markdown_cell(src)
def save(name, cells, extra_meta=None):
    nb = new_notebook(cells=cells, metadata=dict(META, **(extra_meta or {})))
    for i, c in enumerate(nb.cells):
        c.id = f"{name.split('.')[0]}-{i+1}"
    nbformat.validate(nb)
    nbformat.write(nb, os.path.join(out, name))

params = cs("// The knobs: `gan-notes notebooks run --set epochs=2` overrides them.\nint epochs = 20;\ndouble lr = 2e-4;\nstring name = \"full\";\nbool quick = false;")
params.metadata["tags"] = ["parameters"]
stale = cs("total + 1", execution_count=99, outputs=[new_output("execute_result", data={"text/plain": "stale"}, execution_count=99)])
fs = new_code_cell("printfn \"hello from F#\"", execution_count=3, outputs=[new_output("stream", name="stdout", text="hello from F#\n")])
fs.metadata.update({"dotnet_interactive": {"language": "fsharp"}, "polyglot_notebook": {"kernelName": "fsharp"}})
save("runner-fixture.ipynb", [
    md("# Runner fixture\n\nExercises the headless runner end to end (see NotebookRunnerTests)."),
    params,
    cs("#r \"GanFixture.dll\"\nvar total = epochs * 10;\nConsole.WriteLine($\"epochs={epochs} lr={lr} name={name} quick={quick}\");"),
    stale,
    cs("display(HTML(\"<b>bold</b>\"));\nConsole.Error.WriteLine(\"to stderr\");\n\"trailing\""),
    cs("new GanFixture.Chart(\"loss\")"),
    cs("var shown = new GanFixture.Badge(\"b\").Display();\nGanFixture.Helper.UseDependency()"),
    fs,
    new_raw_cell("raw text stays as it is"),
    cs("Console.Write(\"no newline\");\nConsole.WriteLine(\", then a newline\");\nawait Task.Delay(10);\nConsole.WriteLine(\"after await\");\ndisplay(42, \"text/plain\")"),
], {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}, {"aliases": [], "languageName": "F#", "name": "fsharp"}]}}})

# Engine parity: run in our runner and in the .NET Interactive kernel, the outputs must agree
# (EngineParityTests). No errors: nbclient runs on after one, our runner stops.
save("engine-parity.ipynb", [
    md("# Engine parity\n\nRuns in both engines; see EngineParityTests."),
    cs("#r \"GanFixture.dll\"\nint count = 3;\nConsole.WriteLine($\"count = {count}\");"),
    cs("Console.Error.WriteLine(\"a line the cell writes to stderr\");\nConsole.WriteLine(\"and one to stdout\");"),
    cs("// A nullable annotation outside a #nullable context: warning CS8632 on stderr.\nstring? maybe = null;\nConsole.WriteLine(maybe ?? \"none\");"),
    cs("#nullable enable\nstring? named = count > 0 ? \"set\" : null;\nConsole.WriteLine(named);"),
    cs("void Unused()\n{\n    int never; // warning CS0168\n}"),
    cs("#pragma warning disable CS0168\nvoid Quiet()\n{\n    int never;\n}"),
    cs("var squares = Enumerable.Range(1, count).Select(i => i * i).ToList();\nConsole.WriteLine(string.Join(\", \", squares));"),
    cs("record Point(int X, int Y);\nnew Point(1, 2).ToString()"),
    cs("display(\"displayed text\");\nnew GanFixture.Chart(\"loss\")"),
    cs("Console.Write(\"no newline\");\nawait Task.Delay(10);\nConsole.WriteLine(\", after await\");"),
    cs("count * 2"),
])
save("compile-error.ipynb", [
    cs("var ok = 1;"),
    cs("var x = ok;\nvar y = nope + 1;"),
    cs("x", execution_count=7, outputs=[new_output("execute_result", data={"text/plain": "stale"}, execution_count=7)]),
    md("The cell above keeps no stale output after a failed run."),
])
save("runtime-error.ipynb", [
    cs("int Divide(int a, int b) => a / b;"),
    cs("var a = 1;\nvar b = 0;\nConsole.WriteLine(\"before\");\nvar c = Divide(a, b);"),
    cs("\"never\""),
])
save("timeout.ipynb", [
    cs("Console.WriteLine(\"start\");"),
    cs("// Busy, and deaf to cancellation; the process id lets a test check that the loop was stopped.\n"
       "// Bounded, so that a runner which cannot stop it burns a core for a minute, not for ever.\n"
       "Console.WriteLine($\"process {Environment.ProcessId}\");\n"
       "var watch = System.Diagnostics.Stopwatch.StartNew();\nwhile (watch.Elapsed.TotalSeconds < 60) { }"),
    cs("\"never\""),
])
# Cells that end the process running them: each must become that cell's error, nothing else.
save("stack-overflow.ipynb", [
    cs("Console.WriteLine(\"before\");"),
    cs("int Deeper(int depth) => Deeper(depth + 1) + 1;\nConsole.WriteLine(\"recursing\");\nDeeper(0)"),
    cs("\"never\""),
])
save("environment-exit.ipynb", [
    cs("Console.Write(\"leaving\");\nEnvironment.Exit(0);"),
    cs("\"never\""),
])
save("thread-exception.ipynb", [
    cs("var thread = new System.Threading.Thread(() => throw new InvalidOperationException(\"thrown on a thread of its own\"));\n"
       "thread.Start();\nthread.Join();"),
    cs("\"never\""),
])
save("nuget-reference.ipynb", [
    cs("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nusing Newtonsoft.Json;"),
])

# Round trip: unknown metadata everywhere, attachments, outputs, unicode, odd numbers.
rt_md = new_markdown_cell("![plot](attachment:plot.png)\n\nUnicode: héllo — ✓ \u00e9\t\"quoted\" back\\slash")
rt_md.attachments = {"plot.png": {"image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}}
rt_md.metadata.update({"slideshow": {"slide_type": "slide"}, "custom": {"weights": [1, 2.5, 1e-05, -0.0, None, True]}})
rt_code = cs("// an executed cell from VS Code\n1 + 1", execution_count=4, outputs=[
    new_output("execute_result", data={"text/plain": "2", "text/html": "<div class=\"dni-plaintext\"><pre>2</pre></div>\n"}, metadata={"custom": 1}, execution_count=4),
    new_output("stream", name="stdout", text="line one\nline two\n"),
    new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<image>"}, metadata={"image/png": {"width": 10}}),
    new_output("error", ename="System.Exception", evalue="boom", traceback=["System.Exception: boom", "   at Submission#1"]),
])
rt_code.metadata.update({"collapsed": True, "jupyter": {"source_hidden": False}, "vscode": {"languageId": "polyglot-notebook"}})
rt_empty = cs("")
rt_raw = new_raw_cell("raw\r\nwith CRLF")
rt_raw.metadata["format"] = "text/x-python"
save("roundtrip.ipynb", [rt_md, rt_code, rt_empty, rt_raw], {"custom_tool": {"version": "1.2.3", "numbers": [0, 3.14, 1e+100]}, "title": "Round trip"})
