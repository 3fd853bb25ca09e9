#!/usr/bin/python3
"""Runs one notebook in the .NET Interactive kernel (the engine behind Polyglot Notebooks)
through Jupyter's nbclient, and writes the executed notebook.

    /usr/bin/python3 run_in_kernel.py NOTEBOOK OUTPUT [--inject CODE] [--timeout SECONDS] [--folder DIR]

--inject adds a code cell with CODE right after the first cell tagged `parameters`, the way
papermill injects parameters (tagged `injected-parameters`). Cells run with allow_errors, so
the output shows every error; the caller decides what counts as clean. The kernel spec is
looked up by name (`.net-csharp`) on JUPYTER_PATH. --folder starts the kernel in DIR instead
of the notebook's folder (a student edition written elsewhere runs beside the course's lib/). Needs Debian's python3-nbclient.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient


def inject(notebook, code):
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            break
    else:
        sys.exit(f"error: {args.notebook} has no code cell tagged 'parameters' to inject after")
    injected = nbformat.v4.new_code_cell(code)
    injected.metadata["tags"] = ["injected-parameters"]
    injected.metadata["dotnet_interactive"] = {"language": "csharp"}
    injected.metadata["polyglot_notebook"] = {"kernelName": "csharp"}
    notebook.cells.insert(index + 1, injected)


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("notebook")
parser.add_argument("output")
parser.add_argument("--inject", metavar="CODE")
parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
parser.add_argument("--folder", help="the kernel's working folder (default: the notebook's)")
args = parser.parse_args()

notebook = nbformat.read(args.notebook, as_version=4)
if args.inject:
    inject(notebook, args.inject)
client = NotebookClient(
    notebook,
    kernel_name=".net-csharp",
    timeout=args.timeout,
    startup_timeout=120,
    allow_errors=True,
    # VS Code starts the kernel in the notebook's folder, where `#r "lib/..."` resolves.
    resources={"metadata": {"path": args.folder or os.path.dirname(os.path.abspath(args.notebook))}},
)
start = time.monotonic()
client.execute()
seconds = time.monotonic() - start
temporary = args.output + ".tmp"
nbformat.write(notebook, temporary)
os.replace(temporary, args.output)
print(f"{os.path.basename(args.notebook)}: {seconds:.1f} s in the .NET Interactive kernel")
