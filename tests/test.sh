#!/usr/bin/env bash
# The test command (README, "Build and test"). On a bare Debian or Ubuntu machine with the
# .NET 10 SDK it first installs what the tests need, then runs the whole suite:
#   - Debian's chromium: the static PNG of every chart (Plots tests, course notebooks);
#   - python3-nbformat: Jupyter's validator for every notebook the runner writes;
#   - python3-nbclient: runs the notebooks in the .NET Interactive kernel;
#   - jupyter-notebook: Jupyter's Notebook server, for the test that runs a notebook in
#     Chromium as a classroom's JupyterHub shows it (Playwright, restored by NuGet, drives it);
#   - the .NET Interactive tool pinned in .config/dotnet-tools.json (dotnet tool restore).
# Only what is missing is installed (apt-get, with sudo when not root). Arguments go to
# `dotnet test` (e.g. tests/test.sh --filter FullyQualifiedName~Course).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is not on PATH; install it from https://dot.net first" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${GANNOTES_CHROMIUM:-}" ] || missing+=(chromium)
/usr/bin/python3 -c "import nbformat" >/dev/null 2>&1 || missing+=(python3-nbformat)
/usr/bin/python3 -c "import nbclient" >/dev/null 2>&1 || missing+=(python3-nbclient)
command -v jupyter-notebook >/dev/null 2>&1 || missing+=(jupyter-notebook)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing ${missing[*]} (apt-get)"
  if ! { $sudo apt-get update -qq &&
         $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "error: could not install ${missing[*]} with apt-get; install them by hand, then run tests/test.sh again" >&2
    exit 2
  fi
fi

dotnet tool restore >/dev/null
dotnet test GanNotes.sln -c Release "$@"
