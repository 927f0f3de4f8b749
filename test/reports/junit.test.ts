import { expect } from 'chai';

import { renderJunit } from '../../reports/junit.ts';
import { SCRIPT_PAYLOAD, SECRET, sampleReport } from './fixture.ts';
import { descendants, parseXml, type XmlElement } from './xml.ts';

function testcase(root: XmlElement, id: string): XmlElement {
  const found = descendants(root, 'testcase').find((c) => c.attributes.name?.startsWith(`${id} `));
  if (!found) throw new Error(`no testcase for ${id}`);
  return found;
}

describe('reports/junit', () => {
  const xml = renderJunit(sampleReport(), { secrets: [SECRET] });
  const root = parseXml(xml);

  it('parses as XML with the run totals on the root', () => {
    expect(root.name).to.equal('testsuites');
    expect(root.attributes).to.include({ tests: '6', failures: '2', skipped: '2', errors: '0' });
    expect(root.attributes.time).to.equal('2.500');
  });

  it('holds one testsuite per suite and area, each with its own counts', () => {
    const suites = descendants(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).to.deep.equal([
      'flow/lifecycle',
      'provisioner/throttling',
      'service-provider/errors',
      'service-provider/filters',
      'service-provider/lists',
      'service-provider/users',
    ]);
    const filters = suites[3];
    expect(filters.attributes).to.include({ tests: '1', failures: '1', skipped: '0' });
    expect(descendants(filters, 'property').map((p) => p.attributes.name)).to.include('seed');
  });

  it('names each testcase by id and title under its area', () => {
    const created = testcase(root, 'SP-USER-CREATE-201');
    expect(created.attributes).to.include({
      classname: 'users',
      name: 'SP-USER-CREATE-201 creates a user and answers 201',
      time: '0.020',
    });
    expect(created.children).to.have.length(0);
  });

  it('gives a failure its message, level and the exchanges as text', () => {
    const [failure] = testcase(root, 'SP-FILTER-INVALID-400').children;
    expect(failure.name).to.equal('failure');
    expect(failure.attributes.type).to.equal('MUST');
    expect(failure.attributes.message).to.equal(
      'expected 400 invalidFilter, got 200 & "all users"\\u0001 instead',
    );
    expect(failure.text).to.contain('> GET https://scim.example.test/t-1234/scim/v2/Users?filter=');
    expect(failure.text).to.contain('Authorization: Bearer [redacted]');
    expect(failure.text).to.contain('< 200 (12 ms)');
    expect(failure.text).to.contain(`"userName": "${SCRIPT_PAYLOAD.replaceAll('"', '\\"')}"`);
    expect(failure.text).to.contain('references: RFC 7644 §3.4.2.2, AWS-FILTER-EQ-ONLY');
  });

  it('skips not-applicable checks with their reason and known deviations as such', () => {
    const [na] = testcase(root, 'SP-LIST-SORT').children;
    const [deviation] = testcase(root, 'SP-ERROR-CONTENT-TYPE').children;
    expect(na).to.deep.include({ name: 'skipped' });
    expect(na.attributes.message).to.equal(
      'the target does not advertise sort (sort.supported is false)',
    );
    expect(deviation.attributes.message).to.equal(
      'known deviation: AWS answers errors as application/json',
    );
  });

  it('passes a fixed deviation with a note to drop it from the expectations', () => {
    const [note] = testcase(root, 'PROV-BACKOFF-429').children;
    expect(note.name).to.equal('system-out');
    expect(note.text).to.contain('fixed deviation');
  });

  it('keeps no token anywhere and stays well-formed for text XML forbids', () => {
    expect(xml).not.to.contain(SECRET);
    const hostile = sampleReport();
    hostile.results[0].title = 'a\u0000b\uFFFF]]></testcase>';
    const parsed = parseXml(renderJunit(hostile));
    expect(descendants(parsed, 'testcase').map((c) => c.attributes.name)).to.include(
      'SP-FILTER-INVALID-400 a\\u0000b\\uFFFF]]></testcase>',
    );
  });
});
