using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DocGen.Core.Extraction;

/// <summary>One compiler-written XML documentation file: member id → its <c>&lt;member&gt;</c> element.</summary>
internal sealed partial class DocXmlFile
{
    private readonly Dictionary<string, XElement> _members;

    private DocXmlFile(Dictionary<string, XElement> members, HashSet<string> malformed)
    {
        _members = members;
        MalformedIds = malformed;
    }

    public static readonly DocXmlFile Empty = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Ids whose doc comment the compiler dropped as badly formed (it leaves only an XML comment naming the member).</summary>
    public IReadOnlySet<string> MalformedIds { get; }

    public int Count => _members.Count;

    public XElement? Get(string id) => _members.GetValueOrDefault(id);

    /// <summary>Reads the file; throws <see cref="XmlException"/> or <see cref="IOException"/> when it cannot be read.</summary>
    public static DocXmlFile Load(string path)
    {
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var malformed = new HashSet<string>(StringComparer.Ordinal);
        // Streaming keeps memory flat for the multi-megabyte reference-pack files.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreProcessingInstructions = true };
        using var reader = XmlReader.Create(path, settings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "member")
            {
                var element = (XElement)XNode.ReadFrom(reader);
                var name = element.Attribute("name")?.Value;
                if (!string.IsNullOrEmpty(name)) members.TryAdd(name, element);
                continue;
            }
            if (reader.NodeType == XmlNodeType.Comment && BadlyFormed().Match(reader.Value) is { Success: true } m)
                malformed.Add(m.Groups[1].Value);
            reader.Read();
        }
        return new DocXmlFile(members, malformed);
    }

    [GeneratedRegex("Badly formed XML comment ignored for member \"([^\"]+)\"")]
    private static partial Regex BadlyFormed();
}
