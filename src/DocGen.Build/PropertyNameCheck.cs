using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;

namespace DocGen.Build
{
    /// <summary>
    /// Finds <c>DocGen*</c> properties that DocGen does not know (a typo such as <c>DocGenFormat</c> would
    /// otherwise be ignored silently). MSBuild cannot enumerate a project's properties, so this reads the
    /// places users set them: the project file, Directory.Build.props/.targets, and global properties
    /// (<c>-p:</c>). Properties defined in other imports are not checked.
    /// </summary>
    internal static class PropertyNameCheck
    {
        public const string Prefix = "DocGen";

        /// <summary>Unknown names with the file that sets them (or <c>null</c> for a global property).</summary>
        public static IEnumerable<KeyValuePair<string, string?>> FindUnknown(
            IEnumerable<string> files, IEnumerable<string> globalPropertyNames, ICollection<string> known)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in globalPropertyNames)
                if (IsUnknown(name, known) && seen.Add(name))
                    yield return new KeyValuePair<string, string?>(name, null);

            foreach (var file in files.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                foreach (var name in PropertyNames(file))
                    if (IsUnknown(name, known) && seen.Add(name))
                        yield return new KeyValuePair<string, string?>(name, file);
            }
        }

        /// <summary>The closest known name (by edit distance), when one is close enough to be a typo.</summary>
        public static string? Suggest(string name, IEnumerable<string> known)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in known)
            {
                var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (d < bestDistance) { best = candidate; bestDistance = d; }
            }
            return bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
        }

        private static bool IsUnknown(string name, ICollection<string> known) =>
            name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !known.Contains(name);

        private static IEnumerable<string> PropertyNames(string file)
        {
            if (!File.Exists(file)) return Enumerable.Empty<string>();
            var names = new List<string>();
            try
            {
                var doc = new XmlDocument { XmlResolver = null };
                using (var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                    doc.Load(reader);
                foreach (XmlNode group in doc.GetElementsByTagName("PropertyGroup", doc.DocumentElement?.NamespaceURI ?? ""))
                    foreach (XmlNode child in group.ChildNodes)
                        if (child.NodeType == XmlNodeType.Element) names.Add(child.LocalName);
            }
            catch (XmlException)
            {
                // MSBuild already reported a malformed project; nothing to add here.
            }
            return names;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                var swap = previous; previous = current; current = swap;
            }
            return previous[b.Length];
        }
    }
}
