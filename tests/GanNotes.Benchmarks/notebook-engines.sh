#!/usr/bin/env bash
# Wall time of every course notebook in quick mode in both engines: our runner
# (`gan-notes notebooks run --quick`) and the .NET Interactive kernel through Jupyter's nbclient
# (tests/GanNotes.Tests/Testing/run_in_kernel.py, quick settings injected after the parameters
# cell, as the course tests do). The engines alternate; RUNS runs each (default 3); medians.
#
# Usage: tests/GanNotes.Benchmarks/notebook-engines.sh [RUNS]
# Needs: what tests/test.sh installs (python3-nbclient, chromium, the pinned tool).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$root"
dotnet build -c Release >/dev/null   # also fills notebooks/lib, which the kernel loads
dotnet tool restore >/dev/null
gan_notes="$root/src/GanNotes.Cli/bin/Release/net10.0/gan-notes"
version=$(/usr/bin/python3 -c "import json; print(json.load(open('.config/dotnet-tools.json'))['tools']['microsoft.dotnet-interactive']['version'])")
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
tool_dll="${packages%/}/microsoft.dotnet-interactive/$version/tools/net10.0/any/Microsoft.DotNet.Interactive.App.dll"
mkdir -p "$dir/jupyter/kernels/.net-csharp"
cat > "$dir/jupyter/kernels/.net-csharp/kernel.json" <<JSON
{"argv": ["dotnet", "$tool_dll", "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"],
 "display_name": ".NET (C#)", "language": "C#"}
JSON

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN {printf "%.1f", e - s}'; }
echo "| notebook | our runner (s) | .NET Interactive kernel (s) | kernel / runner |"
echo "| --- | ---: | ---: | ---: |"
for notebook in notebooks/*.ipynb; do
  name=$(basename "$notebook")
  inject=$(/usr/bin/python3 -c "
import json, sys
quick = json.load(open(sys.argv[1]))['metadata']['gan_notes']['quick']
print(''.join(f'{k} = {json.dumps(v)};\n' for k, v in quick.items()))" "$notebook")
  ours=(); theirs=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$gan_notes" notebooks run "$notebook" --quick --output "$dir/ours" > "$dir/log" 2>&1 || { cat "$dir/log"; exit 1; }
    ours+=("$(seconds "$start" "$(date +%s.%N)")")
    start=$(date +%s.%N)
    JUPYTER_PATH="$dir/jupyter" /usr/bin/python3 tests/GanNotes.Tests/Testing/run_in_kernel.py "$notebook" "$dir/kernel.ipynb" --inject "$inject" > "$dir/log" 2>&1 || { cat "$dir/log"; exit 1; }
    theirs+=("$(seconds "$start" "$(date +%s.%N)")")
  done
  a=$(printf '%s\n' "${ours[@]}" | median); b=$(printf '%s\n' "${theirs[@]}" | median)
  echo "| \`$name\` | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}') |"
done
