#!/usr/bin/env bash
# The GPU measurements, in one go, on a machine with an NVIDIA GPU and PyTorch with CUDA but no .NET,
# from the repository root with artifacts/gpu-bench.tar.zst carried there (gpu/publish.sh):
#   1. device-check: every kernel on cuda against the CPU at the training step's sizes, and ten GAN steps;
#   2. the training step, GanNotes against the PyTorch peer on the same GPU, alternating, ROUNDS rounds
#      of STEPS steps, each timed with the device synchronised (medians);
#   3. gan-notes train --device cuda: the default 10-epoch fast run, end to end, timed.
# Writes every log into $OUT (default: a temporary folder) and prints the summary.
#
# Usage: tests/GanNotes.Benchmarks/gpu/on-device.sh [rounds=5] [steps=200]
set -uo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-5}
steps=${2:-200}
out=${OUT:-$(mktemp -d)}
work=$(mktemp -d)
tar -C "$work" -I zstd -xf artifacts/gpu-bench.tar.zst
bin="$work/gpu-bench"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 GANNOTES_DATA="$PWD/data"
python=$(command -v python3)

{ nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"; } 2>&1 | tee "$out/machine.txt"

echo "== 1. device-check"
timeout 300 "$bin/bench/GanNotes.Benchmarks" device-check cuda "$PWD/data" 2>&1 | tee "$out/device-check.txt"

echo "== 2. training step, alternating (batch 128, $steps steps per round)"
# The peer reads Fashion-MNIST from /usr/share/datasets; point it at the repository's copy.
peer="$work/torch_reference_gan.py"
sed "s#/usr/share/datasets/fashion-mnist#$PWD/data/fashion-mnist#" tests/GanNotes.Benchmarks/peer/torch_reference_gan.py > "$peer"
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }
for round in $(seq 1 "$rounds"); do
  ours=$(timeout 120 "$bin/bench/GanNotes.Benchmarks" "$steps" 4 128 "$PWD/data" cuda | tee -a "$out/step-gannotes.txt" | ms)
  torch=$(timeout 120 "$python" "$peer" "$steps" 4 128 cuda | tee -a "$out/step-torch.txt" | ms)
  echo "round=$round gannotes_ms=$ours torch_ms=$torch"
done | tee "$out/step-rounds.txt"
"$python" - "$out/step-rounds.txt" <<'PY' | tee "$out/step-summary.txt"
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1]) if "gannotes_ms=" in line]
rows = [r for r in rows if r["gannotes_ms"] and r["torch_ms"]]
if rows:
    ours = statistics.median(float(r["gannotes_ms"]) for r in rows)
    torch = statistics.median(float(r["torch_ms"]) for r in rows)
    print(f"medians of {len(rows)} rounds: GanNotes {ours:.3f} ms/step, PyTorch {torch:.3f} ms/step, ratio {ours / torch:.2f}")
PY

echo "== 3. gan-notes train --device cuda (fast, 10 epochs)"
start=$(date +%s.%N)
timeout 600 "$bin/cli/gan-notes" train --device cuda --out "$work/run" 2>&1 | tee "$out/train.txt" | tail -4
end=$(date +%s.%N)
echo "train wall seconds: $("$python" -c "print(round($end - $start, 1))")" | tee -a "$out/train.txt"
cp "$work/run/history.csv" "$out/history.csv" 2>/dev/null || true
