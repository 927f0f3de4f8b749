import { expect } from 'chai';

import { BodyText } from '../../../mock-server/admin/journal-body.ts';
import {
  peekRecord,
  readRecord,
  recordBound,
  writeRecord,
  type RecordFields,
} from '../../../mock-server/admin/journal-record.ts';
import { RecordRing } from '../../../mock-server/admin/record-ring.ts';

function fields(overrides: Partial<RecordFields> = {}): RecordFields {
  return {
    captured: true,
    head: 'req-1\nPATCH\n/t1/scim/v2/Users/u1?x=1\nAuthorization\nBearer tok',
    parsedQuery: '',
    fault: '',
    hasFault: false,
    startedAtMs: Date.UTC(2026, 11, 4, 12, 0, 0, 5),
    durationMs: 0.125,
    status: 200,
    requestBody: new BodyText('{"op":"replace"}', true),
    responseBody: new BodyText(['{"Resources":[', '{"id":"ü"}', ']}'], true),
    ...overrides,
  };
}

describe('mock-server/admin/journal-record', () => {
  it('reads back every field written, a body in pieces as one text', () => {
    const ring = new RecordRing(4, 4_096);
    const seq = writeRecord(ring, fields());
    expect(readRecord(ring, seq)).to.deep.equal({
      captured: true,
      head: 'req-1\nPATCH\n/t1/scim/v2/Users/u1?x=1\nAuthorization\nBearer tok',
      parsedQuery: '',
      fault: '',
      hasFault: false,
      startedAtMs: Date.UTC(2026, 11, 4, 12, 0, 0, 5),
      durationMs: 0.125,
      status: 200,
      requestBody: { text: '{"op":"replace"}', json: true, truncatedFrom: undefined },
      responseBody: { text: '{"Resources":[{"id":"ü"}]}', json: true, truncatedFrom: undefined },
    });
  });

  it('tells an absent body from an empty one, and keeps a cut body’s length and a fault', () => {
    const ring = new RecordRing(4, 4_096);
    const seq = writeRecord(
      ring,
      fields({
        requestBody: null,
        responseBody: new BodyText('', false, 2_000_000),
        fault: 'rule-1',
        hasFault: true,
        status: 0,
      }),
    );
    expect(readRecord(ring, seq)).to.deep.include({
      requestBody: null,
      responseBody: { text: '', json: false, truncatedFrom: 2_000_000 },
      fault: 'rule-1',
      hasFault: true,
      status: 0,
    });
  });

  it('peeks at the head and status without reading the bodies', () => {
    const ring = new RecordRing(4, 4_096);
    const seq = writeRecord(ring, fields({ head: 'req-2\nDELETE\n/x\n', status: 204 }));
    expect(peekRecord(ring, seq)).to.deep.equal({
      captured: true,
      head: 'req-2\nDELETE\n/x\n',
      status: 204,
    });
  });

  it('bounds a record by three bytes a character, enough for any UTF-8', () => {
    const ring = new RecordRing(4, 4_096);
    const text = '山🙂é'.repeat(50);
    const record = fields({ requestBody: new BodyText(text, false), responseBody: null });
    const start = ring.nextSeq;
    writeRecord(ring, record);
    const [from, to] = ring.bounds(start)!;
    expect(to - from).to.be.at.most(recordBound(record));
    expect(readRecord(ring, start)!.requestBody!.text).to.equal(text);
  });

  it('answers undefined for a record the ring has dropped', () => {
    const ring = new RecordRing(1, 4_096);
    writeRecord(ring, fields());
    writeRecord(ring, fields());
    expect(readRecord(ring, 1)).to.equal(undefined);
  });
});
