// PATCH on users, the forms that must work: replace, add, remove, no-path, sub-attribute,
// extension and value-filter paths (RFC 7644 §3.5.2; AWS-PATCH-*).
import type { JsonBody } from '../runner/json.ts';
import { ENTERPRISE_USER_URN } from '../../scim/urns.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import type { ScimResponse } from '../runner/http-client.ts';
import { ensure, expectEqual, expectStatus } from './support/expect.ts';
import { createUser, patchOp } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

/** A user PATCH succeeded: AWS answers 200 with the user; the RFC allows 200 or 204. */
function expectPatched(ctx: CheckContext, response: ScimResponse, what: string): void {
  expectStatus(response, ctx.profile === 'aws' ? 200 : [200, 204], what);
  if (ctx.profile === 'aws')
    ensure(typeof response.body?.id === 'string', `${what}: the 200 answer has no user`);
}

/** Creates a user, applies the operations, and answers the user as read back. */
async function patchAndRead(
  ctx: CheckContext,
  operations: Record<string, unknown>[],
  overrides = {},
) {
  const { id, body } = await createUser(ctx, overrides);
  const response = await ctx.http.patch(`/Users/${id}`, patchOp(...operations));
  expectPatched(ctx, response, `PATCH /Users/${id}`);
  const read = await ctx.http.get(`/Users/${id}`);
  expectStatus(read, 200, `GET /Users/${id} after PATCH`);
  return { before: body, after: read.body as JsonBody, response };
}

function patchCheck(
  id: string,
  title: string,
  references: string[],
  run: Check['run'],
  profiles: Check['profiles'] = BOTH,
): Check {
  return {
    id,
    area: 'patch',
    title,
    level: 'MUST',
    references,
    profiles,
    requires: ['patch'],
    run,
  };
}

export const USER_PATCH_CHECKS: readonly Check[] = [
  patchCheck(
    'SP-PATCH-USER-DEACTIVATE',
    'replace active false deactivates the user (AWS: 200 with the full user)',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-USER-200'],
    async (ctx) => {
      const { after, response } = await patchAndRead(ctx, [
        { op: 'replace', path: 'active', value: false },
      ]);
      expectEqual(after.active, false, 'active after PATCH');
      if (ctx.profile === 'aws')
        expectEqual(response.body?.active, false, 'active in the 200 answer');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-NO-PATH-SINGLE',
    'a replace without path changing one attribute works',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-NO-PATH-SINGLE'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [{ op: 'replace', value: { active: false } }]);
      expectEqual(after.active, false, 'active after a no-path replace');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-SUBATTR',
    'replace name.givenName changes only that sub-attribute',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const { before, after } = await patchAndRead(ctx, [
        { op: 'replace', path: 'name.givenName', value: 'Patched' },
      ]);
      expectEqual(after.name?.givenName, 'Patched', 'name.givenName');
      expectEqual(after.name?.familyName, before.name.familyName, 'name.familyName kept');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-ENTERPRISE-PATH',
    'replace on an enterprise URN path sets the extension attribute',
    ['RFC 7644 §3.5.2', 'RFC 7644 §3.10', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [
        { op: 'replace', path: `${ENTERPRISE_USER_URN}:department`, value: 'Patched Dept' },
      ]);
      expectEqual(after[ENTERPRISE_USER_URN]?.department, 'Patched Dept', 'enterprise department');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-VALUE-FILTER',
    'replace emails[type eq "work"].value changes the work email',
    ['RFC 7644 §3.5.2', 'AWS-PATCH-VALUE-FILTER'],
    async (ctx) => {
      const value = `patched.${ctx.namePrefix}${Date.now()}@example.test`;
      const { after } = await patchAndRead(ctx, [
        { op: 'replace', path: 'emails[type eq "work"].value', value },
      ]);
      expectEqual(after.emails?.[0]?.value, value, 'emails[0].value');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-REMOVE-TITLE',
    'remove title clears it',
    ['RFC 7644 §3.5.2.2', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [{ op: 'remove', path: 'title' }]);
      ensure(!('title' in after), `title is still ${String(after.title)}`);
    },
  ),
  patchCheck(
    'SP-PATCH-USER-ADD-ATTR',
    'add nickName sets it',
    ['RFC 7644 §3.5.2.1', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [{ op: 'add', path: 'nickName', value: 'Patchy' }]);
      expectEqual(after.nickName, 'Patchy', 'nickName');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-MULTI-OPS',
    'several operations on different attributes all apply',
    ['RFC 7644 §3.5.2', 'AWS-PATCH-USER-200'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [
        { op: 'replace', path: 'title', value: 'First Op' },
        { op: 'add', path: 'nickName', value: 'Second Op' },
        { op: 'replace', path: 'displayName', value: 'Third Op' },
      ]);
      expectEqual(
        [after.title, after.nickName, after.displayName],
        ['First Op', 'Second Op', 'Third Op'],
        'patched values',
      );
    },
  ),
  patchCheck(
    'SP-PATCH-USER-USERNAME',
    'replace userName renames the user',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const renamed = `${ctx.namePrefix}renamed-${Date.now()}@example.test`;
      const { after } = await patchAndRead(ctx, [
        { op: 'replace', path: 'userName', value: renamed },
      ]);
      expectEqual(after.userName, renamed, 'userName');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-EXTERNALID',
    'replace externalId changes it',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-USER-ATTRS'],
    async (ctx) => {
      const externalId = `${ctx.namePrefix}patched-ext`;
      const { after } = await patchAndRead(ctx, [
        { op: 'replace', path: 'externalId', value: externalId },
      ]);
      expectEqual(after.externalId, externalId, 'externalId');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-REACTIVATE',
    'replace active true re-activates an inactive user',
    ['RFC 7644 §3.5.2.3', 'AWS-PATCH-USER-200'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [{ op: 'replace', path: 'active', value: true }], {
        active: false,
      });
      expectEqual(after.active, true, 'active');
    },
  ),
  patchCheck(
    'SP-PATCH-USER-OP-CASE',
    'op names match case-insensitively (Replace)',
    ['AWS-PATCH-OP-CASE'],
    async (ctx) => {
      const { after } = await patchAndRead(ctx, [
        { op: 'Replace', path: 'title', value: 'Capitalised Op' },
      ]);
      expectEqual(after.title, 'Capitalised Op', 'title');
    },
    ['aws'],
  ),
  {
    id: 'SP-PATCH-USER-ACTIVE-STRING',
    area: 'patch',
    title: 'active "false" as a string is accepted under AWS and refused with 400 under the RFC',
    level: 'MUST',
    levels: { rfc7644: 'SHOULD' },
    references: ['RFC 7643 §2.3.2', 'RFC 7644 §3.12', 'AWS-PATCH-STRING-BOOLEANS'],
    profiles: BOTH,
    requires: ['patch'],
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      const response = await ctx.http.patch(
        `/Users/${id}`,
        patchOp({ op: 'replace', path: 'active', value: 'false' }),
      );
      if (ctx.profile === 'rfc7644') return expectStatus(response, 400, 'PATCH active "false"');
      expectPatched(ctx, response, 'PATCH active "false"');
      expectEqual(response.body?.active, false, 'active');
    },
  },
  {
    id: 'SP-PATCH-USER-NO-PATH-MULTI',
    area: 'patch',
    title: 'A no-path replace of two attributes gets 400 under AWS and applies both under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.3', 'AWS-PATCH-NO-PATH-SINGLE'],
    profiles: BOTH,
    requires: ['patch'],
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      const response = await ctx.http.patch(
        `/Users/${id}`,
        patchOp({ op: 'replace', value: { displayName: 'Two Attrs', title: 'Both' } }),
      );
      if (ctx.profile === 'aws') {
        expectStatus(response, 400, 'no-path replace of two attributes');
        const detail =
          'Current PATCH support allows omitting "path" attribute only for Add and Replace operations modifying a single attribute.';
        return expectEqual(response.body?.detail, detail, 'detail');
      }
      expectPatched(ctx, response, 'no-path replace of two attributes');
      const read = await ctx.http.get(`/Users/${id}`);
      expectEqual(
        [read.body?.displayName, read.body?.title],
        ['Two Attrs', 'Both'],
        'patched values',
      );
    },
  },
];
