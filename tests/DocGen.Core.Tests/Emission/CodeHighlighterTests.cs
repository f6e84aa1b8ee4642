using System.Net;
using System.Text.RegularExpressions;
using DocGen.Core.Emission.Rendering.Highlighting;

namespace DocGen.Core.Tests.Emission;

public sealed partial class CodeHighlighterTests
{
    [Theory]
    [InlineData("csharp", "var list = new List<int> { 1, 2 }; // note\n#if DEBUG\nConsole.WriteLine($\"{list.Count} items\");\n#endif")]
    [InlineData("csharp", "public static int Add(int a, int b = 0) => a + b;\n/* broken ( { */ class")]
    [InlineData("xml", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <!-- a comment -->\n  <PropertyGroup><X>1 &amp; 2</X></PropertyGroup>\n</Project>")]
    [InlineData("json", "{ \"name\": \"docgen\", \"count\": 42, \"ok\": true, \"list\": [1, null] }")]
    [InlineData("bash", "dotnet add package DocGen.Build --version 1.0 # pin it\necho \"$HOME\" 'x' | grep -v y")]
    [InlineData("powershell", "$x = Get-Item -Path 'C:\\temp' # comment")]
    [InlineData("yaml", "key: value")]
    [InlineData(null, "<root a='1'/>")]
    [InlineData("bash", "echo \"a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)\" # x\n$a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)")]
    [InlineData("json", "{ \"a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)\": 1 }")]
    [InlineData("xml", "<a title=\"a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)\">a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)</a><!-- a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1) -->")]
    [InlineData(null, "a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)")]
    public void Highlight_AnyLanguage_KeepsTheTextExactlyAndOnlyAddsSpans(string? language, string code)
    {
        var html = CodeHighlighter.Highlight(code, language);

        WebUtility.HtmlDecode(Tag().Replace(html, "")).ShouldBe(code);
        foreach (Match tag in Tag().Matches(html))
            tag.Value.ShouldMatch("^(<span class=\"[a-z]{1,2}\">|</span>)$");
    }

    [Fact]
    public void Highlight_CSharp_ClassifiesKeywordsTypesStringsCommentsAndNumbers()
    {
        var html = CodeHighlighter.Highlight("var list = new List<int>(); // note\nConsole.WriteLine(\"hi\" + 42);", "csharp");

        html.ShouldContain("<span class=\"k\">var</span>");
        html.ShouldContain("<span class=\"k\">new</span>");
        html.ShouldContain("<span class=\"t\">List</span>");
        html.ShouldContain("<span class=\"k\">int</span>");
        html.ShouldContain("<span class=\"c\">// note</span>");
        html.ShouldContain("<span class=\"t\">Console</span>");
        html.ShouldContain("<span class=\"m\">WriteLine</span>");
        html.ShouldContain("<span class=\"s\">&quot;hi&quot;</span>");
        html.ShouldContain("<span class=\"n\">42</span>");
    }

    [Fact]
    public void Highlight_Signature_LinksKnownTypesAndMarksParameters()
    {
        var html = CSharpHighlighter.Highlight("[Obsolete(\"old\")]\npublic static Widget Make(Shape shape, int count = 1) where T : IThing",
            name => name == "Widget" ? "../widget/index.html" : null);

        html.ShouldContain("<a class=\"t\" href=\"../widget/index.html\">Widget</a>");
        html.ShouldContain("<span class=\"t\">Shape</span>");
        html.ShouldContain("<span class=\"p\">shape</span>");
        html.ShouldContain("<span class=\"p\">count</span>");
        html.ShouldContain("<span class=\"m\">Make</span>");
        html.ShouldContain("<span class=\"t\">Obsolete</span>");
        html.ShouldContain("<span class=\"k\">static</span>");
    }

    [Fact]
    public void Highlight_Xml_ClassifiesNamesAttributesAndComments()
    {
        var html = CodeHighlighter.Highlight("<Item Include=\"a.cs\" /><!-- c -->", "xml");

        html.ShouldContain("class=\"x\"");
        html.ShouldContain("class=\"a\"");
        html.ShouldContain("class=\"c\"");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
