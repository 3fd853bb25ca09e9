#!/usr/bin/env bash
# Times `gan-notes evaluate` on one Fashion-MNIST run (10,000 samples of its last checkpoint)
# against the PyTorch peer (peer/torch_evaluate.py) scoring the same samples with the same
# classifier and protocol, alternately in one run, and prints each round's wall-clock seconds
# (the whole command, as a user waits for it), the medians, the ratio GanNotes/PyTorch, and
# both programs' scores side by side (they must agree).
#
# Usage: tests/GanNotes.Benchmarks/evaluate-side-by-side.sh RUN_DIR [rounds=3]
# Needs: the .NET 10 SDK; Debian's python3-torch and libopenblas0-pthread.
set -euo pipefail
run=${1:?usage: evaluate-side-by-side.sh RUN_DIR [rounds]}
rounds=${2:-3}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build -c Release "$root/src/GanNotes.Cli" -o "$out/bin" >/dev/null
cli="$out/bin/gan-notes.dll"
# evaluate's own seed of z (RunEvaluator.DefaultSeed = 0xE7A1), so both score the same samples
dotnet "$cli" sample "$run" --count 10000 --seed 59297 --out "$out/fake.npy" >/dev/null
cp -r "$run" "$out/run"   # evaluate writes evaluation.csv; leave the run as it was

for round in $(seq 1 "$rounds"); do
  start=$EPOCHREALTIME
  dotnet "$cli" evaluate "$out/run" --count 10000 --json --data "$root/data" > "$out/ours.json"
  ours=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
  start=$EPOCHREALTIME
  /usr/bin/python3 "$root/tests/GanNotes.Benchmarks/peer/torch_evaluate.py" "$out/fake.npy" "$root/data" 2 > "$out/torch.txt"
  torch=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
  echo "round=$round gannotes_s=$ours torch_s=$torch"
done | tee "$out/rounds.txt"

/usr/bin/python3 - "$out/rounds.txt" "$out/ours.json" "$out/torch.txt" <<'PY'
import json, statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1])]
ours = statistics.median(float(r["gannotes_s"]) for r in rows)
torch = statistics.median(float(r["torch_s"]) for r in rows)
print(f"medians of {len(rows)} rounds: GanNotes {ours:.1f} s, PyTorch {torch:.1f} s, ratio {ours / torch:.2f}")
a = json.load(open(sys.argv[2]))[0]
b = dict(kv.split("=") for kv in open(sys.argv[3]).read().split())
for key, peer in [("frechet_distance", "frechet_distance"), ("classes_covered", "classes_covered"),
                  ("class_entropy_bits", "class_entropy_bits"), ("classifier_score", "classifier_score"),
                  ("parzen_log_likelihood", "parzen"), ("parzen_standard_error", "parzen_se"), ("parzen_sigma", "sigma")]:
    print(f"{key:>22}: GanNotes {a[key]:.4f}  PyTorch {float(b[peer]):.4f}")
PY
