"""Writes the fixtures of the numbers check (tests/GanNotes.Tests/Testing/NumbersCheckTests.cs).

Two course notebooks as they stood at commit c10b567, each cut down to what the check reads:
every code cell with its source and its text outputs (streams, and text/plain of results and
displays: no images, no chart HTML), and only the markdown cells that quote numbers no output
showed. Run from anywhere inside the repository:  python3 tests/data/notebooks/numbers/make_fixtures.py
"""
import json
import os
import subprocess

COMMIT = "c10b567"
OUT = os.path.dirname(os.path.abspath(__file__))
ROOT = subprocess.check_output(["git", "rev-parse", "--show-toplevel"], cwd=OUT, text=True).strip()


def text_outputs(outputs):
    kept = []
    for output in outputs:
        if output["output_type"] == "stream":
            kept.append(output)
        elif output["output_type"] in ("execute_result", "display_data") and "text/plain" in output["data"]:
            kept.append(dict(output, data={"text/plain": output["data"]["text/plain"]}, metadata={}))
    return kept


def fixture(path, markdown_ids, name):
    notebook = json.loads(subprocess.check_output(["git", "show", f"{COMMIT}:{path}"], cwd=ROOT))
    ids = [cell["id"] for cell in notebook["cells"]]
    missing = set(markdown_ids) - set(ids)
    if missing:
        raise SystemExit(f"{path} at {COMMIT} has no cell {sorted(missing)}")
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cells.append(dict(cell, outputs=text_outputs(cell["outputs"])))
        elif cell["id"] in markdown_ids:
            cells.append(cell)
    notebook["cells"] = cells
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


# Notebook 02, cell 16 (id ratio-reading): "the 13 samples (5% of 256)", where cell 15 takes
# dNow.Length / 20 = 12 of them.
fixture("notebooks/02-value-function.ipynb", ["ratio-reading"], "02-value-function.ipynb")
# Notebook 08 (DCGAN), cell 24 (id 554a8e687eeb): mean D(x) 0.894, D(G(z)) 0.104, then 0.670 and
# 0.324, which no output printed; cell 28 (id b2849f09d643): the MLP's 11.9 after epoch 19 and
# its coverage of 9 after epochs 20 and 23, which the table of cell 27 does not reach.
fixture("notebooks/08-dcgan.ipynb", ["554a8e687eeb", "b2849f09d643"], "08-dcgan.ipynb")
