// PATCH shapes that must be refused: malformed PatchOps, forbidden targets, and the forms AWS
// refuses although the RFC allows them (RFC 7644 §3.5.2, §3.12; AWS-PATCH-*).
import type { Check, CheckContext } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { expectStatus } from './support/expect.ts';
import { createUser, patchOp, unknownId } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

/** How each profile answers the PATCH: a status, or 'ok' for any success. */
type Answer = number | 'ok';

interface Refusal {
  id: string;
  what: string;
  references: string[];
  body: (ctx: CheckContext) => unknown;
  aws?: Answer;
  rfc7644?: Answer;
  scimType?: string;
}

function refusal(spec: Refusal): Check {
  const profiles = (['aws', 'rfc7644'] as const).filter((profile) => spec[profile] !== undefined);
  return {
    id: spec.id,
    area: 'patch',
    title: `A user PATCH with ${spec.what} is ${describe(spec)}`,
    level: 'MUST',
    references: spec.references,
    profiles,
    requires: ['patch'],
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      const response = await ctx.http.patch(`/Users/${id}`, spec.body(ctx));
      const answer = spec[ctx.profile]!;
      if (answer === 'ok')
        return expectStatus(
          response,
          ctx.profile === 'aws' ? 200 : [200, 204],
          `PATCH with ${spec.what}`,
        );
      expectError(
        ctx,
        response,
        answer,
        `PATCH with ${spec.what}`,
        ctx.profile === 'rfc7644' ? spec.scimType : undefined,
      );
    },
  };
}

function describe(spec: Refusal): string {
  if (spec.aws === spec.rfc7644) return `refused with ${String(spec.aws)}`;
  const part = (name: string, answer: Answer | undefined) =>
    answer === undefined
      ? undefined
      : `${answer === 'ok' ? 'accepted' : `refused with ${answer}`} under ${name}`;
  return [part('AWS', spec.aws), part('the RFC', spec.rfc7644)].filter(Boolean).join(' and ');
}

export const USER_PATCH_ERROR_CHECKS: readonly Check[] = [
  refusal({
    id: 'SP-PATCH-TWO-ACTIVE-OPS',
    what: 'two operations on active',
    aws: 400,
    rfc7644: 'ok',
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-USERNAME-ACTIVE'],
    body: () =>
      patchOp(
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'active', value: true },
      ),
  }),
  refusal({
    id: 'SP-PATCH-REMOVE-ACTIVE',
    what: 'remove active',
    aws: 400,
    rfc7644: 'ok',
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-USERNAME-ACTIVE'],
    body: () => patchOp({ op: 'remove', path: 'active' }),
  }),
  refusal({
    id: 'SP-PATCH-REMOVE-USERNAME',
    what: 'remove userName',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7643 §4.1.1', 'RFC 7644 §3.5.2.2', 'AWS-PATCH-USERNAME-ACTIVE'],
    body: () => patchOp({ op: 'remove', path: 'userName' }),
  }),
  refusal({
    id: 'SP-PATCH-REMOVE-NO-PATH',
    what: 'remove and no path',
    aws: 400,
    rfc7644: 400,
    scimType: 'noTarget',
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-REMOVE-NEEDS-PATH', 'AWS-ERROR-BODY'],
    body: () => patchOp({ op: 'remove' }),
  }),
  refusal({
    id: 'SP-PATCH-ADD-NO-VALUE',
    what: 'add and no value',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-VALUE-REQUIRED'],
    body: () => patchOp({ op: 'add', path: 'nickName' }),
  }),
  refusal({
    id: 'SP-PATCH-REPLACE-NO-VALUE',
    what: 'replace and no value',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2.3', 'AWS-PATCH-VALUE-REQUIRED'],
    body: () => patchOp({ op: 'replace', path: 'title' }),
  }),
  refusal({
    id: 'SP-PATCH-UNKNOWN-OP',
    what: 'op "move"',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-SHAPE'],
    body: () => patchOp({ op: 'move', path: 'title', value: 'x' }),
  }),
  refusal({
    id: 'SP-PATCH-NO-SCHEMAS',
    what: 'no schemas',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-SHAPE'],
    body: () => ({ Operations: [{ op: 'replace', path: 'title', value: 'x' }] }),
  }),
  refusal({
    id: 'SP-PATCH-EMPTY-OPERATIONS',
    what: 'an empty Operations array',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-SHAPE'],
    body: () => patchOp(),
  }),
  refusal({
    id: 'SP-PATCH-OPERATIONS-OBJECT',
    what: 'Operations as an object, not an array',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-SHAPE'],
    body: () => ({ ...patchOp(), Operations: { op: 'replace', path: 'title', value: 'x' } }),
  }),
  refusal({
    id: 'SP-PATCH-READONLY-ID',
    what: 'replace id',
    aws: 400,
    rfc7644: 400,
    scimType: 'mutability',
    references: ['RFC 7643 §3.1', 'RFC 7644 §3.5.2', 'AWS-PATCH-USER-ATTRS', 'AWS-ERROR-BODY'],
    body: () => patchOp({ op: 'replace', path: 'id', value: unknownId() }),
  }),
  refusal({
    id: 'SP-PATCH-UNKNOWN-ATTR',
    what: 'a path naming no attribute',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'RFC 7644 §3.12', 'AWS-PATCH-USER-ATTRS'],
    body: () => patchOp({ op: 'replace', path: 'noSuchAttribute', value: 'x' }),
  }),
  refusal({
    id: 'SP-PATCH-BAD-VALUE-FILTER',
    what: 'a malformed value filter',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-VALUE-FILTER'],
    body: () => patchOp({ op: 'replace', path: 'emails[type eq].value', value: 'x@example.test' }),
  }),
  refusal({
    id: 'SP-PATCH-ACTIVE-NOT-BOOLEAN',
    what: 'active "maybe"',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7643 §2.3.2', 'AWS-PATCH-STRING-BOOLEANS'],
    body: () => patchOp({ op: 'replace', path: 'active', value: 'maybe' }),
  }),
  refusal({
    id: 'SP-PATCH-ADD-SECOND-EMAIL',
    what: 'add of a second email',
    aws: 400,
    rfc7644: 'ok',
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-USER-SINGLE-VALUED', 'AWS-USER-SINGLE-VALUED'],
    body: (ctx) =>
      patchOp({
        op: 'add',
        path: 'emails',
        value: [{ value: `${ctx.namePrefix}second@example.test`, type: 'home' }],
      }),
  }),
  refusal({
    id: 'SP-PATCH-VALUE-FILTER-NOT-EQ',
    what: 'a value filter using co',
    aws: 400,
    references: ['AWS-PATCH-VALUE-FILTER'],
    body: () =>
      patchOp({ op: 'replace', path: 'emails[type co "wor"].value', value: 'co@example.test' }),
  }),
  refusal({
    id: 'SP-PATCH-RESULT-TOO-LONG',
    what: 'a 1025-character displayName',
    aws: 400,
    references: ['AWS-PATCH-USER-SINGLE-VALUED', 'AWS-USER-LENGTH-LIMITS'],
    body: () => patchOp({ op: 'replace', path: 'displayName', value: 'd'.repeat(1025) }),
  }),
  refusal({
    id: 'SP-PATCH-GROUPS-ATTR',
    what: 'add groups',
    aws: 400,
    rfc7644: 400,
    references: ['RFC 7643 §4.1.2', 'AWS-PATCH-USER-ATTRS'],
    body: () => patchOp({ op: 'add', path: 'groups', value: [{ value: unknownId() }] }),
  }),
  {
    id: 'SP-PATCH-USER-404',
    area: 'patch',
    title: 'A PATCH of an unknown user id answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-USER-GET-404'],
    profiles: BOTH,
    requires: ['patch'],
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.patch(
        `/Users/${unknownId()}`,
        patchOp({ op: 'replace', path: 'title', value: 'x' }),
      );
      expectError(ctx, response, 404, 'PATCH /Users/{unknown}');
    },
  },
];
