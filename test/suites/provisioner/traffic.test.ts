// Reading a provisioner's requests from journal entries: member changes and touched attributes.
import { expect } from 'chai';

import type { JournalEntry } from '../../../mock-server/context.ts';
import { memberChanges, touchedAttributes } from '../../../suites/provisioner/traffic.ts';

function patch(path: string, ...operations: object[]): JournalEntry {
  return {
    seq: 1,
    requestId: 'r',
    at: '2026-01-01T00:00:00.000Z',
    tenantId: 't',
    method: 'PATCH',
    path: `/t/scim/v2${path}`,
    query: {},
    requestHeaders: {},
    requestBody: { schemas: [], Operations: operations },
    status: 204,
    responseBody: null,
    durationMs: 1,
  };
}

describe('provisioner traffic', () => {
  it('AWS-PATCH-MEMBERS-MAX: counts the members each operation names', () => {
    const entry = patch(
      '/Groups/g',
      { op: 'add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] },
      { op: 'remove', path: 'members[value eq "c"]' },
      { op: 'replace', path: 'displayName', value: 'x' },
    );
    expect(memberChanges(entry).map((change) => [change.op, change.count])).to.deep.equal([
      ['add', 2],
      ['remove', 1],
    ]);
  });

  it('AWS-PATCH-NO-REPLACE-MEMBERS: sees a replace of members, with or without a path', () => {
    const withPath = patch('/Groups/g', { op: 'Replace', path: 'members', value: [] });
    const noPath = patch('/Groups/g', { op: 'replace', value: { members: [{ value: 'a' }] } });
    expect(memberChanges(withPath)[0]).to.include({ replaces: true });
    expect(memberChanges(noPath)[0]).to.include({ replaces: true, count: 1 });
  });

  it('AWS-PATCH-NO-REMOVE-ALL: sees a remove of members that names none', () => {
    expect(memberChanges(patch('/Groups/g', { op: 'remove', path: 'members' }))[0]).to.include({
      removesAll: true,
    });
  });

  it('names the leaf attributes a user PATCH touches, with or without a path', () => {
    const entry = patch(
      '/Users/u',
      { op: 'replace', path: 'name', value: { familyName: 'King' } },
      { op: 'replace', value: { displayName: 'A', name: { givenName: 'B' } } },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'a@b.c' },
    );
    expect(touchedAttributes(entry)).to.deep.equal([
      'name.familyName',
      'displayName',
      'name.givenName',
      'emails.value',
    ]);
  });
});
