import { expect } from 'chai';

import { JsonCache } from '../../../mock-server/http/json-cache.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import type { StoredResource } from '../../../mock-server/store/types.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';
import { ScimTestClient, filterQuery, startTestMock, userBody } from '../scim-test-client.ts';

const STAMP = '2026-01-01T00:00:00Z';

function resource(doc: Record<string, unknown>): StoredResource {
  return { id: 'r1', created: STAMP, lastModified: STAMP, doc };
}

describe('mock-server/http json-cache', () => {
  describe('JsonCache', () => {
    let renders: number;
    const cache = () => {
      renders = 0;
      return new JsonCache('test', (r) => {
        renders += 1;
        return { id: r.id, lastModified: r.lastModified, ...r.doc };
      });
    };

    it('renders a resource once and answers later reads from the kept text', () => {
      const json = cache();
      const stored = resource({ displayName: 'Ann' });
      expect(json.json(stored)).to.equal(
        `{"id":"r1","lastModified":"${STAMP}","displayName":"Ann"}`,
      );
      expect(json.json(stored)).to.equal(json.json(stored));
      expect(renders).to.equal(1);
    });

    it('renders afresh a copy made with spread, even with the same lastModified', () => {
      const json = cache();
      const stored = resource({ displayName: 'Ann' });
      json.json(stored);
      const replaced = { ...stored, doc: { displayName: 'Bea' } };
      expect(JSON.parse(json.json(replaced)).displayName).to.equal('Bea');
      expect(renders).to.equal(2);
    });

    it('renders afresh when lastModified changed in place', () => {
      const json = cache();
      const stored = resource({});
      json.json(stored);
      stored.lastModified = '2026-01-02T00:00:00Z';
      expect(JSON.parse(json.json(stored)).lastModified).to.equal('2026-01-02T00:00:00Z');
    });

    it('keeps one text per cache, so two renderings of a resource do not mix', () => {
      const plain = new JsonCache('plain', (r) => ({ id: r.id }));
      const listed = new JsonCache('listed', (r) => ({ id: r.id, members: [] }));
      const stored = resource({});
      expect(plain.json(stored)).to.equal('{"id":"r1"}');
      expect(listed.json(stored)).to.equal('{"id":"r1","members":[]}');
      expect(plain.json(stored)).to.equal('{"id":"r1"}');
    });

    it('never writes the kept text into exported state', () => {
      const json = cache();
      const stored = resource({ displayName: 'Ann' });
      json.json(stored);
      expect(Object.keys(JSON.parse(JSON.stringify(stored)))).to.deep.equal([
        'id',
        'created',
        'lastModified',
        'doc',
      ]);
    });
  });

  // The clock stands still unless a test moves it, so every write lands in the same second as the
  // read before it: a cache keyed on timestamps alone would answer with the old document.
  describe('reads after writes', () => {
    let mock: RunningMock;
    let client: ScimTestClient;
    const start = new Date('2026-03-01T12:00:00Z');
    let now = start;

    before(async () => {
      mock = await startTestMock({ clock: { now: () => now } });
      client = ScimTestClient.of(mock);
    });
    after(async () => mock.stop());
    beforeEach(() => {
      now = start;
      mock.context.store.reset();
    });

    const patch = (operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations: operations });

    it('GET and userName eq show a PATCHed user, not the copy read before', async () => {
      const { body: created } = await client.post('/Users', userBody('ann'));
      await client.get(`/Users/${created.id}`);
      await client.get(`/Users?${filterQuery('userName eq "ann@example.com"')}`);
      const rename = [{ op: 'replace', path: 'displayName', value: 'Renamed' }];
      expect((await client.call('PATCH', `/Users/${created.id}`, patch(rename))).status).to.equal(
        200,
      );
      expect((await client.get(`/Users/${created.id}`)).body.displayName).to.equal('Renamed');
      const listed = await client.get(`/Users?${filterQuery('userName eq "ann@example.com"')}`);
      expect(listed.body.Resources[0].displayName).to.equal('Renamed');
    });

    it('GET shows a PUT user, and a deleted user is gone', async () => {
      const { body: created } = await client.post('/Users', userBody('bea'));
      await client.get(`/Users/${created.id}`);
      const put = await client.call('PUT', `/Users/${created.id}`, {
        ...userBody('bea'),
        displayName: 'Replaced',
      });
      expect(put.status).to.equal(200);
      expect((await client.get(`/Users/${created.id}`)).body.displayName).to.equal('Replaced');
      await client.call('DELETE', `/Users/${created.id}`);
      expect((await client.get(`/Users/${created.id}`)).status).to.equal(404);
    });

    it('GET and list show a group renamed by PATCH', async () => {
      const { body: group } = await client.post('/Groups', { displayName: 'Old name' });
      await client.get(`/Groups/${group.id}`);
      await client.get(`/Groups?${filterQuery('displayName eq "Old name"')}`);
      const rename = [{ op: 'replace', value: { displayName: 'New name' } }];
      expect((await client.call('PATCH', `/Groups/${group.id}`, patch(rename))).status).to.equal(
        204,
      );
      expect((await client.get(`/Groups/${group.id}`)).body.displayName).to.equal('New name');
      const listed = await client.get(`/Groups?${filterQuery('displayName eq "New name"')}`);
      expect(listed.body.Resources).to.have.length(1);
      expect(listed.body.Resources[0]).to.include({ id: group.id, displayName: 'New name' });
      expect(listed.body.Resources[0].members).to.deep.equal([]);
    });

    it('GET shows the new lastModified once a member was deleted', async () => {
      const { body: user } = await client.post('/Users', userBody('cal'));
      const { body: group } = await client.post('/Groups', {
        displayName: 'Team',
        members: [{ value: user.id }],
      });
      expect((await client.get(`/Groups/${group.id}`)).body.meta.lastModified).to.equal(
        '2026-03-01T12:00:00Z',
      );
      now = new Date('2026-03-02T08:30:00Z');
      await client.call('DELETE', `/Users/${user.id}`);
      expect((await client.get(`/Groups/${group.id}`)).body.meta.lastModified).to.equal(
        '2026-03-02T08:30:00Z',
      );
    });
  });
});
