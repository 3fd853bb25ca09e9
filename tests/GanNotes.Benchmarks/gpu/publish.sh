#!/usr/bin/env bash
# Builds what the GPU machine runs (it has a GPU, a driver and PyTorch, but no .NET): the benchmark
# (device-check, the training step, the fast run) and the gan-notes command, each published
# self-contained for linux-x64 (gpu-bench/bench, gpu-bench/cli), packed as artifacts/gpu-bench.tar.zst.
#
# Usage, from the repository root: tests/GanNotes.Benchmarks/gpu/publish.sh
# Then run on the GPU machine, carrying artifacts/ (it is git-ignored):
#   tests/GanNotes.Benchmarks/gpu/on-device.sh
#
# Size: the tree and what is carried travel together, within 64 MiB, and the tree is about 38 MB.
# Self-contained and untrimmed, the benchmark alone is 89 MB (31 MB packed), so the framework is
# trimmed as gpu/Trim.targets says (our assemblies, ILGPU and Roslyn stay whole, and the framework
# parts reached by reflection), and the files the two programs share are packed once.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=artifacts/gpu-bench
rm -rf "$out" artifacts/gpu-bench.tar.zst
props=(-c Release -r linux-x64 --self-contained -p:PublishTrimmed=true
       "-p:CustomAfterMicrosoftCommonTargets=$PWD/tests/GanNotes.Benchmarks/gpu/Trim.targets")
# Two folders: each program's framework is trimmed to what that program uses, so they cannot share one.
dotnet publish src/GanNotes.Cli "${props[@]}" -o "$out/cli" >/dev/null
dotnet publish tests/GanNotes.Benchmarks "${props[@]}" -o "$out/bench" >/dev/null
# Files the two share byte for byte (the runtime's native parts, ILGPU, GanNotes) become hard links,
# which tar stores once.
for f in "$out"/bench/*; do
  twin="$out/cli/$(basename "$f")"
  if [ -f "$twin" ] && cmp -s "$f" "$twin"; then ln -f "$twin" "$f"; fi
done
tar -C artifacts -I 'zstd -19 -T0' -cf artifacts/gpu-bench.tar.zst gpu-bench
rm -rf "$out"
echo "artifacts/gpu-bench.tar.zst: $(du -h artifacts/gpu-bench.tar.zst | cut -f1)"
