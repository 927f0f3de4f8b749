// The committed scim/generated/*.ts must be exactly what the schemas generate today, and the
// generated types must fit the bodies the rest of scim/ builds.
import { readFile, readdir } from 'node:fs/promises';

import { expect } from 'chai';

import { renderAwsError } from '../../scim/errors.ts';
import type { AwsErrorResponse } from '../../scim/generated/error.ts';
import { GENERATED_DIR, generateTypes, type GeneratedFile } from '../../scripts/generate-types.ts';

const ROOT = new URL('../../', import.meta.url);

describe('scim/generated', () => {
  let files: GeneratedFile[];
  before(async () => {
    files = await generateTypes();
  });

  it('matches what npm run generate:types makes from scim/schemas, file by file', async () => {
    const stale: string[] = [];
    for (const file of files) {
      const committed = await readFile(new URL(file.path, ROOT), 'utf8').catch(() => null);
      if (committed !== file.text) stale.push(file.path);
    }
    expect(stale, `stale or missing; run npm run generate:types and commit`).to.deep.equal([]);
  });

  it('holds no file that no schema generates', async () => {
    const generated = files.map((file) => file.path.split('/').pop());
    const present = (await readdir(GENERATED_DIR)).filter((name) => name.endsWith('.ts'));
    const orphans = present.filter((name) => !generated.includes(name));
    expect(orphans, 'delete these or add their schema').to.deep.equal([]);
  });

  it('opens every generated file with a banner naming its schema', () => {
    for (const file of files) {
      const schema = file.path.replace('generated/', 'schemas/').replace(/\.ts$/, '.schema.json');
      expect(file.text.split('\n')[0], file.path).to.equal(
        `// Generated from ${schema}; do not edit by hand.`,
      );
    }
  });

  it('types the AWS error body that renderAwsError builds as an AwsErrorResponse', () => {
    const body: AwsErrorResponse = renderAwsError(400, 'bad', 'req-1', new Date(0));
    expect(body.status).to.equal('400');
  });
});
