#!/usr/bin/env bash
# Start-up time and per-cell overhead of the notebook runner (`gan-notes notebooks run`):
# a 1-cell and a 50-cell notebook of `1+1`, each run 7 times; medians.
#
# Usage: tests/GanNotes.Benchmarks/notebook-runner.sh
# Needs: the .NET 10 SDK and Debian's python3-nbformat (to write the two notebooks).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
dotnet build "$root/src/GanNotes.Cli" -c Release -o "$dir/bin" >/dev/null
gan_notes="$dir/bin/gan-notes"

/usr/bin/python3 - "$dir" <<'PY'
import sys, nbformat
from nbformat.v4 import new_notebook, new_code_cell
meta = {"kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}, "language_info": {"name": "C#"}}
for n in (1, 50):
    nbformat.write(new_notebook(cells=[new_code_cell("1+1") for _ in range(n)], metadata=meta), f"{sys.argv[1]}/trivial-{n}.ipynb")
PY

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for n in 1 50; do
  walls=(); cells=()
  for _ in 1 2 3 4 5 6 7; do
    start=$(date +%s.%N)
    "$gan_notes" notebooks run "$dir/trivial-$n.ipynb" --output "$dir/out" > "$dir/log" 2>&1
    end=$(date +%s.%N)
    walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}')")
    if [ "$n" = 1 ]; then
      cells+=("$(sed -nE 's/.*cell 1 of 1: ok \(([0-9.]+) s\)/\1/p' "$dir/log")")
    else
      cells+=("$(grep -E 'cell ([2-9]|[1-4][0-9]|50) of 50' "$dir/log" | sed -E 's/.*\(([0-9.]+) s\)/\1/' | awk '{s+=$1} END {printf "%.4f", s/NR}')")
    fi
  done
  if [ "$n" = 1 ]; then
    echo "start-up (1-cell notebook, process start to exit): median $(printf '%s\n' "${walls[@]}" | median) s; first cell $(printf '%s\n' "${cells[@]}" | median) s"
  else
    echo "per trivial cell once warm (mean of cells 2-50): median $(printf '%s\n' "${cells[@]}" | median) s; 50-cell notebook wall $(printf '%s\n' "${walls[@]}" | median) s"
  fi
done
