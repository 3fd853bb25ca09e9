#!/usr/bin/env bash
# Times a GAN training step in GanNotes and in its PyTorch peer, alternately in one run, at 1
# and 2 threads, and prints the median ms/step of each and the ratio GanNotes/PyTorch (below 1:
# GanNotes is faster). The model: `mlp` (default), the seed-004 MLP GAN against
# peer/torch_reference_gan.py; `dcgan`, notebook 09's DCGAN (`--recipe dcgan`: z 100, h 32,
# batch 128) against peer/torch_dcgan.py.
#
# Usage: tests/GanNotes.Benchmarks/side-by-side.sh [rounds=5] [steps=50] [mlp|dcgan]
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
model=${3:-mlp}
here=$(cd "$(dirname "$0")" && pwd)
# Each side runs as: [mode] steps threads [after...]; the DCGAN's take the batch and the data folder after.
case "$model" in
  mlp) ours=("$steps") torch=("$here/peer/torch_reference_gan.py" "$steps") after=() ;;
  dcgan) ours=(dcgan "$steps") torch=("$here/peer/torch_dcgan.py" step "$steps") after=(128 "$here/../../data") ;;
  *) echo "error: model '$model': choose mlp or dcgan" >&2; exit 2 ;;
esac
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release "$here/GanNotes.Benchmarks.csproj" -o "$out/bin" >/dev/null
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }

for round in $(seq 1 "$rounds"); do
  for threads in 1 2; do
    ours_ms=$(dotnet "$out/bin/GanNotes.Benchmarks.dll" "${ours[@]}" "$threads" "${after[@]}" | ms)
    torch_ms=$(/usr/bin/python3 "${torch[@]}" "$threads" "${after[@]}" | ms)
    echo "round=$round threads=$threads gannotes_ms=$ours_ms torch_ms=$torch_ms"
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
