#!/usr/bin/env bash
# Writes a synthetic class library for benchmarks: TYPES public types in 40 namespaces, 10 members
# each (so ~10 × TYPES members), with XML docs on about 90% of them, generics, overloads,
# interfaces, inheritance, enums and records.
# Usage: build/bench/gen-synthetic.sh OUT_DIR [TYPES=2000]
set -euo pipefail
out=${1:?usage: gen-synthetic.sh OUT_DIR [TYPES]}
types=${2:-2000}
mkdir -p "$out/src"
cat > "$out/Synthetic.Library.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
</Project>
XML
per_file=20
files=$(( (types + per_file - 1) / per_file ))
for ((f = 0; f < files; f++)); do
  ns=$(( f % 40 ))
  {
    echo "using System;"
    echo
    echo "namespace Synthetic.Area$ns;"
    echo
    for ((k = 0; k < per_file; k++)); do
      i=$(( f * per_file + k ))
      (( i < types )) || break
      doc=$(( i % 10 != 0 ))   # one type in ten has no docs at all
      case $(( i % 10 )) in
        1)
          [ $doc = 1 ] && echo "/// <summary>Kinds of item $i.</summary>"
          echo "public enum Kind$i { None = 0, First = 1, Second = 2, Third = 4, Fourth = 8, Fifth = 16, Sixth = 32, Seventh = 64, Eighth = 128, Ninth = 256 }"
          ;;
        2)
          [ $doc = 1 ] && echo "/// <summary>Contract $i.</summary>"
          echo "public interface IContract$i"
          echo "{"
          for m in 0 1 2 3 4 5 6 7 8 9; do
            [ $doc = 1 ] && echo "    /// <summary>Operation $m of contract $i.</summary><param name=\"value\">The input.</param><returns>The result.</returns>"
            echo "    int Operation$m(int value);"
          done
          echo "}"
          ;;
        3)
          [ $doc = 1 ] && echo "/// <summary>Record $i.</summary><param name=\"Name\">The name.</param><param name=\"Size\">The size.</param>"
          echo "public sealed record Record$i(string Name, int Size)"
          echo "{"
          for m in 0 1 2 3 4 5 6; do
            [ $doc = 1 ] && echo "    /// <summary>Derived value $m.</summary>"
            echo "    public int Value$m => Size * $m + Name.Length;"
          done
          echo "}"
          ;;
        *)
          [ $doc = 1 ] && echo "/// <summary>Service $i, which does useful work for <see cref=\"System.String\"/> values.</summary>"
          [ $doc = 1 ] && echo "/// <typeparam name=\"T\">The item type.</typeparam>"
          echo "public class Service$i<T> where T : class"
          echo "{"
          [ $doc = 1 ] && echo "    /// <summary>Creates the service.</summary>"
          echo "    public Service$i() { }"
          [ $doc = 1 ] && echo "    /// <summary>The number of items.</summary>"
          echo "    public int Count { get; set; }"
          [ $doc = 1 ] && echo "    /// <summary>The name.</summary>"
          echo "    public string Name { get; init; } = \"s$i\";"
          [ $doc = 1 ] && echo "    /// <summary>Raised on change.</summary>"
          echo "    public event EventHandler? Changed;"
          [ $doc = 1 ] && echo "    /// <summary>The maximum.</summary>"
          echo "    public const int Max = $i;"
          for m in 0 1 2; do
            [ $doc = 1 ] && [ $m != 2 ] && echo "    /// <summary>Processes <paramref name=\"item\"/>.</summary><param name=\"item\">The item.</param><returns>True when done.</returns>"
            echo "    public bool Process$m(T item) { Changed?.Invoke(this, EventArgs.Empty); return item is not null && Count > $m; }"
            [ $doc = 1 ] && echo "    /// <summary>Processes <paramref name=\"item\"/> <paramref name=\"times\"/> times.</summary><param name=\"item\">The item.</param><param name=\"times\">How often.</param><returns>True when done.</returns>"
            echo "    public bool Process$m(T item, int times) { for (var n = 0; n < times; n++) Process$m(item); return true; }"
          done
          echo "}"
          ;;
      esac
      echo
    done
  } > "$out/src/File$f.cs"
done
echo "wrote $types types in $files files to $out"
