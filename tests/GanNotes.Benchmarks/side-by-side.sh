#!/usr/bin/env bash
# Times the seed-004 GAN training step in GanNotes and in the PyTorch peer
# (peer/torch_reference_gan.py), alternately in one run, at 1 and 2 threads, and prints
# the median ms/step of each and the ratio GanNotes/PyTorch (below 1: GanNotes is faster).
#
# Usage: tests/GanNotes.Benchmarks/side-by-side.sh [rounds=5] [steps=50]
# Needs: the .NET 10 SDK; Debian's python3-torch, libopenblas0-pthread and
# dataset-fashion-mnist. Without OpenBLAS, Debian's PyTorch falls back to the reference
# BLAS and runs about 25x slower, which would flatter GanNotes: the script refuses.
set -euo pipefail
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
case "$blas" in
  *openblas*) echo "PyTorch BLAS: $blas" ;;
  *) echo "error: libblas.so.3 is '$blas', not OpenBLAS; run: apt-get install libopenblas0-pthread" >&2; exit 2 ;;
esac
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
rounds=${1:-5}
steps=${2:-50}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release "$here/GanNotes.Benchmarks.csproj" -o "$out/bin" >/dev/null
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }

for round in $(seq 1 "$rounds"); do
  for threads in 1 2; do
    ours=$(dotnet "$out/bin/GanNotes.Benchmarks.dll" "$steps" "$threads" | ms)
    torch=$(/usr/bin/python3 "$here/peer/torch_reference_gan.py" "$steps" "$threads" | ms)
    echo "round=$round threads=$threads gannotes_ms=$ours torch_ms=$torch"
  done
done | tee "$out/rounds.txt"

/usr/bin/python3 - "$out/rounds.txt" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1])]
print(f"{'threads':>7} {'GanNotes ms':>12} {'PyTorch ms':>11} {'ratio':>6}  (medians of {len(rows)//2} rounds)")
best_torch = None
for t in ("1", "2"):
    ours = statistics.median(float(r["gannotes_ms"]) for r in rows if r["threads"] == t)
    torch = statistics.median(float(r["torch_ms"]) for r in rows if r["threads"] == t)
    best_torch = torch if best_torch is None else min(best_torch, torch)
    print(f"{t:>7} {ours:12.2f} {torch:11.2f} {ours / torch:6.2f}")
ours_best = min(statistics.median(float(r["gannotes_ms"]) for r in rows if r["threads"] == t) for t in ("1", "2"))
print(f"best vs best: GanNotes {ours_best:.2f} ms / PyTorch {best_torch:.2f} ms = {ours_best / best_torch:.2f}")
PY
