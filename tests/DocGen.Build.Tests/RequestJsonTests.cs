using DocGen.Core.Inputs;
using DocGen.Core.Options;

namespace DocGen.Build.Tests;

/// <summary>The task writes the request by hand; the engine reads it with <see cref="EngineRequest.FromJson"/>. Both sides must agree.</summary>
public sealed class RequestJsonTests
{
    [Fact]
    public void Build_FullDocsRequest_RoundTripsThroughEngineRequest()
    {
        var json = RequestJson.Build(new RequestData
        {
            AssemblyPath = "/p/obj/Debug/net10.0/Calc.dll",
            XmlDocPath = "/p/obj/Debug/net10.0/Calc.xml",
            ProjectPath = "/p/Calc.csproj",
            ProjectName = "Calc",
            SourceFiles = ["/p/A.cs", "/p/dir with space/\"quoted\".cs"],
            ReferencePaths = [@"C:\refs\System.Runtime.dll"],
            DefineConstants = ["DEBUG", "NET10_0"],
            LangVersion = "14.0",
            TargetFramework = "net10.0",
            ProjectAssetsFile = "/p/obj/project.assets.json",
            NuGetPackageRoot = "/home/u/.nuget/packages/",
            Properties = [new("DocGenFormats", "html;markdown"), new("DocGenModel", "tab\there\u0001"), new("DocGenEndpoint", "")],
        });

        var request = EngineRequest.FromJson(json);

        request.Kind.ShouldBe(RequestKind.Docs);
        request.Inputs.AssemblyPath.ShouldBe("/p/obj/Debug/net10.0/Calc.dll");
        request.Inputs.XmlDocPath.ShouldBe("/p/obj/Debug/net10.0/Calc.xml");
        request.Inputs.ProjectPath.ShouldBe("/p/Calc.csproj");
        request.Inputs.ProjectName.ShouldBe("Calc");
        request.Inputs.SourceFiles.ShouldBe(["/p/A.cs", "/p/dir with space/\"quoted\".cs"]);
        request.Inputs.ReferencePaths.ShouldBe([@"C:\refs\System.Runtime.dll"]);
        request.Inputs.DefineConstants.ShouldBe(["DEBUG", "NET10_0"]);
        request.Inputs.LangVersion.ShouldBe("14.0");
        request.Inputs.TargetFramework.ShouldBe("net10.0");
        request.Inputs.ProjectAssetsFile.ShouldBe("/p/obj/project.assets.json");
        request.Inputs.NuGetPackageRoot.ShouldBe("/home/u/.nuget/packages/");
        request.Properties["DocGenFormats"].ShouldBe("html;markdown");
        request.Properties["DocGenModel"].ShouldBe("tab\there\u0001");
        OptionBinder.Bind(new DocGenOptions(), request.Properties).Options.Formats.ShouldBe(OutputFormats.Html | OutputFormats.Markdown);
    }

    [Fact]
    public void Build_OptionalInputsMissing_ReadsAsNull()
    {
        var request = EngineRequest.FromJson(RequestJson.Build(new RequestData { AssemblyPath = "/p/a.dll" }));

        request.Inputs.XmlDocPath.ShouldBeNull();
        request.Inputs.LangVersion.ShouldBeNull();
        request.Inputs.SourceFiles.ShouldBeEmpty();
        request.Properties.ShouldBeEmpty();
    }

    [Fact]
    public void Build_CodeRequest_CarriesSpecsFileListAndProject()
    {
        var request = EngineRequest.FromJson(RequestJson.Build(new RequestData
        {
            Kind = "code",
            ProjectPath = "/p/App.csproj",
            RootNamespace = "Acme.App",
            FrameworkReferences = ["Microsoft.AspNetCore.App"],
            Specs = ["/p/specs/Client.prompt.md", @"C:\specs\dir\"],
            FileList = "/p/obj/docgen-code.files.txt",
            Properties = [new("DocGenProvider", "openai")],
        }));

        request.Kind.ShouldBe(RequestKind.Code);
        request.Inputs.AssemblyPath.ShouldBe("");
        request.Inputs.RootNamespace.ShouldBe("Acme.App");
        request.Inputs.FrameworkReferences.ShouldBe(["Microsoft.AspNetCore.App"]);
        request.Specs.ShouldBe(["/p/specs/Client.prompt.md", @"C:\specs\dir\"]);
        request.FileList.ShouldBe("/p/obj/docgen-code.files.txt");
        request.Properties["DocGenProvider"].ShouldBe("openai");
    }

    [Fact]
    public void Build_RenderRequest_CarriesEveryTemplateWithItsOutput()
    {
        var request = EngineRequest.FromJson(RequestJson.Build(new RequestData
        {
            Kind = "render",
            AssemblyPath = "/p/obj/Models.dll",
            Templates = [new("/p/templates/ts.sbn", "/p/out/models.ts"), new("/p/templates/none.sbn", null)],
            Properties = [new("DocGenIncludeInternals", "true")],
        }));

        request.Kind.ShouldBe(RequestKind.Render);
        request.Templates.ShouldBe([new TemplateRequest("/p/templates/ts.sbn", "/p/out/models.ts"), new TemplateRequest("/p/templates/none.sbn", null)]);
        RequestLoader.Bind(request, "/p/obj/docgen").Loaded!.Options.IncludeInternals.ShouldBeTrue();
    }
}
