// Turns `dotnet msbuild -getProperty/-getItem` JSON (argv[2]) into a DocGen request file (stdout), the same
// shape the DocGen.Build task writes, so the benchmark times the engine exactly as a build runs it.
// Usage: node make-request.js EVAL.json PROJECT.csproj OUTPUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const [, , evalFile, project, output] = process.argv;
const e = JSON.parse(fs.readFileSync(evalFile, 'utf8').replace(/^[^{]*/, ''));
const p = e.Properties, items = e.Items;
const dir = path.dirname(path.resolve(project));
const abs = f => path.isAbsolute(f) ? f : path.join(dir, f);
const xml = p.TargetPath.replace(/\.dll$/, '.xml');
const split = s => (s || '').split(';').map(x => x.trim()).filter(Boolean);
const request = {
  inputs: {
    assemblyPath: p.TargetPath,
    xmlDocPath: fs.existsSync(xml) ? xml : null,
    projectPath: path.resolve(project),
    projectName: p.MSBuildProjectName,
    sourceFiles: (items.Compile || []).map(i => i.FullPath || abs(i.Identity)),
    referencePaths: (items.ReferencePath || []).map(i => i.FullPath || i.Identity),
    defineConstants: split(p.DefineConstants),
    langVersion: p.LangVersion || null,
    targetFramework: p.TargetFramework,
    projectAssetsFile: p.ProjectAssetsFile || null,
    nuGetPackageRoot: p.NuGetPackageRoot || null,
  },
  properties: { DocGenOutputPath: output },
};
process.stdout.write(JSON.stringify(request, null, 2));
