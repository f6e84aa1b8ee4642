#!/usr/bin/env bash
# Retakes the README's screenshots of the site (docs/images/site-*.png) with the browser tests' sample site in
# Debian's Chromium. Not part of the test run: ./build/test.sh takes them into a temporary folder instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOCGEN_SCREENSHOTS="$PWD/docs/images" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet test tests/DocGen.Core.Tests -nodeReuse:false --filter Screenshots
