using System.Globalization;
using Xunit;

namespace DocGen.Tests.Shared;

/// <summary>
/// A fact about Ctrl+C (SIGINT) that runs only where a child process can receive it. A shell without job
/// control starts background jobs (`dotnet test ... &`) with SIGINT ignored, children inherit that, and a
/// signal ignored on entry cannot be trapped again: there the test would measure the shell, not DocGen.
/// </summary>
public sealed class InterruptFactAttribute : FactAttribute
{
    public InterruptFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "SIGINT and shell-script hosts are Unix-only";
        else if (InterruptIgnored()) Skip = "SIGINT is ignored in this process (started as a background job without job control); run the tests in the foreground";
    }

    /// <summary>Reads the ignored-signal mask of this process (Linux: SigIgn in /proc/self/status; bit 1 is SIGINT).</summary>
    private static bool InterruptIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return false;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
    }
}
