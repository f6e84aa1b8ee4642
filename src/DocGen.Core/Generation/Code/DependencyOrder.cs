using System.Collections.Immutable;
using DocGen.Core.Diagnostics;

namespace DocGen.Core.Generation.Code;

/// <summary>A dependency that was ignored to break a cycle: <see cref="From"/> depends on <see cref="To"/>.</summary>
/// <param name="From">The file whose dependency was dropped.</param>
/// <param name="To">The file it depended on.</param>
/// <param name="Cycle">The cycle as found, e.g. <c>a → b → c → a</c>.</param>
public sealed record BrokenDependency(string From, string To, string Cycle);

/// <summary>An order of the files, and what had to be ignored to find it.</summary>
/// <param name="Files">Every file, each after the files it depends on (except broken edges).</param>
/// <param name="Broken">Dependencies dropped to break cycles, in the order they were dropped.</param>
/// <param name="Unknown">Dependencies on ids that are not files of the unit: (file id, unknown id).</param>
public sealed record DependencyOrderResult(
    ImmutableArray<CodeFilePlan> Files,
    ImmutableArray<BrokenDependency> Broken,
    ImmutableArray<(string File, string Missing)> Unknown);

/// <summary>
/// Orders a unit's files so that each comes after the files it depends on (a topological sort).
/// Deterministic: among files that are ready, the one listed first in the answer goes first, so the
/// same answer always gives the same order (and the same cache keys for <c>code_content</c>). A cycle
/// is broken at the dependency that closes it, found by walking from the earliest listed file still
/// waiting; each broken dependency becomes a warning naming both files.
/// </summary>
public static class DependencyOrder
{
    /// <summary>Orders <paramref name="files"/>.</summary>
    public static DependencyOrderResult Sort(IReadOnlyList<CodeFilePlan> files)
    {
        var index = files.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var unknown = ImmutableArray.CreateBuilder<(string, string)>();
        // deps[i]: the indexes file i still waits for, in the order the answer listed them.
        var deps = new List<int>[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            deps[i] = [];
            foreach (var dep in files[i].Dependencies)
            {
                if (index.TryGetValue(dep, out var j)) { if (!deps[i].Contains(j)) deps[i].Add(j); }
                else unknown.Add((files[i].Id, dep));
            }
        }

        var done = new bool[files.Count];
        var order = ImmutableArray.CreateBuilder<CodeFilePlan>(files.Count);
        var broken = ImmutableArray.CreateBuilder<BrokenDependency>();
        while (order.Count < files.Count)
        {
            var ready = Enumerable.Range(0, files.Count).FirstOrDefault(i => !done[i] && deps[i].All(d => done[d]), -1);
            if (ready >= 0)
            {
                done[ready] = true;
                order.Add(files[ready]);
                continue;
            }
            var (from, to, cycle) = FindCycle(files, deps, done);
            deps[from].Remove(to);
            broken.Add(new BrokenDependency(files[from].Id, files[to].Id, cycle));
        }
        return new DependencyOrderResult(order.MoveToImmutable(), broken.ToImmutable(), unknown.ToImmutable());
    }

    /// <summary>Orders <paramref name="files"/> and reports DG0714 for each broken cycle and DG0715 for each unknown dependency, at <paramref name="specPath"/>.</summary>
    public static ImmutableArray<CodeFilePlan> Sort(IReadOnlyList<CodeFilePlan> files, string specPath, DiagnosticBag diagnostics)
    {
        var result = Sort(files);
        foreach (var (file, missing) in result.Unknown)
            diagnostics.Report(DiagnosticIds.CodeUnknownDependency, specPath, null, specPath, file, missing);
        foreach (var b in result.Broken)
            diagnostics.Report(DiagnosticIds.CodeDependencyCycle, specPath, null, specPath, b.Cycle, b.From, b.To);
        return result.Files;
    }

    /// <summary>
    /// Every file left waits for another: walk dependencies from the earliest waiting file until a file
    /// repeats. The edge that returned to it closes the cycle and is the one to drop.
    /// </summary>
    private static (int From, int To, string Cycle) FindCycle(IReadOnlyList<CodeFilePlan> files, List<int>[] deps, bool[] done)
    {
        var start = Array.FindIndex(done, d => !d);
        var path = new List<int> { start };
        var position = new Dictionary<int, int> { [start] = 0 };
        var current = start;
        while (true)
        {
            // Some waiting dependency exists, or the file would have been ready.
            var next = deps[current].First(d => !done[d]);
            if (position.TryGetValue(next, out var at))
            {
                var cycle = path.Skip(at).Append(next).Select(i => files[i].Id);
                return (current, next, string.Join(" → ", cycle));
            }
            position[next] = path.Count;
            path.Add(next);
            current = next;
        }
    }
}
