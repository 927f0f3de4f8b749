// Turns every scim/schemas/*.schema.json into scim/generated/<name>.ts with
// json-schema-to-typescript, formatted by the project's prettier config, so the output is stable.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_DIR = join(ROOT, 'scim', 'schemas');
export const GENERATED_DIR = join(ROOT, 'scim', 'generated');

export interface GeneratedFile {
  /** Path relative to the project root, with forward slashes, e.g. `scim/generated/user.ts`. */
  path: string;
  text: string;
}

/** Generates the text of every file under scim/generated/, sorted by path; writes nothing. */
export async function generateTypes(): Promise<GeneratedFile[]> {
  const schemaFiles = (await readdir(SCHEMA_DIR)).filter((name) => name.endsWith('.schema.json'));
  schemaFiles.sort();
  const files: GeneratedFile[] = [];
  for (const schemaFile of schemaFiles) files.push(await generateOne(schemaFile));
  return files;
}

async function generateOne(schemaFile: string): Promise<GeneratedFile> {
  const schemaPath = join(SCHEMA_DIR, schemaFile);
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as JSONSchema;
  const outPath = join(GENERATED_DIR, `${basename(schemaFile, '.schema.json')}.ts`);
  const source = toPosix(relative(ROOT, schemaPath));

  const code = await compile(schema, schema.title ?? basename(schemaFile), {
    bannerComment: banner(source),
    cwd: SCHEMA_DIR,
    format: false,
    // Arrays stay arrays: AWS's one-element limit is checked by the validator, not by tuples.
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    strictIndexSignatures: true,
    additionalProperties: false,
  });
  const prettierConfig = (await resolveConfig(outPath)) ?? {};
  const text = await format(code, { ...prettierConfig, filepath: outPath });
  return { path: toPosix(relative(ROOT, outPath)), text };
}

function banner(source: string): string {
  return [
    `// Generated from ${source}; do not edit by hand.`,
    '// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).',
  ].join('\n');
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

async function main(): Promise<void> {
  await mkdir(GENERATED_DIR, { recursive: true });
  for (const file of await generateTypes()) {
    await writeFile(join(ROOT, file.path), file.text);
    console.log(`wrote ${file.path}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
