// The HTTP basics of every request: bearer token, content type, filters AWS supports, and only
// the endpoints AWS has (AWS-AUTH-BEARER-401, AWS-HTTP-REQUEST-CONTENT-TYPE, AWS-FILTER-EQ-ONLY).
import type { JournalEntry } from '../../../mock-server/context.ts';
import { parseGroupFilter, parseUserFilter } from '../../../scim/filter.ts';
import type { Check, CheckContext } from '../../runner/check.ts';
import { ensure, fail } from '../../service-provider/support/expect.ts';
import { describeEntry, stepOf } from '../check-kit.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { filterOf, resourcePath, touches } from '../traffic.ts';
import { expectNone, pvCheck } from './support.ts';

const AREA = 'http';
const CONTENT_TYPES = ['application/scim+json', 'application/json'];

export function httpChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-HTTP-BEARER',
      area: AREA,
      title: 'Every request carries Authorization: Bearer and none is refused with 401',
      level: 'MUST',
      references: ['AWS-AUTH-BEARER-401', 'RFC 6750 §2.1'],
      run: async (ctx) => {
        const entries = await traffic(s, ctx);
        const bearer = (e: JournalEntry) => /^bearer /i.test(e.requestHeaders.authorization ?? '');
        expectNone(entries, (entry) => !bearer(entry), 'requests without a Bearer Authorization');
        expectNone(entries, (entry) => entry.status === 401, 'requests answered 401');
      },
    }),
    pvCheck({
      id: 'PV-HTTP-CONTENT-TYPE',
      area: AREA,
      title: 'Every request body is sent as application/scim+json or application/json',
      level: 'MUST',
      references: ['AWS-HTTP-REQUEST-CONTENT-TYPE', 'RFC 7644 §3.1'],
      run: async (ctx) => {
        const withBody = (await traffic(s, ctx)).filter((entry) => entry.requestBody != null);
        ensure(withBody.length > 0, 'no request with a body was sent');
        expectNone(
          withBody,
          (entry) => !hasScimContentType(entry),
          'bodies with another Content-Type',
        );
      },
    }),
    pvCheck({
      id: 'PV-HTTP-FILTERS',
      area: AREA,
      title: 'Every list filter is one AWS supports (eq on documented attributes)',
      level: 'MUST',
      references: ['AWS-FILTER-EQ-ONLY', 'AWS-FILTER-USER-ATTRS', 'AWS-FILTER-GROUP-ATTRS'],
      run: async (ctx) => {
        for (const entry of await traffic(s, ctx)) expectSupportedFilter(entry);
      },
    }),
    pvCheck({
      id: 'PV-HTTP-ENDPOINTS',
      area: AREA,
      title:
        'No request goes to an endpoint AWS lacks (/Bulk, /Me, /.search) or to an unknown path',
      level: 'MUST',
      references: ['AWS-HTTP-UNSUPPORTED-ENDPOINTS', 'AWS-HTTP-UNKNOWN-PATH'],
      run: async (ctx) => {
        const known =
          /^\/(Users|Groups)(\/[^/.]+)?$|^\/(ServiceProviderConfig|ResourceTypes|Schemas)\b/;
        expectNone(
          await traffic(s, ctx),
          (entry) => !known.test(resourcePath(entry)),
          'requests to paths AWS lacks',
        );
      },
    }),
  ];
}

/** The traffic of the lifecycle and the adopt scenarios, which together use every action. */
async function traffic(s: Scenarios, ctx: CheckContext): Promise<JournalEntry[]> {
  const lifecycle = (await s.lifecycle(ctx)).scenario;
  const adopt = (await s.adopt(ctx)).scenario;
  stepOf(ctx, lifecycle, 'setup');
  const entries = [...lifecycle.allEntries(), ...adopt.allEntries()];
  ensure(entries.length > 0, 'the provisioner sent no request at all');
  return entries;
}

function hasScimContentType(entry: JournalEntry): boolean {
  const type = (entry.requestHeaders['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return CONTENT_TYPES.includes(type);
}

function expectSupportedFilter(entry: JournalEntry): void {
  const filter = filterOf(entry);
  if (entry.method !== 'GET' || filter === undefined) return;
  const users = touches(entry, 'GET', '/Users');
  try {
    if (users) parseUserFilter(filter);
    else parseGroupFilter(filter);
  } catch (error) {
    fail(
      `${describeEntry(entry)}: filter '${filter}' is not one AWS supports: ${(error as Error).message}`,
    );
  }
}
