# Sourced by build/demo.sh and build/bench-noop.sh.
# write_nuget_config DIR FEED: writes DIR/nuget.config with the local DocGen feed first and nuget.org second, and the
# machine's package folder (NUGET_PACKAGES or ~/.nuget/packages, as it is when this runs) as a fallback, so packages
# the machine already has (e.g. from restoring this repository) need no network.
write_nuget_config() {
  local dir=$1 feed=$2 user_packages=${NUGET_PACKAGES:-$HOME/.nuget/packages} fallback=""
  # NuGet takes a package from a fallback folder before any feed: a DocGen package of the same version restored there
  # earlier (e.g. by `dotnet tool install` from an older build) would stand in for the one just packed. Then do without it.
  if [ -d "$user_packages" ] && [ ! -d "$user_packages/docgen.build" ] && [ ! -d "$user_packages/docgen.tool" ]; then
    fallback="<fallbackPackageFolders><add key=\"user\" value=\"$user_packages\" /></fallbackPackageFolders>"
  fi
  cat >"$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="docgen-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  $fallback
</configuration>
XML
}
