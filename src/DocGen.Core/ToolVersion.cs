namespace DocGen.Core;

/// <summary>The informational version of DocGen.Core, used in reports, cache keys and manifests.</summary>
public static class ToolVersion
{
    public static string Value { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
