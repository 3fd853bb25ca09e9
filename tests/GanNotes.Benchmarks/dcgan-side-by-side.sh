#!/usr/bin/env bash
# Times the DCGAN training step (`--recipe dcgan`: z 100, h 32, batch 128) in GanNotes and in
# the PyTorch peer (peer/torch_dcgan.py), alternately in one run, at 1 and 2 threads, and
# prints the median ms/step of each and the ratio GanNotes/PyTorch (below 1: GanNotes is faster).
#
# Usage: tests/GanNotes.Benchmarks/dcgan-side-by-side.sh [rounds=5] [steps=50]
# Needs: the .NET 10 SDK; Debian's python3-torch and libopenblas0-pthread (without OpenBLAS,
# Debian's PyTorch falls back to the reference BLAS, which would flatter GanNotes: the script refuses).
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
data="$here/../../data"   # the shipped Fashion-MNIST, read by both
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release "$here/GanNotes.Benchmarks.csproj" -o "$out/bin" >/dev/null
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }

for round in $(seq 1 "$rounds"); do
  for threads in 1 2; do
    ours=$(dotnet "$out/bin/GanNotes.Benchmarks.dll" dcgan "$steps" "$threads" 128 "$data" | ms)
    torch=$(/usr/bin/python3 "$here/peer/torch_dcgan.py" step "$steps" "$threads" 128 "$data" | ms)
    echo "round=$round threads=$threads gannotes_ms=$ours torch_ms=$torch"
  done
done | tee "$out/rounds.txt"

/usr/bin/python3 - "$out/rounds.txt" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1])]
print(f"{'threads':>7} {'GanNotes ms':>12} {'PyTorch ms':>11} {'ratio':>6}  (medians of {len(rows)//2} rounds)")
med = lambda key, t: statistics.median(float(r[key]) for r in rows if r["threads"] == t)
for t in ("1", "2"):
    print(f"{t:>7} {med('gannotes_ms', t):12.2f} {med('torch_ms', t):11.2f} {med('gannotes_ms', t) / med('torch_ms', t):6.2f}")
ours = min(med("gannotes_ms", t) for t in ("1", "2"))
torch = min(med("torch_ms", t) for t in ("1", "2"))
print(f"best vs best: GanNotes {ours:.2f} ms / PyTorch {torch:.2f} ms = {ours / torch:.2f}")
PY
