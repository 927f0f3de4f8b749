// Groups: create, read, replace, delete, and what AWS leaves out of its answers
// (RFC 7644 §3.3-3.6, RFC 7643 §4.2; AWS-GROUP-*).
import { GROUP_URN } from '../../scim/urns.ts';
import type { Check } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEmptyBody, expectEqual, expectStatus, jsonBody } from './support/expect.ts';
import { membersAmong } from './support/membership.ts';
import {
  createGroup,
  groupData,
  memberValues,
  postTracked,
  unknownId,
  userPool,
} from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

export const GROUP_CHECKS: readonly Check[] = [
  {
    id: 'SP-GROUP-CREATE-201',
    area: 'groups',
    title: 'A group create answers 201 with id, displayName and meta.resourceType Group',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'RFC 7643 §4.2', 'AWS-GROUP-CREATE-201'],
    profiles: BOTH,
    run: async (ctx) => {
      const sent = await groupData(ctx);
      const response = await postTracked(ctx, '/Groups', sent);
      expectStatus(response, 201, 'POST /Groups');
      expectEqual(response.body?.displayName, sent.displayName, 'displayName');
      expectEqual(response.body?.meta?.resourceType, 'Group', 'meta.resourceType');
      ensure(response.body?.schemas?.includes(GROUP_URN), `schemas lacks ${GROUP_URN}`);
    },
  },
  {
    id: 'SP-GROUP-CREATE-MEMBERS',
    area: 'groups',
    title: 'A group created with 3 members holds them (AWS: the 201 answer omits members)',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'AWS-GROUP-CREATE-201', 'AWS-FILTER-MEMBERSHIP-CHECK'],
    profiles: BOTH,
    run: async (ctx) => {
      const ids = (await userPool(ctx, 3)).map((user) => user.id);
      const { id, body } = await createGroup(ctx, { members: memberValues(ids) });
      if (ctx.profile === 'aws') ensure(!('members' in body), 'the AWS 201 answer carries members');
      else
        expectEqual(
          ((body.members ?? []) as { value: string }[]).map((m) => m.value).sort(),
          [...ids].sort(),
          '201 members',
        );
      expectEqual(
        (await membersAmong(ctx, id, ids)).sort(),
        [...ids].sort(),
        'members after create',
      );
    },
  },
  {
    id: 'SP-GROUP-NO-DISPLAYNAME',
    area: 'groups',
    title: 'A group create without displayName gets 400',
    level: 'MUST',
    references: ['RFC 7643 §4.2', 'AWS-GROUP-DISPLAYNAME-REQUIRED'],
    profiles: BOTH,
    run: async (ctx) => {
      const { displayName: _dropped, ...group } = await groupData(ctx);
      expectError(
        ctx,
        await postTracked(ctx, '/Groups', group),
        400,
        'POST /Groups without displayName',
      );
    },
  },
  {
    id: 'SP-GROUP-101-MEMBERS',
    area: 'groups',
    title: 'A group create with 101 members gets 400',
    level: 'MUST',
    references: ['AWS-GROUP-CREATE-MEMBERS-MAX'],
    profiles: ['aws'],
    timeoutMs: 120_000,
    run: async (ctx) => {
      const ids = (await userPool(ctx, 101)).map((user) => user.id);
      const response = await postTracked(ctx, '/Groups', {
        ...(await groupData(ctx)),
        members: memberValues(ids),
      });
      expectError(ctx, response, 400, 'POST /Groups with 101 members');
    },
  },
  {
    id: 'SP-GROUP-DUPLICATE-409',
    area: 'groups',
    title: 'A second group with the same displayName, in any case, gets 409',
    level: 'SHOULD',
    references: ['AWS-GROUP-DISPLAYNAME-UNIQUE', 'AWS-ERROR-BODY'],
    profiles: ['aws'],
    run: async (ctx) => {
      const first = await createGroup(ctx);
      const same = await postTracked(ctx, '/Groups', {
        ...(await groupData(ctx)),
        displayName: first.body.displayName,
      });
      expectError(ctx, same, 409, 'POST /Groups with a taken displayName');
      const upper = String(first.body.displayName).toUpperCase();
      expectError(
        ctx,
        await postTracked(ctx, '/Groups', { ...(await groupData(ctx)), displayName: upper }),
        409,
        'same name in upper case',
      );
    },
  },
  {
    id: 'SP-GROUP-UNKNOWN-ATTR',
    area: 'groups',
    title: 'A group create with an attribute AWS does not hold (description) gets 400',
    level: 'SHOULD',
    references: ['AWS-GROUP-ATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Groups', {
        ...(await groupData(ctx)),
        description: 'not an AWS attribute',
      });
      expectError(ctx, response, 400, 'POST /Groups with description');
    },
  },
  {
    id: 'SP-GROUP-MEMBER-DISPLAY',
    area: 'groups',
    title: 'A member carrying display gets 400',
    level: 'MUST',
    references: ['AWS-GROUP-MEMBER-SUBATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const [user] = await userPool(ctx, 1);
      const members = [{ value: user.id, display: 'Shown Name' }];
      expectError(
        ctx,
        await postTracked(ctx, '/Groups', { ...(await groupData(ctx)), members }),
        400,
        'member with display',
      );
    },
  },
  {
    id: 'SP-GROUP-GET-MEMBERS',
    area: 'groups',
    title: 'GET /Groups/{id} omits members under AWS and returns them under the RFC',
    level: 'MUST',
    references: ['RFC 7643 §4.2', 'RFC 7644 §3.4.1', 'AWS-GROUP-GET-NO-MEMBERS'],
    profiles: BOTH,
    run: async (ctx) => {
      const ids = (await userPool(ctx, 2)).map((user) => user.id);
      const { id } = await createGroup(ctx, { members: memberValues(ids) });
      const read = await ctx.http.get(`/Groups/${id}`);
      expectStatus(read, 200, `GET /Groups/${id}`);
      const group = jsonBody(read, `GET /Groups/${id}`);
      if (ctx.profile === 'aws') return ensure(!('members' in group), 'GET returns members');
      const values = ((group.members ?? []) as { value: string }[])
        .map((member) => member.value)
        .sort();
      expectEqual(values, [...ids].sort(), 'members');
    },
  },
  {
    id: 'SP-GROUP-LIST-MEMBERS',
    area: 'groups',
    title: 'A group list shows "members": [] under AWS and the members under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.4.2', 'AWS-GROUP-LIST-EMPTY-MEMBERS'],
    profiles: BOTH,
    requires: ['filter'],
    run: async (ctx) => {
      const ids = (await userPool(ctx, 1)).map((user) => user.id);
      const { body } = await createGroup(ctx, { members: memberValues(ids) });
      const list = await ctx.http.get('/Groups', {
        filter: `displayName eq "${body.displayName}"`,
      });
      expectStatus(list, 200, 'GET /Groups?filter=displayName eq …');
      const members = list.body?.Resources?.[0]?.members as { value: string }[] | undefined;
      if (ctx.profile === 'aws') return expectEqual(members, [], 'members in the list');
      expectEqual(
        (members ?? []).map((member) => member.value),
        ids,
        'members in the list',
      );
    },
  },
  {
    id: 'SP-GROUP-GET-404',
    area: 'groups',
    title: 'GET of an unknown group id answers 404 with an error body',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-GROUP-GET-404', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectError(ctx, await ctx.http.get(`/Groups/${unknownId()}`), 404, 'GET /Groups/{unknown}'),
  },
  {
    id: 'SP-GROUP-DELETE-204',
    area: 'groups',
    title: 'DELETE /Groups/{id} answers 204 with an empty body, then GET answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.6', 'AWS-GROUP-DELETE-204', 'AWS-GROUP-GET-404'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id } = await createGroup(ctx);
      const response = await ctx.http.delete(`/Groups/${id}`);
      expectStatus(response, 204, `DELETE /Groups/${id}`);
      expectEmptyBody(response, `DELETE /Groups/${id}`);
      expectError(ctx, await ctx.http.get(`/Groups/${id}`), 404, 'GET after DELETE');
    },
  },
  {
    id: 'SP-GROUP-PUT-MEMBERS',
    area: 'groups',
    title: 'PUT of a group with members gets 400 under AWS and replaces the members under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-GROUP-PUT'],
    profiles: BOTH,
    run: async (ctx) => {
      const ids = (await userPool(ctx, 2)).map((user) => user.id);
      const { id, body } = await createGroup(ctx, { members: memberValues([ids[0]]) });
      const response = await ctx.http.put(`/Groups/${id}`, {
        schemas: [GROUP_URN],
        displayName: body.displayName,
        members: memberValues([ids[1]]),
      });
      if (ctx.profile === 'aws') {
        expectError(ctx, response, 400, 'PUT /Groups with members');
        return expectEqual(
          response.body?.detail,
          'Replacing group memberships is not supported.',
          'detail',
        );
      }
      expectStatus(response, 200, 'PUT /Groups with members');
      expectEqual(await membersAmong(ctx, id, ids), [ids[1]], 'members after PUT');
    },
  },
  {
    id: 'SP-GROUP-PUT-NAME',
    area: 'groups',
    title: 'PUT of a group without members replaces displayName and externalId and answers 200',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-GROUP-PUT'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id } = await createGroup(ctx);
      const replacement = await groupData(ctx);
      const response = await ctx.http.put(`/Groups/${id}`, replacement);
      expectStatus(response, 200, `PUT /Groups/${id}`);
      const read = await ctx.http.get(`/Groups/${id}`);
      expectEqual(
        [read.body?.displayName, read.body?.externalId],
        [replacement.displayName, replacement.externalId],
        'after PUT',
      );
    },
  },
  {
    id: 'SP-GROUP-PUT-404',
    area: 'groups',
    title: 'A PUT to an unknown group id answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-GROUP-GET-404'],
    profiles: BOTH,
    run: async (ctx) =>
      expectError(
        ctx,
        await ctx.http.put(`/Groups/${unknownId()}`, await groupData(ctx)),
        404,
        'PUT /Groups/{unknown}',
      ),
  },
];
