using DocGen.Core.Emission.UserTemplates;

namespace DocGen.Core.Tests.CodeGen;

public sealed class TypeMappingTests
{
    private static readonly TypeMapping Types = new(TemplateViewModel.From(SampleApiModel.Create()).Types);

    [Theory]
    [InlineData("string", "string")]
    [InlineData("char", "string")]
    [InlineData("System.Guid", "string")]
    [InlineData("DateTimeOffset", "string")]
    [InlineData("int", "number")]
    [InlineData("System.Int64", "number")]
    [InlineData("decimal", "number")]
    [InlineData("bool", "boolean")]
    [InlineData("int?", "number | null")]
    [InlineData("Nullable<double>", "number | null")]
    [InlineData("System.Nullable<System.Boolean>", "boolean | null")]
    [InlineData("string?", "string | null")]
    [InlineData("string[]", "string[]")]
    [InlineData("int?[]", "(number | null)[]")]
    [InlineData("string[]?", "string[] | null")]
    [InlineData("byte[]", "string")]
    [InlineData("List<string>", "string[]")]
    [InlineData("IEnumerable<OrderLine>", "OrderLine[]")]
    [InlineData("System.Collections.Generic.IReadOnlyList<Shop.Models.OrderLine>", "OrderLine[]")]
    [InlineData("ImmutableArray<OrderStatus?>", "(OrderStatus | null)[]")]
    [InlineData("Dictionary<string, OrderLine>", "Record<string, OrderLine>")]
    [InlineData("IReadOnlyDictionary<int, List<string>>", "Record<number, string[]>")]
    [InlineData("Dictionary<string, Dictionary<string, int?>?>", "Record<string, Record<string, number | null> | null>")]
    [InlineData("Task<Order>", "Promise<Order>")]
    [InlineData("(int Count, string Name)", "[number, string]")]
    [InlineData("T", "T")]
    [InlineData("TValue?", "TValue | null")]
    [InlineData("object", "unknown")]
    [InlineData("Stream", "unknown")]
    [InlineData("Other.Ns.Order", "unknown")]
    [InlineData("int*", "unknown")]
    [InlineData("List<", "unknown")]
    [InlineData("", "unknown")]
    public void ToTypeScript_CSharpType_MapsAsDocumented(string csharp, string expected) =>
        Types.ToTypeScript(csharp).ShouldBe(expected);

    [Theory]
    [InlineData("string", "str")]
    [InlineData("int", "int")]
    [InlineData("double", "float")]
    [InlineData("bool?", "bool | None")]
    [InlineData("List<OrderLine>", "list[OrderLine]")]
    [InlineData("Dictionary<string, long>", "dict[str, int]")]
    [InlineData("byte[]", "bytes")]
    [InlineData("Stream", "Any")]
    public void ToPython_CSharpType_MapsAsDocumented(string csharp, string expected) =>
        Types.ToPython(csharp).ShouldBe(expected);

    [Fact]
    public void ToTypeScript_PathologicalNesting_ReturnsUnknownInsteadOfThrowing() =>
        Types.ToTypeScript(string.Concat(Enumerable.Repeat("List<", 500)) + "int" + new string('>', 500)).ShouldBe("unknown");
}

public sealed class NameCasingTests
{
    [Theory]
    [InlineData("FirstName", "firstName", "FirstName", "first-name", "first_name")]
    [InlineData("HTTPServerURL", "httpServerUrl", "HttpServerUrl", "http-server-url", "http_server_url")]
    [InlineData("first_name", "firstName", "FirstName", "first-name", "first_name")]
    [InlineData("ID", "id", "Id", "id", "id")]
    [InlineData("Utf8JsonReader", "utf8JsonReader", "Utf8JsonReader", "utf8-json-reader", "utf8_json_reader")]
    [InlineData("already-kebab case", "alreadyKebabCase", "AlreadyKebabCase", "already-kebab-case", "already_kebab_case")]
    [InlineData("", "", "", "", "")]
    public void Casing_Identifier_ConvertsAllFourWays(string input, string camel, string pascal, string kebab, string snake)
    {
        NameCasing.Camel(input).ShouldBe(camel);
        NameCasing.Pascal(input).ShouldBe(pascal);
        NameCasing.Kebab(input).ShouldBe(kebab);
        NameCasing.Snake(input).ShouldBe(snake);
    }
}

public sealed class CommentFormatterTests
{
    [Fact]
    public void Format_JsDocMultiLine_PrefixesEveryLineAndIndents() =>
        CommentFormatter.Format("First line.\r\nSecond */ line.", "/**", "  ").ShouldBe("/**\n   * First line.\n   * Second *\\/ line.\n   */");

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    public void Format_LineComment_UnicodeLineTerminatorCannotEscapeTheComment(string terminator)
    {
        var text = CommentFormatter.Format("harmless" + terminator + "process.exit(1);", "//");

        text.ShouldBe("// harmless\n// process.exit(1);");
    }

    [Fact]
    public void Format_PythonDocstring_TripleQuotesCannotCloseIt()
    {
        var text = CommentFormatter.Format("Say \"\"\" then \\ end", "\"\"\"");

        text.ShouldBe("\"\"\"Say \\\"\\\"\\\" then \\\\ end\"\"\"");
    }

    [Fact]
    public void Format_XmlDoc_EscapesMarkup() =>
        CommentFormatter.Format("a < b & </summary>", "///").ShouldBe("/// <summary>a &lt; b &amp; &lt;/summary&gt;</summary>");

    [Fact]
    public void Format_EmptyText_WritesNoComment() => CommentFormatter.Format("  \n ", "/**").ShouldBe("");

    [Fact]
    public void Format_Width_WrapsAtSpaces() =>
        CommentFormatter.Format("one two three four", "//", "", 9).ShouldBe("// one two\n// three\n// four");

    [Fact]
    public void Format_UnknownStyle_Throws() => Should.Throw<ArgumentException>(() => CommentFormatter.Format("x", "--"));
}
