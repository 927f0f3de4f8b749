import { expect } from 'chai';

import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import type { AttemptRecord } from '../../../provisioner/client/scim-client.ts';
import { TargetError } from '../../../provisioner/client/target-error.ts';
import { awsError, startFakeTarget } from './fake-target.ts';
import type { FakeTarget, Handler } from './fake-target.ts';

const TOKEN = 'secret-token-do-not-print';
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };

describe('ScimClient', () => {
  let target: FakeTarget | undefined;
  afterEach(async () => target?.close());

  async function clientFor(handler: Handler, records: AttemptRecord[] = [], concurrency = 4) {
    target = await startFakeTarget(handler);
    return new ScimClient({
      baseUrl: target.baseUrl,
      token: TOKEN,
      concurrency,
      retry: FAST,
      onAttempt: (r) => records.push(r),
    });
  }

  it('sends the bearer token, SCIM content type and JSON body', async () => {
    const client = await clientFor(() => ({ status: 201, body: { id: 'u1' } }));
    const response = await client.request('POST', '/Users', { userName: 'a' });
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({ id: 'u1' });
    expect(target!.seen[0].headers.authorization).to.equal(`Bearer ${TOKEN}`);
    expect(target!.seen[0].headers['content-type']).to.equal('application/scim+json');
    expect(target!.seen[0].body).to.deep.equal({ userName: 'a' });
  });

  it('retries 429 and waits the Retry-After the server asks for', async () => {
    let calls = 0;
    const client = await clientFor(() =>
      ++calls === 1
        ? { ...awsError(429, 'Rate exceeded.'), headers: { 'retry-after': '0.3' } }
        : { status: 200, body: {} },
    );
    const started = Date.now();
    const response = await client.request('GET', '/Users/u1');
    expect(Date.now() - started).to.be.at.least(280);
    expect(response.attempts).to.equal(2);
  });

  it('retries 5xx and dropped connections, then gives up after maxAttempts', async () => {
    const records: AttemptRecord[] = [];
    let calls = 0;
    const client = await clientFor((_req, res) => {
      calls += 1;
      if (calls % 2 === 0) {
        res.socket?.destroy();
        return undefined;
      }
      return awsError(503, 'An internal error occurred.');
    }, records);
    const error = await client.request('DELETE', '/Users/u1').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TargetError);
    expect((error as TargetError).attempts).to.equal(8);
    expect(records.map((r) => r.outcome)).to.deep.equal([...Array(7).fill('retry'), 'failed']);
    expect(records.some((r) => r.status === 0)).to.be.true;
  });

  it('does not retry a 400 and names the attribute at fault and the subject', async () => {
    const records: AttemptRecord[] = [];
    const client = await clientFor(
      () => awsError(400, 'Currently list attributes only allow single item'),
      records,
    );
    const body = { userName: 'alice', emails: [{ value: 'a@x' }, { value: 'b@x' }] };
    const error = (await client
      .request('POST', '/Users', body)
      .catch((e: unknown) => e)) as TargetError;
    expect(records).to.have.length(1);
    expect(error.status).to.equal(400);
    expect(error.attribute).to.equal('emails');
    expect(error.requestId).to.equal('req-400');
    expect(error.about('user "alice"').message).to.match(
      /user "alice".*attribute at fault: emails/,
    );
  });

  it('names the path of a single-operation PATCH that AWS refused with the generic detail', async () => {
    const client = await clientFor(() =>
      awsError(400, 'Request is unparsable, syntactically incorrect, or violates schema.'),
    );
    const patch = { Operations: [{ op: 'replace', path: 'title', value: 'x\ty' }] };
    const error = (await client
      .request('PATCH', '/Users/u1', patch)
      .catch((e: unknown) => e)) as TargetError;
    expect(error.attribute).to.equal('title');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const client = await clientFor(
      (_req, res) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          res.writeHead(200).end('{}');
        }, 15);
      },
      [],
      3,
    );
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.request('GET', `/Users/u${i}`)));
    expect(peak).to.equal(3);
  });

  it('never puts the token in attempt records or errors', async () => {
    const records: AttemptRecord[] = [];
    const client = await clientFor(() => awsError(401, 'The request is not authorized.'), records);
    const error = await client.request('GET', '/Users').catch((e: unknown) => e);
    const printed =
      JSON.stringify(records) + String(error) + JSON.stringify(error) + JSON.stringify(client);
    expect(printed).to.not.include(TOKEN);
  });
});
