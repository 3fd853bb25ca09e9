#!/usr/bin/env bash
# This machine's fp32 FMA peak in GFLOP/s, on 1 thread and on every core the process may use:
# compiles fma-peak.c (12 independent 512-bit FMA chains per thread, or 256-bit where the CPU
# has no AVX-512) into a temporary folder and runs it. Prints the CPU model and family, the
# compiler and its flags, every repetition and the medians.
#
# Usage: tests/GanNotes.Benchmarks/fma-peak.sh [repetitions=7] [million iterations per thread=100]
# 100 million iterations take about 0.35 s per repetition on a Zen 5 core at 512 bits.
# Needs: gcc 12 or later (CC overrides it) on x86-64 Linux; a CPU with AVX2 and FMA at least.
# Run it on a quiet machine: other work on the cores lowers the all-cores figure.
set -euo pipefail
usage="usage: fma-peak.sh [repetitions=7] [million iterations per thread=100]"
if [[ $# -gt 2 ]]; then echo "error: too many arguments; $usage" >&2; exit 2; fi
cc=${CC:-gcc}
if ! command -v "$cc" >/dev/null; then echo "error: $cc not found (install gcc, or set CC)" >&2; exit 2; fi
# No -m flags: the kernels carry their own target attributes (avx512f,fma and avx2,fma) and
# main picks one with __builtin_cpu_supports, so the rest of the program runs on any x86-64.
flags="-O2 -pthread -Wall -Wextra"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
# shellcheck disable=SC2086 # flags is a list of words
"$cc" $flags -DFMA_PEAK_FLAGS="\"$flags\"" -o "$build/fma-peak" "$here/fma-peak.c"
"$build/fma-peak" "$@"
