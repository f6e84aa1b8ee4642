using System.Globalization;
using System.Text.RegularExpressions;

namespace DocGen.Build
{
    internal enum EngineLineKind { Text, Summary, Info, Warning, Error }

    /// <summary>
    /// One line the engine printed, classified. The engine writes diagnostics in canonical MSBuild form
    /// (<c>path/File.cs(12,5): warning DG0101: text</c>, <c>path(12): error DG0201: text</c>,
    /// <c>docgen: warning DG0006: text</c>) and one summary line starting with <c>DocGen: </c>.
    /// </summary>
    internal sealed class EngineOutputLine
    {
        // Origin is lazy so that a Windows drive colon ("C:\x\A.cs(1,2): …") stays part of the path.
        private static readonly Regex Canonical = new Regex(
            @"^\s*(?<origin>.*?)(?:\((?<line>\d+)(?:,(?<col>\d+))?(?:,(?<endLine>\d+),(?<endCol>\d+))?\))?\s*:\s*(?<severity>error|warning|info)\s+(?<code>[A-Za-z]+\d+)\s*:\s?(?<message>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        private EngineOutputLine(EngineLineKind kind, string message)
        {
            Kind = kind;
            Message = message;
        }

        public EngineLineKind Kind { get; }
        public string Message { get; private set; }
        public string? Code { get; private set; }
        /// <summary>The file, or null for diagnostics without a location (origin <c>docgen</c>).</summary>
        public string? File { get; private set; }
        public int Line { get; private set; }
        public int Column { get; private set; }
        public int EndLine { get; private set; }
        public int EndColumn { get; private set; }

        public static EngineOutputLine Parse(string text)
        {
            if (text.StartsWith("DocGen: ", System.StringComparison.Ordinal))
                return new EngineOutputLine(EngineLineKind.Summary, text);
            var match = Canonical.Match(text);
            if (!match.Success) return new EngineOutputLine(EngineLineKind.Text, text);

            var kind = match.Groups["severity"].Value switch
            {
                "error" => EngineLineKind.Error,
                "warning" => EngineLineKind.Warning,
                _ => EngineLineKind.Info,
            };
            var origin = match.Groups["origin"].Value.Trim();
            return new EngineOutputLine(kind, match.Groups["message"].Value)
            {
                Code = match.Groups["code"].Value,
                File = origin.Length == 0 || origin == "docgen" ? null : origin,
                Line = Number(match, "line"),
                Column = Number(match, "col"),
                EndLine = Number(match, "endLine"),
                EndColumn = Number(match, "endCol"),
            };
        }

        /// <summary>True for a diagnostic that may be followed by indented continuation lines.</summary>
        public bool IsDiagnostic => Kind == EngineLineKind.Error || Kind == EngineLineKind.Warning || Kind == EngineLineKind.Info;

        /// <summary>
        /// True when <paramref name="text"/> continues the previous diagnostic: the engine prints a multi-line
        /// message (a build log, a stack trace) as one diagnostic line followed by lines indented by four spaces.
        /// </summary>
        public static bool IsContinuation(string text) => text.StartsWith("    ", System.StringComparison.Ordinal);

        /// <summary>Appends a continuation line to the message.</summary>
        public void Append(string text) => Message += "\n" + text.Substring(4);

        private static int Number(Match match, string group) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }
}
