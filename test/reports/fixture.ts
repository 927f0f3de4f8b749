// A hand-made run for the reporter tests: every outcome, a token in headers, URL and bodies, and
// hostile text (markup, quotes, control characters) where reporters must escape it.
import type { CheckResult, Exchange, RunReport } from '../../suites/model.ts';

export const SECRET = 'tok-5ecr3t-DO-NOT-LEAK';
export const BASE = 'https://scim.example.test/t-1234/scim/v2';
export const SCRIPT_PAYLOAD = '<script>window.__pwned = true</script>';

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    method: 'GET',
    url: `${BASE}/Users`,
    requestHeaders: { Authorization: `Bearer ${SECRET}`, Accept: 'application/scim+json' },
    status: 200,
    responseHeaders: { 'Content-Type': 'application/scim+json' },
    durationMs: 12,
    ...overrides,
  };
}

function result(
  overrides: Partial<CheckResult> & Pick<CheckResult, 'id' | 'outcome'>,
): CheckResult {
  return {
    suite: 'service-provider',
    area: 'users',
    title: 'a check',
    level: 'MUST',
    references: [],
    durationMs: 20,
    exchanges: [],
    ...overrides,
  };
}

const filterFailure = result({
  id: 'SP-FILTER-INVALID-400',
  area: 'filters',
  title: 'answers an unsupported filter operator with 400 invalidFilter',
  outcome: 'failed',
  references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
  message: 'expected 400 invalidFilter, got 200 & "all users"\u0001 instead',
  exchanges: [
    exchange({
      url: `${BASE}/Users?filter=${encodeURIComponent('userName co "j"')}&access_token=${SECRET}`,
      responseBody: {
        totalResults: 1,
        Resources: [{ userName: SCRIPT_PAYLOAD, externalId: `echo ${SECRET}` }],
      },
    }),
  ],
});

const createFailure = result({
  id: 'FLOW-CREATE-THEN-GET',
  suite: 'flow',
  area: 'lifecycle',
  title: 'rejects <script>alert(1)</script> as a displayName',
  outcome: 'failed',
  level: 'SHOULD',
  references: ['RFC 7643 §4.1'],
  message: 'the user was created',
  exchanges: [
    exchange({
      method: 'POST',
      requestHeaders: {
        authorization: `Bearer ${SECRET}`,
        'Content-Type': 'application/scim+json',
      },
      requestBody: { userName: 'jdoe', displayName: '<script>alert(1)</script>', note: SECRET },
      status: 201,
      responseBody: JSON.stringify({ id: 'u-1', userName: 'jdoe' }),
    }),
  ],
});

const results: CheckResult[] = [
  filterFailure,
  result({
    id: 'SP-USER-CREATE-201',
    title: 'creates a user and answers 201',
    outcome: 'passed',
    references: ['RFC 7644 §3.3', 'AWS-USER-CREATE-201'],
    exchanges: [exchange({ method: 'POST', status: 201, requestBody: { userName: 'a' } })],
  }),
  createFailure,
  result({
    id: 'SP-LIST-SORT',
    area: 'lists',
    title: 'sorts by userName',
    outcome: 'not-applicable',
    level: 'MAY',
    reason: 'the target does not advertise sort (sort.supported is false)',
  }),
  result({
    id: 'SP-ERROR-CONTENT-TYPE',
    area: 'errors',
    title: 'answers errors as application/scim+json',
    outcome: 'known-deviation',
    references: ['RFC 7644 §3.12'],
    reason: 'AWS answers errors as application/json',
    message: 'Content-Type was application/json',
    exchanges: [exchange({ status: 404, responseHeaders: { 'Content-Type': 'application/json' } })],
  }),
  result({
    id: 'PROV-BACKOFF-429',
    suite: 'provisioner',
    area: 'throttling',
    title: 'waits for Retry-After after a 429',
    outcome: 'fixed-deviation',
    references: ['AWS-HTTP-429'],
  }),
];

/** A fresh copy each call, so no test can change another's input. */
export function sampleReport(): RunReport {
  return structuredClone({
    runId: '2026-12-03T16-30-00Z-abc123',
    startedAt: '2026-12-03T16:30:00.000Z',
    finishedAt: '2026-12-03T16:30:02.500Z',
    durationMs: 2500,
    target: { url: `${BASE}/`, kind: 'built-in-mock', profile: 'aws' },
    seed: 42,
    suites: ['service-provider', 'provisioner', 'flow'],
    summary: {
      total: 6,
      passed: 1,
      failed: 2,
      notApplicable: 1,
      knownDeviation: 1,
      fixedDeviation: 1,
    },
    results,
  });
}
