using System.CommandLine;
using DocGen.Core.Options;

namespace DocGen.Tool.Commands;

/// <summary>
/// The engine options of a verb, made from <see cref="OptionBinder.Definitions"/> (the table the MSBuild
/// properties use too), so every verb accepts the same flags with the same validation.
/// </summary>
internal sealed class EngineOptions
{
    private readonly List<(OptionDefinition Definition, Option Option)> _options = [];

    /// <summary>Adds one option per definition to <paramref name="command"/>.</summary>
    /// <param name="command">The verb.</param>
    /// <param name="flags">The flags this verb takes (so its <c>--help</c> lists only what it uses); null for all of them.</param>
    public EngineOptions(Command command, IReadOnlyCollection<string>? flags = null)
    {
        foreach (var def in OptionBinder.Definitions)
        {
            if (flags is not null && !flags.Contains(def.Flag)) continue;
            // Booleans are switches (--debug); the value stays optional for turning a default-on one off (--fill-missing-docs false).
            Option option = def.IsSwitch
                ? new Option<bool>(def.Flag) { Description = $"{def.Description} (MSBuild: {def.Property})" }
                : new Option<string>(def.Flag) { Description = $"{def.Description} (MSBuild: {def.Property})" };
            if (ShortAliases.TryGetValue(def.Flag, out var alias)) option.Aliases.Add(alias);
            command.Options.Add(option);
            _options.Add((def, option));
        }
    }

    /// <summary>The short forms `dotnet build` users type without thinking (-o, -c, -f).</summary>
    private static readonly Dictionary<string, string> ShortAliases = new(StringComparer.Ordinal)
    {
        ["--output"] = "-o",
        ["--configuration"] = "-c",
        ["--framework"] = "-f",
    };

    /// <summary>The flags the user gave, keyed by flag, ready for <see cref="OptionBinder.Bind"/>.</summary>
    public List<KeyValuePair<string, string?>> Given(ParseResult parse)
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var (def, option) in _options)
        {
            // Implicit: not on the command line (a bool option reports its default false), so the engine's default stands.
            if (parse.GetResult(option) is not { Implicit: false }) continue;
            var value = option is Option<bool> b ? (parse.GetValue(b) ? "true" : "false") : parse.GetValue((Option<string>)option);
            values.Add(new(def.Flag, value));
        }
        return values;
    }

    /// <summary>The flags of the options that shape a run of the pipeline over a project (every verb that runs it).</summary>
    public static readonly string[] ModelFlags =
    [
        "--configuration", "--framework", "--include-internals", "--provider", "--model", "--endpoint", "--max-concurrency",
        "--token-budget", "--cache-dir", "--remote-cache", "--fill-missing-docs", "--fail-on-provider-error", "--cache-max-size",
    ];
}
