#!/usr/bin/env bash
# DocGen benchmark (issue 6). Prints one line per figure, each the median of RUNS runs with min and max:
#   1. cold DocGen over a synthetic library (wall, peak RSS, each pipeline stage)
#   2. the library's own compile time and the ratio DocGen / compile
#   3. no-op `dotnet build` with the DocGen.Build package vs without (needs build/pack.sh)
#   4. rebuild after editing one doc comment: DocGen time and files rewritten
#   5. search: index size and query time of the site's own search code in Node
#   6. growth: cold DocGen at each size of --scale (default 1000 2000 4000 8000 types), time and peak RSS,
#      and the ratio of each doubling
#   7. DocFX 2.81 (dotnet tool) HTML over the same library, and DocGen's speed-up over it
# Figure 4 also prints the no-change and one-edit reruns as a fraction of the cold run.
# Not part of the test suite. Usage:
#   build/bench.sh [--runs N] [--types N] [--scale "1000 2000 4000"] [--no-docfx] [--no-noop] [--work DIR] [--keep]
# Needs: .NET SDK, node, GNU time (/usr/bin/time), gzip. Takes ~20–40 minutes on 2 cores.
set -euo pipefail

runs=5 types=2000 work="" keep=0 scale="1000 2000 4000 8000" docfx=1 noop=1
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --types) types=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --no-docfx) docfx=0; shift ;;
    --no-noop) noop=0; shift ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--runs N] [--types N] [--scale \"N N…\"] [--no-docfx] [--no-noop] [--work DIR] [--keep]" >&2; exit 2 ;;
  esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${work:-$(mktemp -d /tmp/docgen-bench.XXXXXX)}
mkdir -p "$work"
((keep)) || trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time at /usr/bin/time (Debian package 'time')" >&2; exit 1; }

log() { echo "[bench] $*" >&2; }
load() { awk '{print $1"/"$2"/"$3}' /proc/loadavg; }
# stats UNIT VALUES… → "median X UNIT (min Y, max Z)"
stats() {
  local unit=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v u="$unit" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "median %s%s (min %s, max %s)", m, u, v[1], v[NR]}'
}
# Seconds (3 decimals) that "$@" takes; its output goes to $work/last.log.
timed() {
  local t0 t1
  t0=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }
  t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}'
}

log "work folder $work, $runs runs, $types types; $(nproc) cores, load $(load)"
# The engine as DocGen.Build ships it: Release, published ReadyToRun for this machine's runtime identifier.
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
log "publishing DocGen (Release, ReadyToRun for $rid)"
dotnet publish "$repo/src/DocGen.Tool" -c Release -r "$rid" --self-contained false -o "$work/engine" -nodeReuse:false -v:q -nologo >"$work/docgen-build.log" 2>&1 || { cat "$work/docgen-build.log" >&2; exit 1; }
docgen=("dotnet" "$work/engine/docgen.dll")

syn=$work/syn
project=$syn/Synthetic.Library.csproj
"$repo/build/bench/gen-synthetic.sh" "$syn" "$types" >&2
dotnet restore "$project" -nodeReuse:false -v:q >/dev/null

# ---- 2. the project's own compile (full rebuild: --no-incremental) -------------------------------
log "figure 2: compiling the synthetic library $runs times"
compile=()
for ((r = 0; r < runs; r++)); do
  compile+=("$(timed dotnet build "$project" -c Release --no-restore --no-incremental -nodeReuse:false -v:q -nologo)")
done
compile_load=$(load)

# The request file the DocGen.Build task would write: the engine is timed exactly as a build runs it.
dotnet msbuild "$project" -nologo -nodeReuse:false -p:Configuration=Release -t:ResolveReferences \
  -getProperty:TargetPath -getProperty:TargetFramework -getProperty:MSBuildProjectName -getProperty:DefineConstants \
  -getProperty:LangVersion -getProperty:ProjectAssetsFile -getProperty:NuGetPackageRoot \
  -getItem:Compile -getItem:ReferencePath >"$work/eval.json"
out=$work/out
node "$repo/build/bench/make-request.js" "$work/eval.json" "$project" "$out" >"$work/request.json"

# One DocGen run: sets wall, rss_mib, written, unchanged and stage_<name> (ms) from its output.
docgen_run() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f 'RSS %M CPU %U %S' "${docgen[@]}" build --request "${1:-$work/request.json}" --verbose >"$work/run.log" 2>&1 \
    || { cat "$work/run.log" >&2; return 1; }
  t1=$(date +%s.%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}')
  rss_mib=$(awk '/^RSS/ {printf "%d", $2/1024}' "$work/run.log")
  user_s=$(awk '/^RSS/ {printf "%.2f", $4 + $5}' "$work/run.log")
  reused=$(sed -n 's/.*unchanged (\([0-9]*\) not rendered again).*/\1/p' "$work/run.log"); reused=${reused:-0}
  alloc_mib=$(sed -n 's/^DocGen memory: \([0-9]*\) MiB allocated.*/\1/p' "$work/run.log")
  gc_ms=$(sed -n 's/^DocGen memory: .*paused \([0-9]*\) ms.*/\1/p' "$work/run.log")
  written=$(sed -n 's/.* \([0-9]*\) files written.*/\1/p' "$work/run.log")
  unchanged=$(sed -n 's/.*written, \([0-9]*\) unchanged.*/\1/p' "$work/run.log")
  summary=$(grep -E '^DocGen: [0-9]+ types' "$work/run.log" | sed 's/; [0-9]* files written.*//')
  stage_names=$(sed -n 's/^DocGen timings: //p' "$work/run.log" | tr ',' '\n' | awk '{print $1}' | tr '\n' ' ')
  for s in $stage_names; do
    printf -v "stage_${s//-/_}" '%s' "$(sed -n "s/^DocGen timings: .*\b$s \([0-9]*\) ms.*/\1/p" "$work/run.log")"
  done
}

# ---- 1. cold DocGen ----------------------------------------------------------------------------------
log "figure 1: cold DocGen $runs times"
walls=() rsss=() allocs=() gcs=() users=()
declare -A stages
# Each cold run writes into a folder that never existed; nothing is deleted until the end. Deleting tens of
# thousands of files right before a run would measure ext4, not DocGen: for minutes after a mass delete, every new
# inode scans the recently freed ones (find_inode_bit/recently_deleted in the kernel profile), and creating the same
# 37,000 files took 10–16 s of system time instead of ~1.5 s (see docs/performance.md).
for ((r = 0; r < runs; r++)); do
  cold_request=$work/request.json
  if ((r < runs - 1)); then # the last run writes $out, which figure 4 rebuilds
    cold_request=$work/request-cold$r.json
    sed "s|\"$out\"|\"$work/out-cold$r\"|" "$work/request.json" >"$cold_request"
  fi
  sync
  docgen_run "$cold_request"
  walls+=("$wall") rsss+=("$rss_mib") allocs+=("$alloc_mib") gcs+=("$gc_ms") users+=("$user_s")
  for s in $stage_names; do v=stage_${s//-/_}; stages[$s]+="${!v} "; done
done
cold_load=$(load)
cold_written=$written
stage_line=""
for s in $stage_names; do
  # shellcheck disable=SC2086
  stage_line+="; $s $(stats ' ms' ${stages[$s]})"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}'; }
ratio=$(awk -v d="$(median "${walls[@]}")" -v c="$(median "${compile[@]}")" 'BEGIN {printf "%.2f", d/c}')

# ---- 4. one-file edit ----------------------------------------------------------------------------------
log "figure 4: one doc comment edited, $runs times"
edit_walls=() edit_written=() edit_build=() edit_users=() edit_reused=()
docgen_run # warm output: the first rerun after the cold one
nochange_walls=() nochange_users=()
for ((r = 0; r < runs; r++)); do
  docgen_run
  nochange_walls+=("$wall") nochange_users+=("$user_s")
done
noop_written=$written noop_reused=$reused
target=$syn/src/File$(( $(ls "$syn/src" | wc -l) / 2 )).cs
for ((r = 0; r < runs; r++)); do
  # A different summary each time (the line of Operation3 of the file's first interface).
  sed -i -E "0,/Operation 3 of contract ([0-9]+)[^<]*</s//Operation 3 of contract \1 (edit $r)</" "$target"
  edit_build+=("$(timed dotnet build "$project" -c Release --no-restore -nodeReuse:false -v:q -nologo)")
  touch "$work/edit.stamp"; sleep 1
  docgen_run
  edit_walls+=("$wall") edit_written+=("$written") edit_users+=("$user_s") edit_reused+=("$reused")
done
changed=$(cd "$out" && find . -type f -newer "$work/edit.stamp" | sort | tr '\n' ' ')
edit_load=$(load)

# ---- 3. no-op build with and without DocGen.Build ------------------------------------------------------
noop_line="skipped: DocGen.Build package not available (build/pack.sh and build/bench-noop.sh missing)"
if ((!noop)); then
  noop_line="skipped (--no-noop)"
elif [ -x "$repo/build/pack.sh" ] && [ -x "$repo/build/bench-noop.sh" ]; then
  log "figure 3: build/bench-noop.sh over the synthetic library (packs DocGen.Build first)"
  # bench-noop.sh wants a fixture that references DocGen.Build at $(FixtureDocGenVersion); it removes the
  # reference for the "without" copy.
  fixture=$work/noop-fixture/Synthetic.Library
  mkdir -p "$fixture"
  cp -r "$syn/src" "$fixture/"
  sed 's|</Project>|  <ItemGroup><PackageReference Include="DocGen.Build" Version="$(FixtureDocGenVersion)" PrivateAssets="all" /></ItemGroup>\n</Project>|' \
    "$project" >"$fixture/Synthetic.Library.csproj"
  if "$repo/build/bench-noop.sh" "$runs" "$fixture" >"$work/noop.out" 2>"$work/noop.log"; then
    noop_line="with DocGen $(awk '/with DocGen/ {print "median " $4 " s (min " $8 ", max " $10 ")"}' "$work/noop.out"); without $(awk '/without DocGen/ {print "median " $4 " s (min " $8 ", max " $10 ")"}' "$work/noop.out"); $(awk '/ratio/ {print "ratio " $NF}' "$work/noop.out")"
  else
    noop_line="failed: $(tail -3 "$work/noop.log" | tr '\n' ' ')"
  fi
  noop_line+=" [load $(load)]"
fi

# ---- 5. search ---------------------------------------------------------------------------------------
log "figure 5: search"
search=$(node "$repo/build/bench/search-bench.js" "$out/site" "$runs")
search_line=$(node -e '
const s = JSON.parse(process.argv[1]); const f = x => `median ${x.median.toFixed(2)} ms (min ${x.min.toFixed(2)}, max ${x.max.toFixed(2)})`;
console.log(`${s.entries} entries, ${s.bytes} bytes (${s.gzipBytes} gzip); first query incl. loading the index ${f(s.firstMs)}; each further query ${f(s.queryMs)} over ${s.queries} queries`);' "$search")

# ---- 6. growth: cold runs at each size ----------------------------------------------------------------
# Each size is its own synthetic library, built once; cold runs write into folders that never existed (as figure 1).
prepare_library() { # N → sets lib_request
  local n=$1 dir=$work/scale$1
  if [ ! -f "$dir/request.json" ]; then
    "$repo/build/bench/gen-synthetic.sh" "$dir/lib" "$n" >&2
    dotnet restore "$dir/lib/Synthetic.Library.csproj" -nodeReuse:false -v:q >/dev/null
    dotnet build "$dir/lib/Synthetic.Library.csproj" -c Release --no-restore -nodeReuse:false -v:q -nologo >/dev/null
    dotnet msbuild "$dir/lib/Synthetic.Library.csproj" -nologo -nodeReuse:false -p:Configuration=Release -t:ResolveReferences \
      -getProperty:TargetPath -getProperty:TargetFramework -getProperty:MSBuildProjectName -getProperty:DefineConstants \
      -getProperty:LangVersion -getProperty:ProjectAssetsFile -getProperty:NuGetPackageRoot \
      -getItem:Compile -getItem:ReferencePath >"$dir/eval.json"
    node "$repo/build/bench/make-request.js" "$dir/eval.json" "$dir/lib/Synthetic.Library.csproj" "$dir/out" >"$dir/request.json"
  fi
  lib_request=$dir/request.json
}
scale_runs=$(( runs < 3 ? runs : 3 ))
growth_line="" prev_t="" prev_m=""
for n in $scale; do
  log "figure 6: $n types, $scale_runs cold runs"
  prepare_library "$n"
  st=() sm=()
  for ((r = 0; r < scale_runs; r++)); do
    req=$work/scale$n/request-cold$r.json
    sed "s|\"$work/scale$n/out\"|\"$work/scale$n/out-cold$r\"|" "$lib_request" >"$req"
    sync
    docgen_run "$req"
    st+=("$wall") sm+=("$rss_mib")
  done
  t=$(median "${st[@]}") m=$(median "${sm[@]}")
  growth_line+="$n types ${t} s ${m} MiB"
  if [ -n "$prev_t" ]; then
    growth_line+=" (×$(awk -v a="$t" -v b="$prev_t" 'BEGIN {printf "%.2f", a/b}') time, ×$(awk -v a="$m" -v b="$prev_m" 'BEGIN {printf "%.2f", a/b}') memory)"
  fi
  growth_line+="; "
  prev_t=$t prev_m=$m
done
growth_line+="[load $(load)]"

# ---- 7. DocFX HTML over the same library ------------------------------------------------------------------
docfx_line="skipped (--no-docfx)"
if ((docfx)); then
  log "figure 7: DocFX 2.81 (dotnet tool) against DocGen's HTML-only output, $scale_runs interleaved runs"
  if dotnet tool install docfx --version 2.81.0 --tool-path "$work/docfx-tool" >"$work/docfx-install.log" 2>&1; then
    mkdir -p "$work/docfx"
    printf '# Synthetic library\n' >"$work/docfx/index.md"
    printf -- '- name: API\n  href: api/\n' >"$work/docfx/toc.yml"
    cat >"$work/docfx/docfx.json" <<JSON
{ "metadata": [{ "src": [{ "src": "$syn", "files": ["Synthetic.Library.csproj"] }], "dest": "api", "properties": { "Configuration": "Release" } }],
  "build": { "content": [{ "files": ["api/**.yml", "index.md", "toc.yml"] }], "output": "_site", "template": ["default", "modern"] } }
JSON
    html_request=$work/request-html.json
    fx=() dg=() fxm=()
    for ((r = 0; r < scale_runs; r++)); do
      rm -rf "$work/docfx/api" "$work/docfx/_site" "$work/docfx/obj"
      t0=$(date +%s.%N)
      (cd "$work/docfx" && /usr/bin/time -f 'RSS %M' "$work/docfx-tool/docfx" docfx.json >"$work/docfx.log" 2>&1) || { tail -5 "$work/docfx.log" >&2; break; }
      t1=$(date +%s.%N)
      fx+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}')") fxm+=("$(awk '/^RSS/ {printf "%d", $2/1024}' "$work/docfx.log")")
      sed -e "s|\"$out\"|\"$work/out-html$r\"|" -e 's|"properties": {|"properties": { "DocGenFormats": "html",|' "$work/request.json" >"$html_request"
      sync
      docgen_run "$html_request"
      dg+=("$wall")
    done
    if ((${#fx[@]} > 0)); then
      docfx_line="DocFX $(stats ' s' "${fx[@]}"), peak RSS $(stats ' MiB' "${fxm[@]}"); DocGen HTML only $(stats ' s' "${dg[@]}"); DocFX / DocGen = $(awk -v a="$(median "${fx[@]}")" -v b="$(median "${dg[@]}")" 'BEGIN {printf "%.1f", a/b}') [load $(load)]"
    else
      docfx_line="failed: $(tail -3 "$work/docfx.log" | tr '\n' ' ')"
    fi
  else
    docfx_line="not available: dotnet tool install docfx 2.81.0 failed ($(tail -1 "$work/docfx-install.log"))"
  fi
fi

# ---- report ----------------------------------------------------------------------------------------------
echo "DocGen benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), .NET SDK $(dotnet --version), $runs runs; ${summary#DocGen: }"
echo "1. cold DocGen: wall $(stats ' s' "${walls[@]}"); CPU (user + system) $(stats ' s' "${users[@]}"); peak RSS $(stats ' MiB' "${rsss[@]}"); allocated $(stats ' MiB' "${allocs[@]}"); GC pauses $(stats ' ms' "${gcs[@]}"); $cold_written files${stage_line} [load $cold_load]"
echo "2. compile (dotnet build --no-incremental): $(stats ' s' "${compile[@]}"); DocGen / compile = $ratio [load $compile_load]"
echo "3. no-op dotnet build: $noop_line"
cold_m=$(median "${walls[@]}") cold_cpu=$(median "${users[@]}")
frac() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100*a/b}'; }
echo "4. one doc comment edited: dotnet build $(stats ' s' "${edit_build[@]}"); DocGen $(stats ' s' "${edit_walls[@]}") = $(frac "$(median "${edit_walls[@]}")" "$cold_m") of cold (CPU $(frac "$(median "${edit_users[@]}")" "$cold_cpu")); pages not rendered again $(stats '' "${edit_reused[@]}"); files rewritten $(stats '' "${edit_written[@]}"); last edit rewrote: $changed[load $edit_load]"
echo "4. no change: DocGen $(stats ' s' "${nochange_walls[@]}") = $(frac "$(median "${nochange_walls[@]}")" "$cold_m") of cold (CPU $(frac "$(median "${nochange_users[@]}")" "$cold_cpu")); files rewritten $noop_written, pages not rendered again $noop_reused"
echo "5. search: $search_line"
echo "6. growth (cold, median of $scale_runs): $growth_line"
echo "7. DocFX HTML vs DocGen HTML (same library, $types types): $docfx_line"
