#!/usr/bin/env bash
# Does a GPU run fit? What travels to the GPU machine is the repository's tree (the files git tracks,
# and untracked ones it does not ignore) plus what the run carries, artifacts/gpu-bench.tar.xz; 64 MiB
# in all. This builds the tarball (gpu/publish.sh), measures both, prints them with their total, and
# fails, with one line, when the total is above 60 MiB (a margin under the 64).
#
# Usage, from anywhere: tests/GanNotes.Benchmarks/gpu/fit.sh        (.ci/run runs it after the tests)
set -uo pipefail
cd "$(dirname "$0")/../../.."
limit_mib=60

if ! tests/GanNotes.Benchmarks/gpu/publish.sh >/dev/null; then
  echo "fit.sh: gpu/publish.sh failed, so the GPU run's size is unknown" >&2
  exit 1
fi
tarball=artifacts/gpu-bench.tar.xz
# Files deleted from the working tree travel no more: count only those present.
read -r files tree < <(git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -f "$f" ] && stat -c %s -- "$f"; done |
  awk '{n++; s+=$1} END {print n+0, s+0}')
packed=$(stat -c %s "$tarball")
total=$((tree + packed))
mib() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1048576}'; }
printf 'tree     %10d bytes  %6s MiB  (%d files git tracks or would add)\n' "$tree" "$(mib "$tree")" "$files"
printf 'tarball  %10d bytes  %6s MiB  (%s)\n' "$packed" "$(mib "$packed")" "$tarball"
printf 'total    %10d bytes  %6s MiB  (at most %d MiB)\n' "$total" "$(mib "$total")" "$limit_mib"
if [ "$total" -gt $((limit_mib * 1048576)) ]; then
  echo "fit.sh: the GPU run does not fit: $(mib "$total") MiB is above $limit_mib MiB (tree $(mib "$tree") + tarball $(mib "$packed"))" >&2
  exit 1
fi
echo "fit.sh: the GPU run fits, $(mib $((limit_mib * 1048576 - total))) MiB to spare"
