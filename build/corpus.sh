#!/usr/bin/env bash
# Figures of the real-world corpus (tests/fixtures/Corpus/Corpus.csproj) for docs/real-world.md: one
# `docgen build Lib.dll --formats html,markdown` per library from its NuGet package, run by the built tool as its
# own process, printed as a Markdown table row: types, members, pages, seconds (wall) and peak MB (RSS).
# Not part of the test suite (tests/DocGen.Core.Tests/Corpus checks correctness, not speed).
# Usage: build/corpus.sh [--formats html] [--work DIR]. Needs: .NET SDK, GNU time (/usr/bin/time), python3.
set -euo pipefail

formats=html,markdown work=""
while (($#)); do
  case $1 in
    --formats) formats=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: $0 [--formats F] [--work DIR]" >&2; exit 2 ;;
  esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${work:-$(mktemp -d /tmp/docgen-corpus.XXXXXX)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
[ -x /usr/bin/time ] || { echo "corpus.sh needs GNU time at /usr/bin/time (Debian package 'time')" >&2; exit 1; }

packages="$repo/artifacts/corpus/packages"
mkdir -p "$work/restore"
cp "$repo"/tests/fixtures/Directory.* "$work/"
cp "$repo/tests/fixtures/Corpus/Corpus.csproj" "$work/restore/"
dotnet restore "$work/restore/Corpus.csproj" --packages "$packages" --configfile "$repo/nuget.config" -nodeReuse:false >&2
dotnet build "$repo/src/DocGen.Tool/DocGen.Tool.csproj" -c Release -nodeReuse:false -v:q -nologo >&2
tool="$repo/src/DocGen.Tool/bin/Release/net10.0/docgen.dll"

echo "| library | version | lib/ | types | members | pages | seconds | peak MB |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
python3 - "$repo/tests/fixtures/Corpus/Corpus.csproj" <<'PY' | while IFS=$'\t' read -r id version tfm assembly; do
import sys, xml.etree.ElementTree as ET
for e in ET.parse(sys.argv[1]).iter('PackageDownload'):
    print('\t'.join([e.get('Include'), e.get('Version').strip('[]'), e.get('Tfm'), e.get('Assembly')]))
PY
  dll="$packages/${id,,}/$version/lib/$tfm/$assembly"
  out="$work/out/$id"
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$tool" build "$dll" --output "$out" --formats "$formats" > "$work/$id.log" 2>&1 \
    || { echo "| $id | $version | $tfm | failed (see $work/$id.log) | | | | |"; continue; }
  read -r seconds kb < <(tail -1 "$work/time.txt")
  counts=$(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['counts']; print(c['types'], c['members'])" "$out/report.json")
  pages=$(find "$out/site" -name '*.html' | wc -l)
  echo "| $id | $version | $tfm | ${counts% *} | ${counts#* } | $pages | $seconds | $((kb / 1024)) |"
done
