import { expect } from 'chai';

import { findOne, listAll, quote } from '../../../provisioner/client/list-all.ts';
import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import { awsError, startFakeTarget } from './fake-target.ts';
import type { FakeTarget, Handler } from './fake-target.ts';

const users = Array.from({ length: 250 }, (_, i) => ({ id: `u${i}`, userName: `user${i}` }));

function cursorServer(): Handler {
  return (req) => {
    const url = new URL(req.url, 'http://x');
    const start = Number(url.searchParams.get('cursor') || 0);
    const page = users.slice(start, start + 100);
    const next = start + 100 < users.length ? String(start + 100) : undefined;
    return { status: 200, body: { itemsPerPage: page.length, Resources: page, nextCursor: next } };
  };
}

/** A classic SCIM server: no cursor, honours startIndex, totalResults is the full count. */
function indexServer(honourStartIndex: boolean, cap = 100): Handler {
  return (req) => {
    const url = new URL(req.url, 'http://x');
    const start = honourStartIndex ? Number(url.searchParams.get('startIndex') ?? 1) - 1 : 0;
    const page = users.slice(start, start + cap);
    const total = honourStartIndex ? users.length : page.length;
    return { status: 200, body: { totalResults: total, startIndex: start + 1, Resources: page } };
  };
}

describe('listAll', () => {
  let target: FakeTarget | undefined;
  afterEach(async () => target?.close());

  async function clientFor(handler: Handler) {
    target = await startFakeTarget(handler);
    return new ScimClient({ baseUrl: target.baseUrl, token: 't', concurrency: 2 });
  }

  it('follows nextCursor until the last page, starting with a bare cursor', async () => {
    const client = await clientFor(cursorServer());
    const result = await listAll(client, 'Users', 'groups.value eq "g1"');
    expect(result.resources.map((r) => r.id)).to.deep.equal(users.map((u) => u.id));
    expect(result).to.include({ complete: true, pages: 3 });
    expect(target!.seen[0].url).to.match(/&cursor$/);
    expect(target!.seen[0].url).to.include('filter=groups.value%20eq%20%22g1%22');
    expect(target!.seen[1].url).to.match(/&cursor=100$/);
  });

  it('falls back to startIndex paging when the server ignores cursor', async () => {
    const client = await clientFor(indexServer(true));
    const result = await listAll(client, 'Users');
    expect(result.resources).to.have.length(250);
    expect(result.complete).to.be.true;
  });

  it('falls back to startIndex paging when the server refuses cursor with 400', async () => {
    const client = await clientFor((req) =>
      req.url.includes('cursor')
        ? awsError(400, 'bad')
        : indexServer(true)(req, undefined as never),
    );
    const result = await listAll(client, 'Users');
    expect(result.resources).to.have.length(250);
  });

  it('reports a capped list from a server without cursor or startIndex as incomplete', async () => {
    const client = await clientFor(indexServer(false, 50));
    const result = await listAll(client, 'Users');
    expect(result.resources).to.have.length(50);
    expect(result.complete).to.be.false;
  });

  it('finds one resource by a quoted, escaped filter', async () => {
    const client = await clientFor((req) => ({
      status: 200,
      body: {
        totalResults: 1,
        Resources: [{ id: 'u7', filter: new URL(req.url, 'http://x').searchParams.get('filter') }],
      },
    }));
    const found = await findOne(client, 'Users', `userName eq ${quote('a"b\\c')}`);
    expect(found?.filter).to.equal('userName eq "a\\"b\\\\c"');
  });
});
