import { expect } from 'chai';
import { createHash } from 'node:crypto';

import { renderHtml } from '../../reports/html.ts';
import { SECRET, sampleReport } from './fixture.ts';

function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  const end = text.indexOf(close, start + open.length);
  if (start < 0 || end < 0) throw new Error(`no ${open}…${close} in the page`);
  return text.slice(start + open.length, end);
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

describe('reports/html', () => {
  const html = renderHtml(sampleReport(), { secrets: [SECRET] });

  it('escapes <script> payloads from titles and bodies, leaving only its own script', () => {
    expect(html.split('<script').length - 1).to.equal(1);
    expect(html).to.contain('rejects &lt;script&gt;alert(1)&lt;/script&gt; as a displayName');
    expect(html).to.contain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(html).to.contain('got 200 &amp; "all users"\\u0001 instead');
  });

  it('pins its inline style and script by hash and loads nothing from outside', () => {
    const policy = between(html, 'http-equiv="Content-Security-Policy" content="', '"');
    expect(policy).to.contain('default-src &apos;none&apos;');
    const decoded = policy.replaceAll('&apos;', "'");
    expect(decoded).to.contain(`style-src ${sha256(between(html, '<style>', '</style>'))}`);
    expect(decoded).to.contain(`script-src ${sha256(between(html, '<script>', '</script>'))}`);
    for (const external of [' src=', '<link', '@import', 'url(', '<iframe', '<img']) {
      expect(html, external).not.to.contain(external);
    }
  });

  it('shows the verdict, the counts and the run metadata', () => {
    expect(html).to.contain('<span class="verdict failed">FAILED</span>');
    expect(html).to.contain('2 of 6 checks failed (1 MUST, 1 SHOULD)');
    expect(html).to.contain('<li class="o-known-deviation"><b>1</b>known deviation</li>');
    for (const value of ['https://scim.example.test/t-1234/scim/v2/', 'aws', '42', '2.50 s']) {
      expect(html).to.contain(`<dd>${value}</dd>`);
    }
  });

  it('lists every requirement by area with level, linked RFC sections and AWS ids', () => {
    expect(html.split('<tr data-outcome=').length - 1).to.equal(6);
    expect(html).to.contain(
      '<tr class="area"><th colspan="7">service-provider / filters</th></tr>',
    );
    expect(html).to.contain(
      '<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>',
    );
    expect(html).to.contain('<code>AWS-FILTER-EQ-ONLY</code>');
    expect(html).to.contain('<td>MAY</td>');
  });

  it('shows each failure with its request and response, pretty-printed and redacted', () => {
    const failures = between(html, '<section id="failures">', '</section>');
    expect(failures).to.contain('id="check-service-provider-SP-FILTER-INVALID-400"');
    expect(failures).to.contain('<details class="exchange" open>');
    expect(failures).to.contain('Authorization: Bearer [redacted]');
    expect(failures).to.contain('<h4>Response 201</h4>');
    expect(failures).to.contain('{\n  "id": "u-1",');
    expect(failures).not.to.contain('SP-ERROR-CONTENT-TYPE');
    expect(html).not.to.contain(SECRET);
  });

  it('says PASSED and leaves out the failures section when nothing failed', () => {
    const report = sampleReport();
    report.results = report.results.filter((result) => result.outcome !== 'failed');
    report.summary = { ...report.summary, total: 4, failed: 0 };
    const page = renderHtml(report);
    expect(page).to.contain('<span class="verdict passed">PASSED</span>');
    expect(page).not.to.contain('id="failures"');
  });

  it('escapes level and outcome too, should a report read back from JSON hold anything there', () => {
    const report = sampleReport();
    Object.assign(report.results[1], { level: '<b>MUST</b>', outcome: '"><i>x' });
    const page = renderHtml(report);
    expect(page).to.contain('<td>&lt;b&gt;MUST&lt;/b&gt;</td>');
    expect(page).to.contain('<tr data-outcome="&quot;&gt;&lt;i&gt;x">');
    expect(page).not.to.contain('<i>x');
  });
});
