import { expect } from 'chai';

import type { JournalEntry } from '../../../mock-server/context.ts';
import { MemoryJournal } from '../../../mock-server/admin/journal.ts';
import { ConfigError } from '../../../scim/errors.ts';

function entry(overrides: Partial<JournalEntry> = {}): Omit<JournalEntry, 'seq'> {
  return {
    requestId: 'req',
    at: '2026-01-02T03:04:05.678Z',
    tenantId: 't1',
    method: 'GET',
    path: '/t1/scim/v2/Users',
    query: {},
    requestHeaders: {},
    requestBody: null,
    status: 200,
    responseBody: null,
    durationMs: 1,
    ...overrides,
  };
}

describe('mock-server/admin/journal MemoryJournal', () => {
  it('numbers entries from 1 and returns them oldest first', () => {
    const journal = new MemoryJournal();
    journal.record(entry({ requestId: 'a' }));
    const second = journal.record(entry({ requestId: 'b' }));
    expect(second.seq).to.equal(2);
    expect(journal.query().map((e) => [e.seq, e.requestId])).to.deep.equal([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('appends on the hot path with the same numbering and storage as record', () => {
    const journal = new MemoryJournal();
    expect(journal.append(entry({ responseBody: { id: 'u1' } }))).to.equal(1);
    expect(journal.record(entry()).seq).to.equal(2);
    expect(journal.query()[0].responseBody).to.deep.equal({ id: 'u1' });
  });

  it('keeps only the newest entries once the limit is reached', () => {
    const journal = new MemoryJournal({ limit: 3 });
    for (let i = 0; i < 7; i++) journal.record(entry({ requestId: `r${i}` }));
    expect(journal.query().map((e) => e.seq)).to.deep.equal([5, 6, 7]);
    expect(journal.query({ sinceSeq: 5 }).map((e) => e.seq)).to.deep.equal([6, 7]);
    expect(journal.query({ sinceSeq: 1 }).map((e) => e.seq)).to.deep.equal([5, 6, 7]);
  });

  it('drops the oldest entries when the entries exceed the byte budget', () => {
    const journal = new MemoryJournal({ maxBytes: 64 * 1024 });
    for (let i = 1; i <= 40; i++)
      journal.record(entry({ responseBody: `${i}`.padEnd(4_000, 'x') }));
    const kept = journal.query().map((e) => e.seq);
    // The newest, in an unbroken run up to the last; a 4,000-character body takes about 4 KB.
    expect(kept.length).to.be.within(10, 16);
    expect(kept).to.deep.equal(kept.map((_, index) => 40 - kept.length + 1 + index));
    expect(journal.query({ sinceSeq: 39 })[0].responseBody).to.match(/^40x+$/);
  });

  it('keeps an entry larger than the whole budget with its bodies as previews', () => {
    const journal = new MemoryJournal({ maxBytes: 64 * 1024 });
    journal.record(entry({ responseBody: 'z'.repeat(100_000) }));
    expect(journal.query()[0].responseBody).to.deep.equal({
      truncated: true,
      length: 100_000,
      preview: 'z'.repeat(512),
    });
  });

  it('refuses a byte budget under 64 KiB with a ConfigError', () => {
    expect(() => new MemoryJournal({ maxBytes: 1_000 })).to.throw(ConfigError, /maxBytes/);
  });

  it('reads back non-ASCII text and numbers as they were recorded', () => {
    const journal = new MemoryJournal();
    const body = { displayName: 'Zoë Ångström 山田 🙂' };
    journal.record(entry({ requestBody: body, durationMs: 12.345, status: 201, fault: 'r-é' }));
    const [found] = journal.query();
    expect(found).to.deep.include({ requestBody: body, durationMs: 12.345, status: 201 });
    expect(found.fault).to.equal('r-é');
  });

  it('keeps an oversized body as a truncation marker with a preview', () => {
    const journal = new MemoryJournal({ maxBodyChars: 1000 });
    journal.record(entry({ requestBody: { blob: 'y'.repeat(2000) } }));
    const [found] = journal.query();
    expect(found.requestBody).to.include({ truncated: true });
    expect((found.requestBody as { length: number }).length).to.be.greaterThan(2000);
    expect((found.requestBody as { preview: string }).preview).to.match(/^\{"blob":"y+$/);
  });

  it('filters by tenant, method (any case), status, path substring and path regex', () => {
    const journal = new MemoryJournal();
    journal.record(entry({ method: 'POST', path: '/t1/scim/v2/Users', status: 201 }));
    journal.record(entry({ method: 'PATCH', path: '/t1/scim/v2/Groups/g1', status: 204 }));
    journal.record(entry({ tenantId: 't2', path: '/t2/scim/v2/Users/u1', status: 404 }));
    const seqs = (q: Parameters<MemoryJournal['query']>[0]) => journal.query(q).map((e) => e.seq);
    expect(seqs({ tenantId: 't2' })).to.deep.equal([3]);
    expect(seqs({ method: 'patch' })).to.deep.equal([2]);
    expect(seqs({ status: 201 })).to.deep.equal([1]);
    expect(seqs({ path: '/Users' })).to.deep.equal([1, 3]);
    expect(seqs({ path: '/\\/users\\/[^/]+$/i' })).to.deep.equal([3]);
    expect(seqs({ path: '/Users', limit: 1 })).to.deep.equal([1]);
  });

  it('refuses a malformed path regex with a ConfigError', () => {
    expect(() => new MemoryJournal().query({ path: '/(unclosed/' })).to.throw(ConfigError, /regex/);
  });

  it('keeps counting after clear so a reader’s sinceSeq stays valid', () => {
    const journal = new MemoryJournal();
    journal.record(entry());
    journal.clear();
    expect(journal.query()).to.deep.equal([]);
    expect(journal.record(entry()).seq).to.equal(2);
  });

  it('snapshots bodies so later changes to the recorded object do not show', () => {
    const journal = new MemoryJournal();
    const body = { userName: 'before' };
    journal.record(entry({ requestBody: body }));
    body.userName = 'after';
    const [first] = journal.query();
    (first.requestBody as { userName: string }).userName = 'edited by a reader';
    expect(journal.query()[0].requestBody).to.deep.equal({ userName: 'before' });
  });

  it('serialises entries with parsed bodies', () => {
    const journal = new MemoryJournal();
    journal.record(entry({ responseBody: { id: 'u1' } }));
    const parsed = JSON.parse(JSON.stringify(journal.query()[0])) as JournalEntry;
    expect(parsed.responseBody).to.deep.equal({ id: 'u1' });
    expect(parsed).to.not.have.property('fault');
  });
});
