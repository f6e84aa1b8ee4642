using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Extraction;

/// <summary>Extracts the API from the compiled assembly's metadata through Roslyn. (Stub: filled in by the extraction work.)</summary>
public sealed class RoslynApiExtractor : IApiExtractor
{
    public ApiModel Extract(ProjectInputs inputs, DocGenOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        => new([new AssemblyModel(Path.GetFileNameWithoutExtension(inputs.AssemblyPath), null, inputs.TargetFramework, ImmutableArray<NamespaceModel>.Empty)]);
}
