using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Extraction;

/// <summary>Turns a compiled project into an <see cref="ApiModel"/>.</summary>
public interface IApiExtractor
{
    /// <summary>Reads the assembly's metadata, its XML docs and (when given) its sources.</summary>
    /// <remarks>Never throws for bad doc comments or sources: they become diagnostics.</remarks>
    ApiModel Extract(ProjectInputs inputs, DocGenOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken);
}
