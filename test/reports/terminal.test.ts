import { expect } from 'chai';

import { shouldUseColour, summaryLines } from '../../reports/terminal.ts';
import { SECRET, sampleReport } from './fixture.ts';

const ESC = '\u001b[';

describe('reports/terminal', () => {
  it('uses colour only on a terminal without CI, NO_COLOR or TERM=dumb', () => {
    const tty = { isTTY: true };
    expect(shouldUseColour(tty, { TERM: 'xterm-256color' })).to.be.true;
    expect(shouldUseColour({ isTTY: false }, {})).to.be.false;
    expect(shouldUseColour({}, {})).to.be.false;
    expect(shouldUseColour(tty, { CI: 'true' })).to.be.false;
    expect(shouldUseColour(tty, { NO_COLOR: '1' })).to.be.false;
    expect(shouldUseColour(tty, { TERM: 'dumb' })).to.be.false;
  });

  it('prints the verdict, counts, each failure and the HTML path, without colour codes', () => {
    const lines = summaryLines(sampleReport(), { colour: false, htmlPath: '/tmp/r/report.html' });
    expect(lines.join('\n')).not.to.contain(ESC);
    expect(lines[0]).to.equal(
      'FAILED scim-harness run 2026-12-03T16-30-00Z-abc123 against ' +
        'https://scim.example.test/t-1234/scim/v2/ (aws, seed 42) in 2.50 s',
    );
    expect(lines[1]).to.equal(
      '6 checks: 2 failed, 1 known deviation, 1 fixed deviation, 1 not applicable, 1 passed',
    );
    expect(lines[3]).to.equal(
      '  - FLOW-CREATE-THEN-GET rejects <script>alert(1)</script> as a displayName [SHOULD]: ' +
        'the user was created',
    );
    expect(lines.at(-2)).to.contain('PROV-BACKOFF-429');
    expect(lines.at(-1)).to.equal('HTML report: /tmp/r/report.html');
  });

  it('colours the verdict and failed ids when asked', () => {
    const lines = summaryLines(sampleReport(), { colour: true });
    expect(lines[0].startsWith(`${ESC}1m${ESC}31mFAILED${ESC}0m`)).to.be.true;
    expect(lines[3]).to.contain(`${ESC}31mFLOW-CREATE-THEN-GET${ESC}0m`);
  });

  it('counts the failures past the limit instead of listing them', () => {
    const lines = summaryLines(sampleReport(), { colour: false, maxFailures: 1 });
    expect(lines.filter((line) => line.startsWith('  - '))).to.have.length(1);
    expect(lines).to.include('  … and 1 more in the HTML report');
  });

  it('redacts secrets from failure messages', () => {
    const report = sampleReport();
    report.results[0].message = `sent ${SECRET}`;
    const text = summaryLines(report, { colour: false, secrets: [SECRET] }).join('\n');
    expect(text).not.to.contain(SECRET);
    expect(text).to.contain('sent [redacted]');
  });

  it('says no checks ran rather than passing an empty run', () => {
    const report = sampleReport();
    report.results = [];
    report.summary = {
      ...report.summary,
      total: 0,
      passed: 0,
      failed: 0,
      notApplicable: 0,
      knownDeviation: 0,
      fixedDeviation: 0,
    };
    const lines = summaryLines(report, { colour: false });
    expect(lines[0].startsWith('NO CHECKS RAN ')).to.be.true;
    expect(lines[1]).to.equal('0 checks: 0 failed, 0 passed');
  });
});
