#!/usr/bin/env bash
# The GPU measurements, in one go, on a machine with an NVIDIA GPU and PyTorch with CUDA but no .NET,
# with the program that gpu/publish.sh packs (gpu-bench.tar.xz):
#   1. device-check: every kernel on the GPU against the CPU at the training step's sizes, and ten GAN steps;
#   2. the training step, GanNotes against the PyTorch peer on the same GPU, alternating, ROUNDS rounds
#      of STEPS steps, each timed with the device synchronised (medians);
#   3. gan-notes train --device cuda: the default 10-epoch fast run, end to end, timed.
# Writes every log into $OUT (default: a temporary folder) and prints the summary.
#
# Usage: on-device.sh [rounds=5] [steps=200]
#
# It runs from the repository (the tarball in artifacts/) or from any folder that holds it beside the
# tarball and the peer, e.g.
#   mkdir bench && cp tests/GanNotes.Benchmarks/gpu/on-device.sh artifacts/gpu-bench.tar.xz \
#     tests/GanNotes.Benchmarks/peer/torch_reference_gan.py bench/ && cp -r data bench/
#   bench/on-device.sh
# What it needs, and where it looks (a missing piece stops it at once, with one line):
#   the program  $GANNOTES_BENCH, else gpu-bench.tar.xz beside this script, else the repository's artifacts/;
#   the peer     torch_reference_gan.py beside this script, else the repository's peer/;
#   the data     $GANNOTES_DATA (a folder holding fashion-mnist/), else data/ beside this script, else the
#                repository's data/;
#   Python       $PYTHON (default python3), with PyTorch and NumPy.
# Without a GPU it stops at step 1 with the program's one-line reason. DEVICE=cpu runs all three steps on
# the CPU instead (step 1 then checks the CUDA kernels on ILGPU's CPU accelerator), and EPOCHS=N
# shortens step 3: a check of this script and of the published program on any machine.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "on-device.sh: $*" >&2; exit 2; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive integer, got '$2'"; }

rounds=${1:-5}
steps=${2:-200}
device=${DEVICE:-cuda}
epochs=${EPOCHS:-10}
positive rounds "$rounds"
positive steps "$steps"
positive EPOCHS "$epochs"

# The repository, when this script sits in one (tests/GanNotes.Benchmarks/gpu/).
repo=
if [ -f "$here/../../../GanNotes.sln" ]; then repo=$(cd "$here/../../.." && pwd); fi
first() { for f in "$@"; do if [ -e "$f" ]; then echo "$f"; return 0; fi; done; return 1; }

if [ -n "${GANNOTES_BENCH:-}" ]; then
  tarball=$GANNOTES_BENCH
  [ -f "$tarball" ] || die "GANNOTES_BENCH is set to $tarball, which does not exist"
else
  tarball=$(first "$here/gpu-bench.tar.xz" ${repo:+"$repo/artifacts/gpu-bench.tar.xz"}) ||
    die "no gpu-bench.tar.xz beside this script${repo:+ or in $repo/artifacts}; make it with tests/GanNotes.Benchmarks/gpu/publish.sh, or set GANNOTES_BENCH"
fi
peer_source=$(first "$here/torch_reference_gan.py" ${repo:+"$repo/tests/GanNotes.Benchmarks/peer/torch_reference_gan.py"}) ||
  die "no torch_reference_gan.py beside this script; copy it from tests/GanNotes.Benchmarks/peer/"
if [ -n "${GANNOTES_DATA:-}" ]; then
  data=$GANNOTES_DATA
else
  data=$(first "$here/data" ${repo:+"$repo/data"}) || die "no data folder: set GANNOTES_DATA to a folder holding fashion-mnist/ (the repository's data/)"
fi
[ -f "$data/fashion-mnist/train-images-idx3-ubyte.gz" ] ||
  die "$data/fashion-mnist/train-images-idx3-ubyte.gz is missing; GANNOTES_DATA must name a folder holding fashion-mnist/ (the repository's data/)"
data=$(cd "$data" && pwd)
python=${PYTHON:-python3}
command -v "$python" >/dev/null || die "$python not found; set PYTHON to a Python with PyTorch"
"$python" -c 'import torch, numpy' 2>/dev/null || die "$python cannot import torch and numpy; set PYTHON to a Python with PyTorch"

out=${OUT:-$(mktemp -d)}
mkdir -p "$out" || die "cannot create the output folder $out"
work=$(mktemp -d) || die "cannot create a temporary folder"
trap 'rm -rf "$work"' EXIT
# xz where it is installed, else Python's own tarfile (which reads .tar.xz with the standard library).
if command -v xz >/dev/null; then
  tar -C "$work" -xJf "$tarball"
else
  "$python" -m tarfile -e "$tarball" "$work"
fi || die "cannot unpack $tarball"
bench="$work/gpu-bench/GanNotes.Benchmarks"
[ -x "$bench" ] || die "$tarball holds no gpu-bench/GanNotes.Benchmarks; make it again with gpu/publish.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 GANNOTES_DATA="$data"
failed=0

{ nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0) if torch.cuda.is_available() else "(no GPU)")'
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"; } 2>&1 | tee "$out/machine.txt"

# On the CPU, step 1 checks the CUDA kernels on ILGPU's CPU accelerator: the CPU against itself says nothing.
check_device=$device
if [ "$device" = cpu ]; then check_device=ilgpu-cpu; fi
echo "== 1. device-check on $check_device"
timeout 600 "$bench" device-check "$check_device" "$data" 2>&1 | tee "$out/device-check.txt"
status=${PIPESTATUS[0]}
if [ "$status" -eq 1 ]; then
  echo "on-device.sh: step 1: some kernels disagree with the CPU (see $out/device-check.txt); timing goes on" >&2
  failed=1
elif [ "$status" -ne 0 ]; then
  echo "on-device.sh: step 1, device-check on $check_device, stopped (exit $status): $(tail -n 1 "$out/device-check.txt")" >&2
  exit 1
fi

echo "== 2. training step, alternating (batch 128, $steps steps per round, $device)"
# The peer reads Fashion-MNIST from /usr/share/datasets; point it at this data folder.
peer="$work/torch_reference_gan.py"
sed "s#/usr/share/datasets/fashion-mnist#$data/fashion-mnist#" "$peer_source" > "$peer"
ms() { grep -o 'ms_per_step=[0-9.]*' | cut -d= -f2; }
for round in $(seq 1 "$rounds"); do
  ours=$(timeout 300 "$bench" "$steps" 4 128 "$data" "$device" 2>&1 | tee -a "$out/step-gannotes.txt" | ms)
  torch=$(timeout 300 "$python" "$peer" "$steps" 4 128 "$device" 2>&1 | tee -a "$out/step-torch.txt" | ms)
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
else:
    print("no round gave both timings: see step-gannotes.txt and step-torch.txt")
    sys.exit(1)
PY
[ "${PIPESTATUS[0]}" -eq 0 ] || failed=1

echo "== 3. gan-notes train --device $device (fast, $epochs epochs)"
start=$(date +%s.%N)
timeout 900 "$bench" gan-notes train --device "$device" --epochs "$epochs" --out "$work/run" > "$out/train.txt" 2>&1
status=$?
end=$(date +%s.%N)
tail -n 4 "$out/train.txt"
if [ "$status" -ne 0 ]; then
  echo "on-device.sh: step 3, gan-notes train, failed (exit $status): see $out/train.txt" >&2
  failed=1
else
  echo "train wall seconds: $("$python" -c "print(round($end - $start, 1))")" | tee -a "$out/train.txt"
  cp "$work/run/history.csv" "$work/run/config.json" "$out/"
fi
echo "logs: $out"
exit "$failed"
