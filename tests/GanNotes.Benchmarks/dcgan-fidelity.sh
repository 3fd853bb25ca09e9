#!/usr/bin/env bash
# Trains the DCGAN (`--recipe dcgan`) in GanNotes and in the PyTorch peer (peer/torch_dcgan.py)
# for the same epochs and seeds, scores 10,000 samples of each with evaluate's protocol
# (`gan-notes evaluate` for GanNotes, peer/torch_evaluate.py for PyTorch: the same classifier,
# test set and Parzen protocol), and prints every run's scores, then each engine's mean and
# range per score: GanNotes should fall within PyTorch's seed-to-seed spread.
#
# Usage: tests/GanNotes.Benchmarks/dcgan-fidelity.sh [epochs=2] [seeds="1 2 3"]
# Needs: the .NET 10 SDK; Debian's python3-torch and libopenblas0-pthread.
set -euo pipefail
epochs=${1:-2}
seeds=${2:-1 2 3}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build -c Release "$root/src/GanNotes.Cli" -o "$out/bin" >/dev/null
cli="$out/bin/gan-notes.dll"

for seed in $seeds; do
  dotnet "$cli" train --recipe dcgan --epochs "$epochs" --seed "$seed" --out "$out/ours-$seed" --data "$root/data" >/dev/null
  dotnet "$cli" evaluate "$out/ours-$seed" --json --data "$root/data" > "$out/ours-$seed.json"
  /usr/bin/python3 "$root/tests/GanNotes.Benchmarks/peer/torch_dcgan.py" train "$epochs" "$seed" "$out/torch-$seed.npy" 1 "$root/data" >/dev/null
  /usr/bin/python3 "$root/tests/GanNotes.Benchmarks/peer/torch_evaluate.py" "$out/torch-$seed.npy" "$root/data" 2 > "$out/torch-$seed.txt"
  echo "seed $seed done" >&2
done

/usr/bin/python3 - "$out" "$epochs" $seeds <<'PY'
import json, statistics, sys
out, epochs, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
keys = [("frechet_distance", "frechet_distance", "FD"), ("classes_covered", "classes_covered", "classes"),
        ("class_entropy_bits", "class_entropy_bits", "entropy bits"), ("classifier_score", "classifier_score", "score"),
        ("parzen_log_likelihood", "parzen", "Parzen")]
runs = {"GanNotes": [], "PyTorch": []}
for s in seeds:
    ours = json.load(open(f"{out}/ours-{s}.json"))[-1]
    peer = dict(kv.split("=") for kv in open(f"{out}/torch-{s}.txt").read().split())
    runs["GanNotes"].append([float(ours[a]) for a, _, _ in keys])
    runs["PyTorch"].append([float(peer[b]) for _, b, _ in keys])
print(f"DCGAN, {epochs} epochs, seeds {' '.join(seeds)}; 10,000 samples each")
print(f"{'engine':>8} {'seed':>4} " + " ".join(f"{k[2]:>12}" for k in keys))
for engine, rows in runs.items():
    for s, row in zip(seeds, rows):
        print(f"{engine:>8} {s:>4} " + " ".join(f"{v:12.2f}" for v in row))
for engine, rows in runs.items():
    cols = list(zip(*rows))
    print(f"{engine:>8} mean " + " ".join(f"{statistics.mean(c):12.2f}" for c in cols))
    print(f"{engine:>8} range" + " ".join(f"{min(c):6.2f}-{max(c):<6.2f}"[:13].rjust(13) for c in cols))
PY
