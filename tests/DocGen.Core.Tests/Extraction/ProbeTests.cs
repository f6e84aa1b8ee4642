using Xunit.Abstractions;
namespace DocGen.Core.Tests.Extraction;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var src = Environment.GetEnvironmentVariable("PROBE_SRC");
        if (src is null) return;
        using var s = new Snippet(File.ReadAllText(src));
        foreach (var d in s.Diagnostics) output.WriteLine("DIAG " + d);
        foreach (var t in s.Model.AllTypes)
        {
            output.WriteLine($"TYPE {t.Id} | {t.Signature} | derived={string.Join(",", t.DerivedTypes.Select(d => d.Display))} | inh={t.InheritedMembers.Length}");
            foreach (var m in t.Members)
                output.WriteLine($"   {m.Kind} {m.Id} | name={m.Name} | disp={m.DisplayName} | sig={m.Signature} | impl={string.Join(",", m.ImplementedMemberIds)} | prov={m.Provenance.Label} | attrs={string.Join(",", m.Attributes)} | sum={m.Docs.Summary?.ToPlainText()}");
        }
    }
}
