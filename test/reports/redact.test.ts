import { expect } from 'chai';

import { REDACTED, redactExchange, redactReport, redactText } from '../../reports/redact.ts';
import type { Exchange } from '../../suites/model.ts';
import { SECRET, sampleReport } from './fixture.ts';

describe('reports/redact', () => {
  const exchange: Exchange = {
    method: 'POST',
    url: `https://x.test/Users?t=${encodeURIComponent(`${SECRET}/+`)}&raw=${SECRET}`,
    requestHeaders: { AUTHORIZATION: 'Basic dXNlcjpwYXNz', 'X-Trace': `id ${SECRET}` },
    requestBody: { [`key-${SECRET}`]: [{ deep: `a${SECRET}b` }, 7, null, true] },
    status: 401,
    responseHeaders: { 'Set-Cookie': 'session=abc', 'WWW-Authenticate': 'Bearer' },
    responseBody: `token was ${SECRET}`,
    durationMs: 3,
  };

  it('keeps the scheme of Authorization and blanks the credential, whatever the header case', () => {
    const out = redactExchange(
      { ...exchange, requestHeaders: { authorization: `Bearer ${SECRET}` } },
      [],
    );
    expect(out.requestHeaders).to.deep.equal({ authorization: 'Bearer [redacted]' });
    expect(redactExchange(exchange).requestHeaders.AUTHORIZATION).to.equal('Basic [redacted]');
    expect(redactExchange(exchange).responseHeaders['Set-Cookie']).to.equal(REDACTED);
  });

  it('replaces a secret in the URL (raw and URL-encoded), headers, body keys and body values', () => {
    const secrets = [SECRET, `${SECRET}/+`];
    const out = redactExchange(exchange, secrets);
    expect(JSON.stringify(out)).not.to.contain(SECRET);
    expect(out.url).to.equal(`https://x.test/Users?t=${REDACTED}&raw=${REDACTED}`);
    expect(out.requestHeaders['X-Trace']).to.equal(`id ${REDACTED}`);
    expect(out.requestBody).to.deep.equal({
      [`key-${REDACTED}`]: [{ deep: `a${REDACTED}b` }, 7, null, true],
    });
    expect(out.responseBody).to.equal(`token was ${REDACTED}`);
    expect(out.responseHeaders['WWW-Authenticate']).to.equal('Bearer');
  });

  it('leaves its input untouched and absent bodies absent', () => {
    const before = structuredClone(exchange);
    const { requestBody: _drop, ...withoutBody } = exchange;
    const out = redactExchange(withoutBody, [SECRET]);
    expect(exchange).to.deep.equal(before);
    expect(out).not.to.have.property('requestBody');
  });

  it('ignores empty secrets rather than blanking every gap between characters', () => {
    expect(redactText('abc', ['', SECRET])).to.equal('abc');
  });

  it('redacts the free text of results and the target URL too', () => {
    const report = sampleReport();
    report.target.url = `https://x.test/${SECRET}/`;
    report.results[0].message = `saw ${SECRET}`;
    report.results[3].reason = `because ${SECRET}`;
    const out = redactReport(report, [SECRET]);
    expect(JSON.stringify(out)).not.to.contain(SECRET);
    expect(out.results[0].message).to.equal(`saw ${REDACTED}`);
    expect(out.target.url).to.equal(`https://x.test/${REDACTED}/`);
  });
});
