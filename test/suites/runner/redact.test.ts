// Tokens never reach results: the Authorization header keeps its scheme, the token is blanked
// wherever else it appears.
import { expect } from 'chai';

import { redactAuthorization, redactExchange } from '../../../suites/runner/redact.ts';

describe('redactExchange', () => {
  it('keeps the scheme of Authorization and blanks the token in URL, headers and bodies', () => {
    const exchange = redactExchange(
      {
        method: 'GET',
        url: 'https://x.test/Users?token=s3cret',
        requestHeaders: { Authorization: 'Bearer s3cret', 'x-echo': 's3cret' },
        requestBody: { note: 'has s3cret inside' },
        status: 401,
        responseHeaders: {},
        responseBody: { detail: 'bad token s3cret' },
        durationMs: 1,
      },
      's3cret',
    );
    expect(exchange.requestHeaders.Authorization).to.equal('Bearer [redacted]');
    expect(JSON.stringify(exchange)).to.not.include('s3cret');
  });

  it('blanks a credential with no scheme entirely', () => {
    expect(redactAuthorization('s3cret')).to.equal('[redacted]');
    expect(redactAuthorization('Basic abc')).to.equal('Basic [redacted]');
  });
});
