// Reading, replacing and deleting users (RFC 7644 §3.4.1, §3.5.1, §3.6; AWS-USER-*).
import type { Check } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEmptyBody, expectEqual, expectStatus } from './support/expect.ts';
import {
  createGroup,
  createUser,
  memberValues,
  patchOp,
  unknownId,
  userData,
} from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

export const USER_LIFECYCLE_CHECKS: readonly Check[] = [
  {
    id: 'SP-USER-GET-200',
    area: 'users',
    title: 'GET /Users/{id} answers 200 with the created user',
    level: 'MUST',
    references: ['RFC 7644 §3.4.1', 'AWS-USER-CREATE-201'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      const read = await ctx.http.get(`/Users/${id}`);
      expectStatus(read, 200, `GET /Users/${id}`);
      expectEqual(read.body?.id, id, 'id');
      expectEqual(read.body?.userName, body.userName, 'userName');
    },
  },
  {
    id: 'SP-USER-GET-404',
    area: 'users',
    title: 'GET of an unknown user id answers 404 with an error body',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-USER-GET-404', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectError(ctx, await ctx.http.get(`/Users/${unknownId()}`), 404, 'GET /Users/{unknown}'),
  },
  {
    id: 'SP-USER-DELETE-204',
    area: 'users',
    title: 'DELETE /Users/{id} answers 204 with an empty body, and the user is gone',
    level: 'MUST',
    references: ['RFC 7644 §3.6', 'AWS-USER-DELETE-204'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      const response = await ctx.http.delete(`/Users/${id}`);
      expectStatus(response, 204, `DELETE /Users/${id}`);
      expectEmptyBody(response, `DELETE /Users/${id}`);
      expectError(ctx, await ctx.http.get(`/Users/${id}`), 404, 'GET after DELETE');
    },
  },
  {
    id: 'SP-USER-DELETE-TWICE-404',
    area: 'users',
    title: 'A second DELETE of the same user answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.6', 'AWS-USER-DELETE-204'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      expectStatus(await ctx.http.delete(`/Users/${id}`), 204, 'first DELETE');
      expectError(ctx, await ctx.http.delete(`/Users/${id}`), 404, 'second DELETE');
    },
  },
  {
    id: 'SP-USER-RECREATE-NEW-ID',
    area: 'users',
    title: 'A deleted and re-created user gets a new id',
    level: 'MUST',
    references: ['AWS-USER-NEW-ID-ON-RECREATE'],
    profiles: ['aws'],
    run: async (ctx) => {
      const data = await userData(ctx);
      const first = await createUser(ctx, data);
      expectStatus(await ctx.http.delete(`/Users/${first.id}`), 204, 'DELETE');
      const second = await createUser(ctx, data);
      ensure(second.id !== first.id, `the re-created user kept id ${first.id}`);
    },
  },
  {
    id: 'SP-USER-INACTIVE-LISTED',
    area: 'users',
    title: 'An inactive user is still returned by GET and by a userName filter',
    level: 'MUST',
    references: ['RFC 7643 §4.1.1', 'AWS-USER-INACTIVE-LISTED'],
    profiles: BOTH,
    requires: ['filter'],
    run: async (ctx) => {
      const { id, body } = await createUser(ctx, { active: false });
      const read = await ctx.http.get(`/Users/${id}`);
      expectEqual(read.body?.active, false, 'GET active');
      const listed = await ctx.http.get('/Users', { filter: `userName eq "${body.userName}"` });
      expectEqual(listed.body?.Resources?.[0]?.id, id, 'filtered id');
    },
  },
  {
    id: 'SP-USER-DELETE-LEAVES-GROUPS',
    area: 'users',
    title: 'Deleting a user removes it from its groups',
    level: 'SHOULD',
    references: ['RFC 7644 §3.6', 'AWS-USER-DELETE-MEMBERSHIPS'],
    profiles: BOTH,
    requires: ['patch'],
    run: async (ctx) => {
      const user = await createUser(ctx);
      const group = await createGroup(ctx);
      expectStatus(
        await ctx.http.patch(
          `/Groups/${group.id}`,
          patchOp({ op: 'add', path: 'members', value: memberValues([user.id]) }),
        ),
        [200, 204],
        'PATCH add member',
      );
      expectStatus(await ctx.http.delete(`/Users/${user.id}`), 204, 'DELETE user');
      if (ctx.profile === 'aws') {
        const response = await ctx.http.get('/Users', { filter: `groups.value eq "${group.id}"` });
        expectStatus(response, 200, 'GET /Users?filter=groups.value eq …');
        expectEqual(response.body?.totalResults, 0, 'members left after the delete');
        return;
      }
      const read = await ctx.http.get(`/Groups/${group.id}`);
      const values = ((read.body?.members ?? []) as { value: string }[]).map(
        (member) => member.value,
      );
      ensure(!values.includes(user.id), 'the deleted user is still a member');
    },
  },
  {
    id: 'SP-USER-PUT-200',
    area: 'users',
    title: 'PUT replaces the user and answers 200 with it',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-USER-PUT-200'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      const replacement = {
        ...(await userData(ctx)),
        userName: body.userName,
        emails: body.emails,
        title: 'Replaced Title',
      };
      const response = await ctx.http.put(`/Users/${id}`, replacement);
      expectStatus(response, 200, `PUT /Users/${id}`);
      expectEqual(response.body?.title, 'Replaced Title', 'title in the PUT answer');
      const read = await ctx.http.get(`/Users/${id}`);
      expectEqual(
        read.body?.name?.givenName,
        replacement.name.givenName,
        'name.givenName after PUT',
      );
    },
  },
  {
    id: 'SP-USER-PUT-CLEARS-UNSENT',
    area: 'users',
    title: 'PUT clears an attribute the replacement leaves out',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-USER-PUT-200'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx, { nickName: 'Nick' });
      const { nickName: _dropped, id: _id, meta: _meta, ...rest } = body;
      expectStatus(
        await ctx.http.put(`/Users/${id}`, rest),
        200,
        `PUT /Users/${id} without nickName`,
      );
      const read = await ctx.http.get(`/Users/${id}`);
      ensure(
        !('nickName' in (read.body ?? {})),
        `nickName is still ${String(read.body?.nickName)}`,
      );
    },
  },
  {
    id: 'SP-USER-PUT-MISSING-GIVENNAME',
    area: 'users',
    title: 'A PUT without name.givenName gets 400 under AWS and 200 under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-USER-REQUIRED-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      const { id: _id, meta: _meta, ...rest } = body;
      const response = await ctx.http.put(`/Users/${id}`, {
        ...rest,
        name: { familyName: body.name.familyName },
      });
      if (ctx.profile === 'aws') expectError(ctx, response, 400, 'PUT without name.givenName');
      else expectStatus(response, 200, 'PUT without name.givenName');
    },
  },
  {
    id: 'SP-USER-PUT-MISSING-USERNAME',
    area: 'users',
    title: 'A PUT without userName gets 400',
    level: 'MUST',
    references: ['RFC 7643 §4.1.1', 'RFC 7644 §3.5.1', 'AWS-USER-REQUIRED-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      const { id: _id, meta: _meta, userName: _userName, ...rest } = body;
      expectError(ctx, await ctx.http.put(`/Users/${id}`, rest), 400, 'PUT without userName');
    },
  },
  {
    id: 'SP-USER-PUT-404',
    area: 'users',
    title: 'A PUT to an unknown user id answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'RFC 7644 §3.12', 'AWS-USER-PUT-404'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await ctx.http.put(`/Users/${unknownId()}`, await userData(ctx));
      expectError(ctx, response, 404, 'PUT /Users/{unknown}');
    },
  },
  {
    id: 'SP-USER-PUT-KEEPS-ID',
    area: 'users',
    title: 'A PUT whose body names another id leaves the id unchanged',
    level: 'MUST',
    references: ['RFC 7643 §3.1', 'RFC 7644 §3.5.1', 'AWS-USER-PUT-200'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      const { meta: _meta, ...rest } = body;
      const response = await ctx.http.put(`/Users/${id}`, { ...rest, id: unknownId() });
      if (response.status === 400) return;
      expectStatus(response, [200, 400], 'PUT with another id');
      expectEqual(response.body?.id, id, 'id after PUT');
    },
  },
];
