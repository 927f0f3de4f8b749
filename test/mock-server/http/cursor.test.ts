import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { ScimTestClient, filterQuery, startTestMock } from '../scim-test-client.ts';

interface CursorPage {
  itemsPerPage: number;
  Resources: { id: string }[];
  nextCursor?: string;
}

const CURSOR_SHAPE = /^[-a-zA-Z0-9+=/:_]*$/;

describe('mock-server/http cursor paging', () => {
  let mock: RunningMock;
  let client: ScimTestClient;
  const ids: string[] = [];

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
    for (let index = 0; index < 25; index++) ids.push(await client.createUser(`c${index}`));
  });
  after(async () => mock.stop());

  async function walk(
    query: string,
    count: number,
  ): Promise<{ pages: CursorPage[]; seen: string[] }> {
    const pages: CursorPage[] = [];
    let next: string | undefined = '';
    while (next !== undefined) {
      const answer = await client.get(
        `/Users?${query}cursor=${encodeURIComponent(next)}&count=${count}`,
      );
      expect(answer.status, answer.text).to.equal(200);
      pages.push(answer.body as CursorPage);
      next = answer.body.nextCursor;
    }
    return {
      pages,
      seen: pages.flatMap((page) => page.Resources.map((user) => user.id)),
    };
  }

  it('AWS-CURSOR-START: a bare ?cursor starts cursor paging, as does cursor=', async () => {
    for (const query of ['/Users?cursor', '/Users?cursor=']) {
      const answer = await client.get(query);
      expect(answer.status).to.equal(200);
      expect(answer.body).to.have.property('itemsPerPage', 25);
      expect(answer.body).not.to.have.property('totalResults');
    }
  });

  it('AWS-CURSOR-SHAPE: pages carry itemsPerPage and nextCursor, the last page none', async () => {
    const { pages, seen } = await walk('', 10);
    expect(pages.map((page) => page.itemsPerPage)).to.deep.equal([10, 10, 5]);
    for (const page of pages) {
      expect(page).not.to.have.property('totalResults');
      expect(page).not.to.have.property('startIndex');
    }
    expect(pages[0].nextCursor).to.match(CURSOR_SHAPE);
    expect(pages[2]).not.to.have.property('nextCursor');
    expect(seen).to.deep.equal(ids);
  });

  it('AWS-CURSOR-SHAPE: a walk stays stable while users are deleted and added', async () => {
    const first = await client.get('/Users?cursor&count=10');
    await client.delete(`/Users/${ids[0]}`);
    await client.delete(`/Users/${ids[12]}`);
    const added = await client.createUser('late');
    const rest = await walk('', 100);
    const second = await client.get(
      `/Users?cursor=${encodeURIComponent(first.body.nextCursor)}&count=100`,
    );
    const seen = second.body.Resources.map((user: { id: string }) => user.id);
    expect(seen).to.deep.equal([...ids.slice(10, 12), ...ids.slice(13), added]);
    expect(rest.seen).to.have.length(24);
    await client.delete(`/Users/${added}`);
    ids.splice(12, 1);
    ids.splice(0, 1);
  });

  it('AWS-CURSOR-COUNT-RANGE: count must be 1 to 100 in cursor mode', async () => {
    for (const count of ['0', '101', '-1', 'ten', '1.5']) {
      expect((await client.get(`/Users?cursor&count=${count}`)).status, count).to.equal(400);
    }
    expect((await client.get('/Users?cursor&count=100')).status).to.equal(200);
    expect((await client.get('/Users?cursor&count=1')).body.Resources).to.have.length(1);
  });

  it('AWS-CURSOR-FILTER-CHANGE: a cursor used with another filter gets 400', async () => {
    const group = await client.createGroup('Paged', ids.slice(0, 5));
    const filter = filterQuery(`groups.value eq "${group}"`);
    const first = await client.get(`/Users?${filter}&cursor&count=2`);
    expect(first.body.Resources).to.have.length(2);
    const cursor = encodeURIComponent(first.body.nextCursor);
    const same = await client.get(`/Users?${filter}&cursor=${cursor}&count=2`);
    expect(same.status).to.equal(200);
    const other = filterQuery(`userName eq "c1@example.com"`);
    expect((await client.get(`/Users?${other}&cursor=${cursor}`)).status).to.equal(400);
    expect((await client.get(`/Users?cursor=${cursor}`)).status).to.equal(400);
  });

  it('AWS-CURSOR-INVALID: a forged, altered or other-tenant cursor gets 400', async () => {
    const first = await client.get('/Users?cursor&count=2');
    const cursor: string = first.body.nextCursor;
    const [body, signature] = cursor.split(':');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { p: number };
    const forged = Buffer.from(JSON.stringify({ ...payload, p: 0 })).toString('base64url');
    for (const bad of [
      `${forged}:${signature}`,
      'VGVzdFVzZXJDdXJzb3I',
      `${body}:`,
      `${cursor}:x`,
    ]) {
      expect((await client.get(`/Users?cursor=${encodeURIComponent(bad)}`)).status, bad).to.equal(
        400,
      );
    }
    mock.context.tenants.createTenant('t2');
    mock.context.tenants.issueToken('t2', 'tok-t2');
    const other = new ScimTestClient(mock.scimBaseUrl('t2'), 'tok-t2');
    expect((await other.get(`/Users?cursor=${encodeURIComponent(cursor)}`)).status).to.equal(400);
    expect((await client.get(`/Groups?cursor=${encodeURIComponent(cursor)}`)).status).to.equal(400);
  });

  it('AWS-CURSOR-SHAPE: pages groups too, with members: [] on each', async () => {
    const answer = await client.get('/Groups?cursor&count=1');
    expect(answer.status).to.equal(200);
    expect(answer.body.Resources[0].members).to.deep.equal([]);
  });
});
