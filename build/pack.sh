#!/usr/bin/env bash
# Packs DocGen.Build (the MSBuild package, with the engine bundled) and DocGen.Tool (the global tool)
# into a local feed. Usage: build/pack.sh [FEED_DIR] [CONFIGURATION]   (default artifacts/feed, Release)
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:-artifacts/feed}
configuration=${2:-Release}
mkdir -p "$feed"
feed=$(cd "$feed" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
# Same version, new bits: remove the previous packages so the feed holds only this build's.
rm -f "$feed"/DocGen.Build.*.nupkg "$feed"/DocGen.Tool.*.nupkg
dotnet pack DocGenBuild.sln -c "$configuration" -o "$feed" -nodeReuse:false -v:q -nologo -clp:NoSummary >&2
ls "$feed"/DocGen.Build.*.nupkg "$feed"/DocGen.Tool.*.nupkg >/dev/null
echo "$feed"
