#!/usr/bin/env bash
# The main job, end to end: packs DocGen into a local feed, then runs a real `dotnet build` of a sample
# library through the DocGen.Build package (its own NuGet folder, no API key, no language model) and
# prints where the site is.
# Usage: build/demo.sh [SAMPLE_PROJECT_DIR]   (default tests/fixtures/Sample.Library)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=lib/local-feed.sh
. build/lib/local-feed.sh
sample=${1:-tests/fixtures/Sample.Library}
if [ ! -d "$sample" ]; then
  echo "demo: $sample not found; using tests/fixtures/build/Calc" >&2
  sample=tests/fixtures/build/Calc
fi
sample=$(cd "$sample" && pwd)
name=$(basename "$sample")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 MSBUILDTERMINALLOGGER=off

echo "== packing DocGen.Build and DocGen.Tool" >&2
feed=$(build/pack.sh artifacts/feed)
version=$(basename "$(ls "$feed"/DocGen.Build.*.nupkg)" .nupkg); version=${version#DocGen.Build.}

# A workspace outside the repository's build settings: the sample builds the way a user's project would.
work=$repo/artifacts/demo
rm -rf "$work/$name"
mkdir -p "$work"
cp -r "$sample" "$work/$name"
rm -rf "$work/$name/bin" "$work/$name/obj"
write_nuget_config "$work" "$feed"
# The one line a user adds, here through Directory.Build.props so the sample itself stays untouched.
# (A project that already references DocGen.Build through FixtureDocGenVersion gets the version only.)
if grep -q 'Include="DocGen.Build"' "$work/$name"/*.csproj; then add_reference=false; else add_reference=true; fi
cat > "$work/Directory.Build.props" <<XML
<Project>
  <Import Project="$repo/tests/fixtures/Directory.Build.props" />
  <PropertyGroup>
    <FixtureDocGenVersion>$version</FixtureDocGenVersion>
  </PropertyGroup>
  <ItemGroup Condition="'$add_reference' == 'true'">
    <PackageReference Include="DocGen.Build" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"

# A private NuGet folder, emptied of DocGen so the package just packed (same version) is the one used.
export NUGET_PACKAGES=$work/packages
rm -rf "$NUGET_PACKAGES/docgen.build" "$NUGET_PACKAGES/docgen.tool"

echo "== dotnet build $work/$name (DocGen.Build $version)" >&2
cd "$work/$name"
log=$(mktemp)
if ! dotnet build -nodeReuse:false -nologo >"$log" 2>&1; then
  cat "$log"; rm -f "$log"; exit 1
fi
grep -E 'warning|DocGen: ' "$log" | sed 's/^ *//' | sort -u || true
rm -f "$log"
site=$(find "$work/$name/obj" -path '*/docgen/site/index.html' | head -1)
echo
echo "site: $site"
