using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocGen.Core.Generation.Code;

/// <summary>A manifest file written beside a unit's files, and the imports it could not list.</summary>
/// <param name="FileName"><c>package.json</c> or <c>requirements.txt</c>.</param>
/// <param name="Content">The file's text.</param>
/// <param name="Rejected">Imports that are not valid package names (left out, for a warning).</param>
public sealed record ScriptManifest(string FileName, string Content, ImmutableArray<string> Rejected);

/// <summary>
/// <c>package.json</c> for TypeScript and JavaScript units and <c>requirements.txt</c> for Python units,
/// from the imports of the <c>code_structure</c> answer. Built-in modules, relative imports and the
/// unit's own modules are left out; the rest is listed unpinned (<c>*</c>, or a version written as
/// <c>name@1.2.3</c> / <c>name==1.2.3</c> in the import) for the user to pin.
/// </summary>
public static partial class ScriptManifests
{
    private static readonly HashSet<string> NodeBuiltins = new(StringComparer.Ordinal)
    {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram", "dns",
        "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks",
        "process", "punycode", "querystring", "readline", "repl", "stream", "string_decoder", "sys", "timers", "tls",
        "trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads", "zlib", "test",
    };

    // The common part of sys.stdlib_module_names (CPython 3.12): imports a requirements file must not list.
    private static readonly HashSet<string> PythonStdlib = new(StringComparer.Ordinal)
    {
        "__future__", "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "builtins", "bz2", "calendar",
        "cmath", "collections", "concurrent", "configparser", "contextlib", "contextvars", "copy", "csv", "ctypes",
        "dataclasses", "datetime", "decimal", "difflib", "dis", "email", "enum", "errno", "fnmatch", "fractions",
        "functools", "gc", "getpass", "gettext", "glob", "gzip", "hashlib", "heapq", "hmac", "html", "http", "importlib",
        "inspect", "io", "ipaddress", "itertools", "json", "keyword", "locale", "logging", "lzma", "math", "mimetypes",
        "multiprocessing", "numbers", "operator", "os", "pathlib", "pickle", "platform", "pprint", "queue", "random",
        "re", "secrets", "select", "selectors", "shlex", "shutil", "signal", "socket", "sqlite3", "ssl", "stat",
        "statistics", "string", "struct", "subprocess", "sys", "sysconfig", "tempfile", "textwrap", "threading",
        "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "traceback", "types", "typing", "unicodedata",
        "unittest", "urllib", "uuid", "venv", "warnings", "weakref", "xml", "zipfile", "zlib", "zoneinfo",
    };

    // Import names whose distribution is called differently on PyPI.
    private static readonly Dictionary<string, string> PythonDistributions = new(StringComparer.Ordinal)
    {
        ["yaml"] = "PyYAML", ["PIL"] = "Pillow", ["cv2"] = "opencv-python", ["sklearn"] = "scikit-learn",
        ["bs4"] = "beautifulsoup4", ["dateutil"] = "python-dateutil", ["dotenv"] = "python-dotenv", ["jwt"] = "PyJWT",
        ["attr"] = "attrs", ["Crypto"] = "pycryptodome", ["serial"] = "pyserial", ["docx"] = "python-docx",
        ["fitz"] = "PyMuPDF", ["OpenSSL"] = "pyOpenSSL", ["MySQLdb"] = "mysqlclient", ["google.protobuf"] = "protobuf",
    };

    /// <summary>The <c>package.json</c> for a TypeScript or JavaScript unit.</summary>
    /// <param name="projectName">The unit's project name (made into a valid npm name).</param>
    /// <param name="imports">Module specifiers, e.g. <c>axios</c>, <c>@scope/pkg/sub</c>, <c>./local</c>, <c>node:fs</c>.</param>
    /// <param name="typeScript">Adds <c>typescript</c> (and <c>@types/node</c> when a Node built-in is imported) as dev dependencies.</param>
    public static ScriptManifest PackageJson(string projectName, IEnumerable<string> imports, bool typeScript)
    {
        var dependencies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rejected = new SortedSet<string>(StringComparer.Ordinal);
        var usesNode = false;
        foreach (var raw in imports)
        {
            var spec = raw.Trim().Trim('"', '\'', '`');
            if (spec.Length == 0 || spec.StartsWith('.') || spec.StartsWith('/')) continue;
            if (spec.StartsWith("node:", StringComparison.Ordinal)) { usesNode = true; continue; }
            var (name, version) = SplitNpm(spec);
            if (NodeBuiltins.Contains(name)) { usesNode = true; continue; }
            if (!NpmName().IsMatch(name) || name.Length > 214 || (version is not null && !VersionText().IsMatch(version))) { rejected.Add(raw); continue; }
            if (!dependencies.TryGetValue(name, out var existing) || existing == "*") dependencies[name] = version ?? "*";
        }

        var dev = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (typeScript)
        {
            dev["typescript"] = "*";
            if (usesNode) dev["@types/node"] = "*";
        }
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", NpmPackageName(projectName));
            json.WriteString("version", "0.0.0");
            json.WriteBoolean("private", true);
            json.WriteString("description", "Generated by DocGen from a code spec; pin the versions before publishing.");
            WriteMap(json, "dependencies", dependencies);
            if (dev.Count > 0) WriteMap(json, "devDependencies", dev);
            json.WriteEndObject();
        }
        return new ScriptManifest("package.json", Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", [.. rejected]);
    }

    /// <summary>The <c>requirements.txt</c> for a Python unit.</summary>
    /// <param name="imports">Imports such as <c>requests</c>, <c>import numpy as np</c>, <c>from yaml import safe_load</c>, <c>httpx==0.27.0</c>.</param>
    /// <param name="localModules">Top-level module names of the unit's own files (<c>models</c> for <c>models.py</c>).</param>
    public static ScriptManifest RequirementsTxt(IEnumerable<string> imports, IEnumerable<string> localModules)
    {
        var local = new HashSet<string>(localModules, StringComparer.Ordinal);
        var requirements = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rejected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in imports)
        {
            if (!PythonImport().IsMatch(raw.Trim())) { rejected.Add(raw); continue; }
            foreach (var (module, pin) in PythonModules(raw))
            {
                if (module.Length == 0 || module.StartsWith('.')) continue;
                var top = module.Split('.')[0];
                if (PythonStdlib.Contains(top) || local.Contains(top)) continue;
                var distribution = PythonDistributions.GetValueOrDefault(module.StartsWith("google.protobuf", StringComparison.Ordinal) ? "google.protobuf" : top, top);
                if (!PythonName().IsMatch(distribution) || (pin is not null && !VersionText().IsMatch(pin))) { rejected.Add(raw); continue; }
                if (!requirements.TryGetValue(distribution, out var existing) || existing.Length == 0)
                    requirements[distribution] = pin is null ? "" : "==" + pin;
            }
        }
        var text = new StringBuilder("# Generated by DocGen from a code spec; pin the versions before publishing.\n");
        foreach (var (name, pin) in requirements) text.Append(name).Append(pin).Append('\n');
        return new ScriptManifest("requirements.txt", text.ToString(), [.. rejected]);
    }

    /// <summary>Top-level module names of a unit's Python files: <c>pkg/models.py</c> → <c>pkg</c>, <c>util.py</c> → <c>util</c>.</summary>
    public static IEnumerable<string> PythonLocalModules(IEnumerable<string> fileNames) =>
        fileNames.Select(f => FileNameValidator.Normalize(f).Split('/')[0]).Select(s => s.EndsWith(".py", StringComparison.Ordinal) ? s[..^3] : s).Distinct();

    /// <summary>The modules an import line names: <c>import a, b as c</c> → <c>a</c>, <c>b</c>; <c>from x.y import z</c> → <c>x.y</c>.</summary>
    private static IEnumerable<(string Module, string? Pin)> PythonModules(string raw)
    {
        var s = raw.Trim();
        IEnumerable<string> names = s.StartsWith("from ", StringComparison.Ordinal) ? [s[5..].Trim().Split(' ')[0]]
            : s.StartsWith("import ", StringComparison.Ordinal) ? s[7..].Split(',').Select(part => part.Trim().Split(' ')[0])
            : [s.Split(' ')[0]];
        foreach (var name in names)
        {
            var eq = name.IndexOf("==", StringComparison.Ordinal);
            yield return eq > 0 ? (name[..eq], name[(eq + 2)..]) : (name, null);
        }
    }

    private static (string Name, string? Version) SplitNpm(string spec)
    {
        // "@scope/pkg/sub/path@1.2" → "@scope/pkg"; "lodash/merge" → "lodash".
        var at = spec.IndexOf('@', 1);
        string? version = at > 0 ? spec[(at + 1)..] : null;
        var path = at > 0 ? spec[..at] : spec;
        var parts = path.Split('/');
        var name = path.StartsWith('@') && parts.Length >= 2 ? parts[0] + "/" + parts[1] : parts[0];
        return (name, version);
    }

    private static string NpmPackageName(string projectName)
    {
        var name = Regex.Replace(NameCase(projectName), "[^a-z0-9._-]+", "-").Trim('-', '.', '_');
        return name.Length == 0 ? "generated" : name.Length > 214 ? name[..214] : name;
    }

    private static string NameCase(string text) => WordBoundary().Replace(text, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();

    private static void WriteMap(Utf8JsonWriter json, string name, SortedDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (k, v) in map) json.WriteString(k, v);
        json.WriteEndObject();
    }

    [GeneratedRegex(@"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$")]
    private static partial Regex NpmName();

    // import x[.y] [as z] | from x[.y] import ... | x[.y] [as z] | x==1.2
    [GeneratedRegex(@"^(import\s+[\w.]+(\s+as\s+\w+)?(\s*,\s*[\w.]+(\s+as\s+\w+)?)*|from\s+[\w.]+\s+import\s+.+|[\w.]+(\s+as\s+\w+)?|[\w.-]+==[\w.+-]+)$")]
    private static partial Regex PythonImport();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex PythonName();

    [GeneratedRegex(@"^[0-9A-Za-z.^~<>=*+-]{1,64}$")]
    private static partial Regex VersionText();
}
