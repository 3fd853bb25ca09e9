#!/usr/bin/env bash
# Scaling figures: the seed-004 GAN training step's time against batch size (32 to 1024) and
# thread count (1, 2), in GanNotes and in the PyTorch peer (peer/torch_reference_gan.py).
# Every round runs each batch size and thread count in GanNotes, then in PyTorch, so that any
# drift of the machine hits both. Writes the raw rows to gan-step-scaling.tsv (round, batch,
# threads, gannotes_ms, torch_ms), prints Markdown tables of the medians, and draws them with
# GanNotes.Plots as gan-step-scaling.png and .html (the benchmark's scaling-plot mode).
#
# Usage: tests/GanNotes.Benchmarks/scaling.sh [rounds=3] [steps=20] [out=a new temporary folder]
# Each run first warms up, untimed: PyTorch for 10 steps, GanNotes for 19200/batch steps (at
# least 10; 3-5 s), until .NET has compiled the hot code. The results stay in the out folder, which is
# printed at the end (docs/images for the figures in docs/benchmarks.md).
# Needs: the .NET 10 SDK; Debian's python3-torch, libopenblas0-pthread and
# dataset-fashion-mnist; Chromium and plotly.js for the PNG (see src/GanNotes/Plots/README.md).
# Without OpenBLAS, Debian's PyTorch falls back to the reference BLAS and runs about 25x
# slower, which would flatter GanNotes: the script refuses.
set -euo pipefail
usage="usage: scaling.sh [rounds=3] [steps=20] [out folder]"
if [[ $# -gt 3 ]]; then echo "error: too many arguments; $usage" >&2; exit 2; fi
rounds=${1:-3}
steps=${2:-20}
for arg in "$rounds" "$steps"; do
  if ! [[ $arg =~ ^[1-9][0-9]*$ ]]; then echo "error: rounds and steps must be positive integers, got '$arg'; $usage" >&2; exit 2; fi
done
if [[ $# -ge 3 ]]; then
  out=$3
  if ! mkdir -p "$out" 2>/dev/null || [[ ! -w $out ]]; then echo "error: cannot write to the out folder '$out'" >&2; exit 2; fi
else
  out=$(mktemp -d)
fi
out=$(cd "$out" && pwd)

blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
case "$blas" in
  *openblas*) echo "PyTorch BLAS: $blas" ;;
  *) echo "error: libblas.so.3 is '$blas', not OpenBLAS; run: apt-get install libopenblas0-pthread" >&2; exit 2 ;;
esac
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
here=$(cd "$(dirname "$0")" && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT

dotnet build -c Release "$here/GanNotes.Benchmarks.csproj" -o "$bin" >/dev/null
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }

tsv="$out/gan-step-scaling.tsv"
printf 'round\tbatch\tthreads\tgannotes_ms\ttorch_ms\n' >"$tsv"
for round in $(seq 1 "$rounds"); do
  for batch in 32 64 128 256 512 1024; do
    for threads in 1 2; do
      ours=$(dotnet "$bin/GanNotes.Benchmarks.dll" "$steps" "$threads" "$batch" | ms)
      torch=$(/usr/bin/python3 "$here/peer/torch_reference_gan.py" "$steps" "$threads" "$batch" | ms)
      echo "round=$round batch=$batch threads=$threads gannotes_ms=$ours torch_ms=$torch"
      printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$batch" "$threads" "$ours" "$torch" >>"$tsv"
    done
  done
done

echo
/usr/bin/python3 - "$tsv" "$rounds" "$steps" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = {}
for key in sorted({(int(r["batch"]), int(r["threads"])) for r in rows}):
    sel = [r for r in rows if (int(r["batch"]), int(r["threads"])) == key]
    med[key] = tuple(statistics.median(float(r[c]) for r in sel) for c in ("gannotes_ms", "torch_ms"))
print(f"Medians of {sys.argv[2]} round(s) of {sys.argv[3]} timed steps (ratio = GanNotes / PyTorch; below 1: GanNotes is faster)")
print()
print("| batch | threads | GanNotes ms/step | PyTorch ms/step | ratio |")
print("| ---: | ---: | ---: | ---: | ---: |")
for (batch, threads), (ours, torch) in med.items():
    print(f"| {batch} | {threads} | {ours:.2f} | {torch:.2f} | {ours / torch:.2f} |")
print()
print("Best of each (each side at its faster thread count):")
print()
print("| batch | GanNotes ms/step | PyTorch ms/step | ratio |")
print("| ---: | ---: | ---: | ---: |")
for batch in sorted({b for b, _ in med}):
    ours_t = min((t for b, t in med if b == batch), key=lambda t: med[(batch, t)][0])
    torch_t = min((t for b, t in med if b == batch), key=lambda t: med[(batch, t)][1])
    ours, torch = med[(batch, ours_t)][0], med[(batch, torch_t)][1]
    print(f"| {batch} | {ours:.2f} ({ours_t} thr) | {torch:.2f} ({torch_t} thr) | {ours / torch:.2f} |")
PY

echo
if ! dotnet "$bin/GanNotes.Benchmarks.dll" scaling-plot "$tsv" "$out/gan-step-scaling"; then
  echo "error: the plot failed; the rows are in $tsv" >&2
  exit 1
fi
echo "results: $out"
