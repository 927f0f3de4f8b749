import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { jsonReporter, renderJson } from '../../reports/json.ts';
import type { RunReport } from '../../suites/model.ts';
import { SECRET, sampleReport } from './fixture.ts';

/** The same data with every object's keys and the results in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, item]) => [key, reordered(item)]));
}

function expectKeysSorted(value: unknown, path = '$'): void {
  if (Array.isArray(value))
    return value.forEach((item, i) => expectKeysSorted(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  expect(keys, `keys of ${path}`).to.deep.equal([...keys].sort());
  for (const [key, item] of Object.entries(value)) expectKeysSorted(item, `${path}.${key}`);
}

describe('reports/json', () => {
  it('gives byte-identical output for the same report however its keys and results are ordered', () => {
    const report = sampleReport();
    const shuffled = reordered(report) as RunReport;
    shuffled.results.reverse();
    expect(renderJson(report)).to.equal(renderJson(sampleReport()));
    expect(renderJson(shuffled)).to.equal(renderJson(report));
  });

  it('sorts results by suite then id and keys at every depth', () => {
    const parsed = JSON.parse(renderJson(sampleReport())) as RunReport;
    expect(parsed.results.map((r) => `${r.suite} ${r.id}`)).to.deep.equal([
      'flow FLOW-CREATE-THEN-GET',
      'provisioner PROV-BACKOFF-429',
      'service-provider SP-ERROR-CONTENT-TYPE',
      'service-provider SP-FILTER-INVALID-400',
      'service-provider SP-LIST-SORT',
      'service-provider SP-USER-CREATE-201',
    ]);
    expectKeysSorted(parsed);
  });

  it('indents by 2 spaces, ends with a newline and keeps the exchanges in order', () => {
    const text = renderJson(sampleReport());
    expect(text.split('\n')[1]).to.match(/^ {2}"durationMs"/);
    expect(text.endsWith('}\n')).to.be.true;
    const parsed = JSON.parse(text) as RunReport;
    expect(parsed.results[0].exchanges[0].requestBody).to.deep.include({ userName: 'jdoe' });
  });

  it('writes report.json with no token left in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-report-'));
    try {
      const path = await jsonReporter.write(sampleReport(), join(dir, 'run'), {
        secrets: [SECRET],
      });
      const text = await readFile(path, 'utf8');
      expect(path).to.equal(join(dir, 'run', 'report.json'));
      expect(text).not.to.contain(SECRET);
      expect(text).to.contain('"Authorization": "Bearer [redacted]"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
