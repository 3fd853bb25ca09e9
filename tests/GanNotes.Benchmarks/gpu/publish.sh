#!/usr/bin/env bash
# Builds what the GPU machine runs (it has a GPU, a driver and PyTorch, but no .NET): one program, the
# benchmark (device-check, the training step, and `gan-notes ...`, the command itself, for the fast
# run), published self-contained for linux-x64 and packed as artifacts/gpu-bench.tar.xz.
#
# Usage, from anywhere: tests/GanNotes.Benchmarks/gpu/publish.sh
# Then run on the GPU machine, carrying artifacts/ (it is git-ignored):
#   tests/GanNotes.Benchmarks/gpu/on-device.sh
# or copy on-device.sh, the tarball and peer/torch_reference_gan.py into one folder and run it there.
#
# Size: the tracked tree and what is carried travel together, within 64 MiB; gpu/fit.sh checks that
# the two stay within 60 MiB (docs/benchmarks.md, "Fits on the GPU machine": about 49 MiB and 8.5 MiB).
# Self-contained and untrimmed, the benchmark alone would be 89 MB (31 MB packed), so gpu/Trim.targets
# trims the framework (GanNotes and ILGPU stay whole, and the framework parts reached by reflection),
# builds gan-notes without its notebooks command, which drops the C# compiler, and leaves out symbols,
# docs and the runtime's debugging parts; xz packs the rest a tenth smaller than zstd -19 would.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=artifacts/gpu-bench
rm -rf "$out" artifacts/gpu-bench.tar.xz
mkdir -p artifacts
log=$(mktemp)
if ! dotnet publish tests/GanNotes.Benchmarks -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true \
    "-p:CustomAfterMicrosoftCommonTargets=$PWD/tests/GanNotes.Benchmarks/gpu/Trim.targets" -o "$out" >"$log" 2>&1; then
  grep -E ': error ' "$log" | sort -u | head -5 >&2
  echo "publish.sh: dotnet publish failed; the whole log is $log" >&2
  exit 1
fi
rm -f "$log"
# Python's tarfile and lzma (the standard library): no xz needed here; files in sorted order, one thread,
# so the packing does not depend on the machine.
python3 - <<'PY'
import lzma, os, tarfile
with tarfile.open("artifacts/gpu-bench.tar.xz.tmp", "w:xz", preset=9 | lzma.PRESET_EXTREME) as tar:
    tar.add("artifacts/gpu-bench", arcname="gpu-bench")
os.replace("artifacts/gpu-bench.tar.xz.tmp", "artifacts/gpu-bench.tar.xz")
PY
rm -rf "$out"
echo "artifacts/gpu-bench.tar.xz: $(stat -c %s artifacts/gpu-bench.tar.xz) bytes"
