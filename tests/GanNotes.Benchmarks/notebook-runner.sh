#!/usr/bin/env bash
# Start-up time and per-cell overhead of the notebook runner (`gan-notes notebooks run`):
# a 1-cell and a 50-cell notebook of `1+1`, and three 1-cell notebooks in one run (each
# notebook gets a fresh worker process); 7 rounds; medians.
#
# Usage: tests/GanNotes.Benchmarks/notebook-runner.sh [GAN_NOTES_DIR ...]
#   With no argument, builds the working tree's gan-notes and measures it. With several
#   folders holding a built gan-notes (e.g. one per commit), measures them in alternation,
#   round by round, so that a change of machine speed hits all of them alike.
# Needs: the .NET 10 SDK and Debian's python3-nbformat (to write the notebooks).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
builds=("$@")
if [ ${#builds[@]} -eq 0 ]; then
  dotnet build "$root/src/GanNotes.Cli" -c Release -o "$dir/bin" >/dev/null
  builds=("$dir/bin")
fi

/usr/bin/python3 - "$dir" <<'PY'
import os, sys, nbformat
from nbformat.v4 import new_notebook, new_code_cell
meta = {"kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}, "language_info": {"name": "C#"}}
for n in (1, 50):
    nbformat.write(new_notebook(cells=[new_code_cell("1+1") for _ in range(n)], metadata=meta), f"{sys.argv[1]}/trivial-{n}.ipynb")
os.makedirs(f"{sys.argv[1]}/three")
for i in (1, 2, 3):
    nbformat.write(new_notebook(cells=[new_code_cell("1+1")], metadata=meta), f"{sys.argv[1]}/three/{i}.ipynb")
PY

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { # timed LOG ARGS...: wall seconds of one gan-notes run
  local log=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}'
}
declare -A results
for round in 1 2 3 4 5 6 7; do
  for b in "${!builds[@]}"; do
    exe="${builds[$b]}/gan-notes"
    results[$b,wall1]+="$(timed "$dir/log" "$exe" notebooks run "$dir/trivial-1.ipynb" --output "$dir/out") "
    results[$b,cell1]+="$(sed -nE 's/.*cell 1 of 1: ok \(([0-9.]+) s\)/\1/p' "$dir/log") "
    results[$b,wall50]+="$(timed "$dir/log" "$exe" notebooks run "$dir/trivial-50.ipynb" --output "$dir/out") "
    results[$b,cell50]+="$(grep -E 'cell ([2-9]|[1-4][0-9]|50) of 50' "$dir/log" | sed -E 's/.*\(([0-9.]+) s\)/\1/' | awk '{s+=$1} END {printf "%.4f", s/NR}') "
    results[$b,wall3]+="$(timed "$dir/log" "$exe" notebooks run "$dir/three" --output "$dir/out3") "
  done
done
for b in "${!builds[@]}"; do
  m() { tr ' ' '\n' <<< "${results[$b,$1]}" | grep . | median; }
  echo "${builds[$b]}:"
  echo "  start-up (1-cell notebook, process start to exit): median $(m wall1) s; first cell $(m cell1) s"
  echo "  per trivial cell once warm (mean of cells 2-50): median $(m cell50) s; 50-cell notebook wall $(m wall50) s"
  echo "  three 1-cell notebooks in one run: median $(m wall3) s"
done
