#!/usr/bin/env bash
# Runs the whole test suite the way CI does, on a fresh machine or a developer's.
# Installs what the tests need (Debian packages when missing, the CycloneDX validator from npm),
# then runs `dotnet test` and ends with one summary line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nginx >/dev/null 2>&1 || need_apt+=(nginx)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Debian packages: ${need_apt[*]}"
    # A failed install is not fatal: the tests that need the package say why they are skipped.
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null; } \
      || echo "warning: could not install ${need_apt[*]}; tests that need them will be skipped" >&2
  else
    echo "warning: not root; tests that need ${need_apt[*]} will be skipped" >&2
  fi
fi

if [ -f tests/tools/cyclonedx/package.json ] && [ ! -d tests/tools/cyclonedx/node_modules ]; then
  echo "== installing the CycloneDX validator (npm)"
  npm ci --prefix tests/tools/cyclonedx --no-audit --no-fund --loglevel=error
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
log=$(mktemp)
set +e
dotnet test DocGenBuild.sln -nodeReuse:false "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log" | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo
echo "tests: ${summary:-0 passed, 0 failed, 0 skipped}"
exit "$status"
