#!/usr/bin/env bash
# Benchmark (not a test): wall time of a no-op `dotnet build` of a fixture project with DocGen.Build and
# without it, over several runs, and their ratio. Packs first unless SKIP_PACK=1 and a feed exists.
# Usage: build/bench-noop.sh [RUNS] [FIXTURE_DIR]   (default 7 runs, tests/fixtures/build/Calc)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=lib/local-feed.sh
. build/lib/local-feed.sh
runs=${1:-7}
fixture=$(cd "${2:-tests/fixtures/build/Calc}" && pwd)
name=$(basename "$fixture")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 MSBUILDTERMINALLOGGER=off

if [ "${SKIP_PACK:-0}" = 1 ] && ls artifacts/feed/DocGen.Build.*.nupkg >/dev/null 2>&1; then
  feed=$repo/artifacts/feed
else
  feed=$(build/pack.sh artifacts/feed)
fi
version=$(basename "$(ls "$feed"/DocGen.Build.*.nupkg)" .nupkg); version=${version#DocGen.Build.}

work=$repo/artifacts/bench-noop
rm -rf "$work"
mkdir -p "$work"
write_nuget_config "$work" "$feed"
cat > "$work/Directory.Build.props" <<XML
<Project>
  <Import Project="$repo/tests/fixtures/Directory.Build.props" />
  <PropertyGroup><FixtureDocGenVersion>$version</FixtureDocGenVersion></PropertyGroup>
</Project>
XML
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"
export NUGET_PACKAGES=$work/packages

# "with": the fixture as is (it references DocGen.Build); "without": the same project minus that reference.
cp -r "$fixture" "$work/with"
cp -r "$fixture" "$work/without"
rm -rf "$work"/with*/bin "$work"/with*/obj
sed -i '/Include="DocGen.Build"/d' "$work/without"/*.csproj
grep -q 'Include="DocGen.Build"' "$work/with"/*.csproj || { echo "bench: $fixture does not reference DocGen.Build" >&2; exit 1; }

now() { date +%s.%N; }
for variant in with without; do
  (cd "$work/$variant" && dotnet build -nodeReuse:false -nologo -v:q >/dev/null) # first build + warm-up
  (cd "$work/$variant" && dotnet build -nodeReuse:false -nologo -v:q >/dev/null)
done
(cd "$work/with" && dotnet build -nodeReuse:false -nologo -v:q -question >/dev/null) || { echo "bench: the no-op build is not up to date" >&2; exit 1; }

declare -A times
for i in $(seq 1 "$runs"); do
  for variant in with without; do # interleaved, so machine noise hits both alike
    start=$(now)
    (cd "$work/$variant" && dotnet build -nodeReuse:false -nologo -v:q >/dev/null)
    end=$(now)
    times[$variant]+="$(awk -v a="$end" -v b="$start" 'BEGIN { printf "%.4f", a - b }') "
  done
done

stats() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1; s+=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f %.3f %.3f", m, s/NR, a[1], a[NR]}'; }
read -r with_med with_mean with_min with_max <<<"$(echo "${times[with]}" | stats)"
read -r without_med without_mean without_min without_max <<<"$(echo "${times[without]}" | stats)"
echo "no-op dotnet build of $name, $runs runs each (node reuse off), seconds:"
printf '  %-16s median %s  mean %s  min %s  max %s\n' "with DocGen" "$with_med" "$with_mean" "$with_min" "$with_max"
printf '  %-16s median %s  mean %s  min %s  max %s\n' "without DocGen" "$without_med" "$without_mean" "$without_min" "$without_max"
awk -v a="$with_med" -v b="$without_med" 'BEGIN { printf "  ratio (median with / without): %.3f\n", a / b }'
