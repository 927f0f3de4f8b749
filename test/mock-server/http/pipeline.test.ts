import { Writable } from 'node:stream';

import { expect } from 'chai';
import { pino } from 'pino';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ERROR_URN } from '../../../scim/urns.ts';
import { ScimTestClient, TOKEN, startTestMock, userBody } from '../scim-test-client.ts';

/** A pino logger whose lines land in an array, to check what gets logged. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('mock-server/http pipeline', () => {
  let mock: RunningMock;
  let client: ScimTestClient;
  const log = capturingLogger();

  before(async () => {
    mock = await startTestMock({ logger: log.logger });
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());

  it('AWS-HTTP-CONTENT-TYPE: answers with Content-Type application/json exactly', async () => {
    for (const answer of [await client.get('/Users'), await client.get('/Users/none')]) {
      expect(answer.headers.get('content-type')).to.equal('application/json');
    }
  });

  it('AWS-HTTP-REQUEST-ID: sends x-amzn-RequestId and repeats it as exceptionRequestId', async () => {
    const ok = await client.get('/Users');
    expect(ok.headers.get('x-amzn-requestid')).to.match(/^[0-9a-f-]{36}$/);
    const failed = await client.get('/Users/none');
    expect(failed.body.exceptionRequestId).to.equal(failed.headers.get('x-amzn-requestid'));
    expect(failed.headers.get('x-amzn-requestid')).not.to.equal(ok.headers.get('x-amzn-requestid'));
  });

  it('AWS-ERROR-BODY: renders errors as AWS does, status a string, no scimType', async () => {
    const answer = await client.get('/Users/none');
    expect(Object.keys(answer.body)).to.deep.equal([
      'schema',
      'schemas',
      'detail',
      'status',
      'exceptionRequestId',
      'timeStamp',
    ]);
    expect(answer.body).to.deep.include({ schema: [ERROR_URN], status: '404' });
    expect(answer.body.timeStamp).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
  });

  it('AWS-HTTP-REQUEST-CONTENT-TYPE: accepts scim+json and json, refuses other body types', async () => {
    const body = JSON.stringify(userBody('ctype'));
    const json = await client.call('POST', '/Users', body, { 'content-type': 'application/json' });
    expect(json.status).to.equal(201);
    const text = await client.call('POST', '/Users', body, { 'content-type': 'text/plain' });
    expect(text.status).to.equal(400);
    expect(text.body.detail).to.equal(AWS_DETAIL.invalidRequest);
  });

  it('AWS-HTTP-MALFORMED-JSON: answers the generic 400 for broken JSON or a non-object body', async () => {
    for (const body of ['{"userName":', '[1,2]', '"text"', 'null']) {
      const answer = await client.call('POST', '/Users', body, {
        'content-type': 'application/scim+json',
      });
      expect(answer.status, body).to.equal(400);
      expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
    }
  });

  it('AWS-HTTP-BODY-LIMIT: answers 413 in AWS form above 1,048,576 bytes', async () => {
    const big = JSON.stringify({ ...userBody('big'), title: 'x'.repeat(1_048_576) });
    const answer = await client.call('POST', '/Users', big);
    expect(answer.status).to.equal(413);
    expect(answer.body).to.include({ status: '413', detail: AWS_DETAIL.payloadTooLarge });
  });

  it('AWS-HTTP-UNSUPPORTED-ENDPOINTS: answers 404 for /Me, /Bulk and /.search', async () => {
    const answers = [
      await client.get('/Me'),
      await client.post('/Bulk', { schemas: [] }),
      await client.post('/.search', {}),
      await client.post('/Users/.search', {}),
    ];
    for (const answer of answers) {
      expect(answer.status).to.equal(404);
      expect(answer.body.status).to.equal('404');
    }
  });

  it('AWS-HTTP-UNKNOWN-PATH: answers 404 for unknown paths and a missing slash after /scim/v2', async () => {
    const noSlash = await fetch(`${mock.scimBaseUrl()}Groups`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(noSlash.status).to.equal(404);
    expect(((await noSlash.json()) as { status: string }).status).to.equal('404');
    expect((await client.get('/Widgets')).status).to.equal(404);
    expect((await client.call('POST', '/Users/abc', {})).status).to.equal(404);
    expect((await fetch(`${mock.origin}/elsewhere`)).status).to.equal(404);
    const options = await client.call('OPTIONS', '/Users');
    expect(options.status).to.equal(404);
    expect(options.headers.get('content-type')).to.equal('application/json');
  });

  it('AWS-HTTP-DOUBLE-SLASH: serves .../scim/v2//Users as clients that join paths that way expect', async () => {
    const answer = await fetch(`${mock.scimBaseUrl()}//Users`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).to.equal(200);
    const body = (await answer.json()) as { Resources: unknown[] };
    expect(body.Resources).to.be.an('array');
  });

  it('AWS-ERROR-INTERNAL-500: turns an unexpected fault into a 500 in AWS form and logs the stack', async () => {
    const store = mock.context.store;
    const original = store.tenant.bind(store);
    store.tenant = () => {
      throw new Error('store exploded');
    };
    try {
      const answer = await client.get('/Users');
      expect(answer.status).to.equal(500);
      expect(answer.body).to.include({ status: '500', detail: AWS_DETAIL.internal });
      expect(log.lines.some((line) => line.includes('store exploded') && line.includes('stack'))).to
        .be.true;
    } finally {
      store.tenant = original;
    }
    expect((await client.get('/Users')).status).to.equal(200);
  });

  it('logs one line per request with method, path, status and request id, never the token', async () => {
    const answer = await client.get('/Users?count=1');
    const requestId = answer.headers.get('x-amzn-requestid')!;
    const line = log.lines.find((entry) => entry.includes(requestId) && entry.includes('"status"'));
    expect(line).to.be.a('string');
    expect(JSON.parse(line!)).to.include({ method: 'GET', path: '/t1/scim/v2/Users', status: 200 });
    expect(log.lines.join('\n')).not.to.contain(TOKEN);
  });

  it('masks the bearer token when a client also puts it in the path', async () => {
    const answer = await client.get(`/Users/${TOKEN}`);
    expect(answer.status).to.equal(404);
    const requestId = answer.headers.get('x-amzn-requestid')!;
    const line = log.lines.find((entry) => entry.includes(requestId) && entry.includes('"status"'));
    expect(line).to.be.a('string');
    expect(line).not.to.contain(TOKEN);
  });
});

describe('mock-server/http pipeline: the admin side and the SCIM side', () => {
  let mock: RunningMock;

  before(async () => {
    mock = await startTestMock();
  });
  after(async () => mock.stop());

  it('hands /_admin/v1 to the admin side in any case, as an express mount would', async () => {
    for (const base of ['/_admin/v1', '/_ADMIN/V1']) {
      const answer = await fetch(`${mock.origin}${base}/tenants`, {
        headers: { authorization: `Bearer ${mock.adminToken}` },
      });
      expect(answer.status, base).to.equal(200);
      expect(answer.headers.get('x-amzn-requestid'), base).to.be.a('string');
    }
  });

  it('AWS-HTTP-UNKNOWN-PATH: answers a path that only starts like the admin mount in AWS form', async () => {
    const answer = await fetch(`${mock.origin}/_admin/v1x/tenants`, {
      headers: { authorization: `Bearer ${mock.adminToken}` },
    });
    expect(answer.status).to.equal(404);
    expect(await answer.json()).to.include({ status: '404' });
  });
});
