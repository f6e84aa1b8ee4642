using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DocGen.Build
{
    /// <summary>
    /// Writes the request file that <c>docgen VERB --request</c> reads (<c>DocGen.Core.Inputs.EngineRequest</c>,
    /// camelCase), for every kind. Hand-written because the task must stay free of DocGen.Core and of a JSON library that
    /// could collide with the one MSBuild (or Visual Studio) has already loaded.
    /// </summary>
    internal sealed class RequestJson
    {
        private readonly StringBuilder _text = new StringBuilder();
        private bool _needsComma;
        private int _depth;

        public static string Build(RequestData data)
        {
            var json = new RequestJson();
            json.BeginObject(null);
            json.Value("kind", data.Kind);
            json.BeginObject("inputs");
            json.Value("assemblyPath", data.AssemblyPath);
            json.Value("xmlDocPath", data.XmlDocPath);
            json.Value("projectPath", data.ProjectPath);
            json.Value("projectName", data.ProjectName);
            json.Array("sourceFiles", data.SourceFiles);
            json.Array("referencePaths", data.ReferencePaths);
            json.Array("defineConstants", data.DefineConstants);
            json.Value("langVersion", data.LangVersion);
            json.Value("targetFramework", data.TargetFramework ?? "");
            json.Value("projectAssetsFile", data.ProjectAssetsFile);
            json.Value("nuGetPackageRoot", data.NuGetPackageRoot);
            json.Value("rootNamespace", data.RootNamespace);
            json.Array("frameworkReferences", data.FrameworkReferences);
            json.EndObject();
            json.Array("specs", data.Specs);
            json.Value("fileList", data.FileList);
            json.BeginArray("templates");
            foreach (var template in data.Templates)
            {
                json.BeginObject(null);
                json.Value("template", template.Key);
                json.Value("output", template.Value);
                json.EndObject();
            }
            json.EndArray();
            json.BeginObject("properties");
            foreach (var pair in data.Properties) json.Value(pair.Key, pair.Value);
            json.EndObject();
            json.EndObject();
            return json._text.ToString();
        }

        private void BeginObject(string? name)
        {
            Name(name);
            _text.Append('{');
            _depth++;
            _needsComma = false;
        }

        private void BeginArray(string name)
        {
            Name(name);
            _text.Append('[');
            _depth++;
            _needsComma = false;
        }

        private void EndArray()
        {
            _depth--;
            NewLine();
            _text.Append(']');
            _needsComma = true;
        }

        private void EndObject()
        {
            _depth--;
            NewLine();
            _text.Append('}');
            _needsComma = true;
        }

        private void Value(string name, string? value)
        {
            Name(name);
            if (value == null) _text.Append("null"); else String(value);
            _needsComma = true;
        }

        private void Array(string name, IEnumerable<string> values)
        {
            Name(name);
            _text.Append('[');
            var first = true;
            foreach (var value in values)
            {
                if (!first) _text.Append(", ");
                String(value);
                first = false;
            }
            _text.Append(']');
            _needsComma = true;
        }

        private void Name(string? name)
        {
            if (_needsComma) _text.Append(',');
            if (name == null) return;
            NewLine();
            String(name);
            _text.Append(": ");
        }

        private void NewLine()
        {
            _text.Append('\n');
            _text.Append(' ', _depth * 2);
        }

        private void String(string value)
        {
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    default:
                        if (c < 0x20) _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else _text.Append(c);
                        break;
                }
            }
            _text.Append('"');
        }
    }

    /// <summary>What the task knows about the project, in the shape of <c>ProjectInputs</c> plus the raw properties.</summary>
    internal sealed class RequestData
    {
        /// <summary><c>docs</c>, <c>code</c> or <c>render</c>.</summary>
        public string Kind { get; set; } = "docs";
        public string AssemblyPath { get; set; } = "";
        public string? XmlDocPath { get; set; }
        public string? ProjectPath { get; set; }
        public string? ProjectName { get; set; }
        public IReadOnlyList<string> SourceFiles { get; set; } = new string[0];
        public IReadOnlyList<string> ReferencePaths { get; set; } = new string[0];
        public IReadOnlyList<string> DefineConstants { get; set; } = new string[0];
        public string? LangVersion { get; set; }
        public string? TargetFramework { get; set; }
        public string? ProjectAssetsFile { get; set; }
        public string? NuGetPackageRoot { get; set; }
        public string? RootNamespace { get; set; }
        public IReadOnlyList<string> FrameworkReferences { get; set; } = new string[0];
        public IReadOnlyList<string> Specs { get; set; } = new string[0];
        public string? FileList { get; set; }
        /// <summary>Template path → output path.</summary>
        public IReadOnlyList<KeyValuePair<string, string?>> Templates { get; set; } = new KeyValuePair<string, string?>[0];
        public IReadOnlyList<KeyValuePair<string, string?>> Properties { get; set; } = new KeyValuePair<string, string?>[0];
    }
}
