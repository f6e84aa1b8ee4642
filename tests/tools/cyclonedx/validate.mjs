// Validates a CycloneDX JSON BOM with the official CycloneDX JavaScript library (its JSON schemas,
// checked by ajv), then checks that every reference in the dependency graph names a component.
//
//   node validate.mjs <bom.json> [--spec 1.6]
//
// Without --spec, the file's own specVersion is used. Exit code 0: valid; 1: invalid (errors on
// stderr); 2: usage or setup problem.
import { readFile } from 'node:fs/promises'
import * as CDX from '@cyclonedx/cyclonedx-library'

function fail (code, message) {
  process.stderr.write(message + '\n')
  process.exit(code)
}

const args = process.argv.slice(2)
const file = args.find(a => !a.startsWith('--'))
const specIndex = args.indexOf('--spec')
const requested = specIndex >= 0 ? args[specIndex + 1] : undefined
if (file === undefined || (specIndex >= 0 && requested === undefined)) {
  fail(2, 'usage: node validate.mjs <bom.json> [--spec 1.6]')
}

let text
try {
  text = await readFile(file, 'utf8')
} catch (err) {
  fail(2, `cannot read ${file}: ${err.message}`)
}

let bom
try {
  bom = JSON.parse(text)
} catch (err) {
  fail(1, `${file}: not JSON: ${err.message}`)
}

const version = requested ?? bom?.specVersion
if (!Object.values(CDX.Spec.Version).includes(version)) {
  fail(1, `${file}: unsupported or missing CycloneDX spec version '${version}'`)
}
if (requested !== undefined && bom?.specVersion !== requested) {
  fail(1, `${file}: specVersion is '${bom?.specVersion}', expected '${requested}'`)
}

let schemaErrors
try {
  schemaErrors = await new CDX.Validation.JsonStrictValidator(version).validate(text)
} catch (err) {
  fail(2, `${file}: the validator could not run (${err.name}): ${err.message}`)
}
if (schemaErrors !== null) {
  fail(1, `${file}: not a valid CycloneDX ${version} BOM:\n${JSON.stringify(schemaErrors, null, 2)}`)
}

// The schema cannot check references; a dangling one makes the graph unreadable for BOM tools.
const refs = new Set()
const collect = c => {
  if (c?.['bom-ref'] !== undefined) refs.add(c['bom-ref'])
  for (const child of c?.components ?? []) collect(child)
}
collect(bom.metadata?.component)
for (const c of bom.components ?? []) collect(c)
const dangling = []
for (const d of bom.dependencies ?? []) {
  for (const r of [d.ref, ...(d.dependsOn ?? [])]) {
    if (!refs.has(r)) dangling.push(r)
  }
}
if (dangling.length > 0) {
  fail(1, `${file}: dependency references without a component: ${[...new Set(dangling)].join(', ')}`)
}

process.stdout.write(`${file}: valid CycloneDX ${version} BOM (${bom.components?.length ?? 0} components)\n`)
