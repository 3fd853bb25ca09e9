#!/usr/bin/env bash
# Seconds per epoch of the default training run (`gan-notes train`, fast recipe, Fashion-MNIST,
# 468 steps of batch 128) against the PyTorch peer timing the same 468 steps, alternately,
# with the peak memory (max RSS) of each process. Medians over the rounds.
#
# GanNotes' figure is the whole command's wall time for one epoch (start-up, data loading,
# the epoch, the checkpoint and the loss plots); PyTorch's is its timed loop alone (the peer
# prints it), at 1 and 2 threads. GanNotes uses both cores.
#
# Usage: tests/GanNotes.Benchmarks/epoch-side-by-side.sh [rounds=3]
# Needs: the .NET 10 SDK; Debian's python3-torch, libopenblas0-pthread, dataset-fashion-mnist.
set -euo pipefail
rounds=${1:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/GanNotes.Cli" -c Release -o "$out/bin" >/dev/null

rss() { sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$1"; }
for round in $(seq 1 "$rounds"); do
  rm -rf "$out/run"
  start=$(date +%s.%N)
  /usr/bin/time -v "$out/bin/gan-notes" train --epochs 1 --out "$out/run" >/dev/null 2>"$out/time.txt"
  end=$(date +%s.%N)
  ours=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')
  ours_mb=$(( $(rss "$out/time.txt") / 1024 ))
  line="round=$round gannotes_s=$ours gannotes_mb=$ours_mb"
  for threads in 1 2; do
    /usr/bin/time -v /usr/bin/python3 "$here/peer/torch_reference_gan.py" 468 "$threads" >"$out/torch.txt" 2>"$out/time.txt"
    torch=$(sed -nE 's/.* seconds=([0-9.]+) .*/\1/p' "$out/torch.txt")
    line="$line torch${threads}_s=$torch torch${threads}_mb=$(( $(rss "$out/time.txt") / 1024 ))"
  done
  echo "$line"
done | tee "$out/rounds.txt"

/usr/bin/python3 - "$out/rounds.txt" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1])]
med = lambda k: statistics.median(float(r[k]) for r in rows)
print(f"medians of {len(rows)} rounds:")
print(f"  GanNotes `gan-notes train --epochs 1`: {med('gannotes_s'):.1f} s per epoch (whole command), peak RSS {med('gannotes_mb'):.0f} MB")
for t in ("1", "2"):
    print(f"  PyTorch peer, {t} thread(s): {med('torch'+t+'_s'):.1f} s per epoch (timed loop), peak RSS {med('torch'+t+'_mb'):.0f} MB")
best = min(med('torch1_s'), med('torch2_s'))
print(f"  ratio GanNotes / PyTorch's best: {med('gannotes_s') / best:.2f}")
PY
