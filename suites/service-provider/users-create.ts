// Creating users: the 201 answer, its shape, and the attributes each profile requires
// (RFC 7644 §3.3, RFC 7643 §3.1, §4.1; AWS-USER-*).
import type { JsonBody } from '../runner/json.ts';
import { ENTERPRISE_USER_URN, USER_URN } from '../../scim/urns.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual, expectStatus, jsonBody } from './support/expect.ts';
import { createUser, postTracked, userData } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;
const AWS_META_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** AWS requires four attributes the RFC leaves optional (AWS-USER-REQUIRED-ATTRS). */
function requiredUnderAws(id: string, attribute: string, strip: (user: JsonBody) => void): Check {
  return {
    id,
    area: 'users',
    title: `A create without ${attribute} gets 400 under AWS and 201 under the RFC`,
    level: 'MUST',
    references: ['RFC 7643 §4.1', 'AWS-USER-REQUIRED-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const user: JsonBody = structuredClone(await userData(ctx));
      strip(user);
      const response = await postTracked(ctx, '/Users', user);
      if (ctx.profile === 'aws')
        expectError(ctx, response, 400, `POST /Users without ${attribute}`);
      else expectStatus(response, 201, `POST /Users without ${attribute}`);
    },
  };
}

async function createdBody(ctx: CheckContext): Promise<JsonBody> {
  return (await createUser(ctx)).body;
}

export const USER_CREATE_CHECKS: readonly Check[] = [
  {
    id: 'SP-USER-CREATE-201',
    area: 'users',
    title: 'A valid create answers 201 with the user, its id and the values sent',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'AWS-USER-CREATE-201'],
    profiles: BOTH,
    run: async (ctx) => {
      const sent = await userData(ctx);
      const response = await postTracked(ctx, '/Users', sent);
      expectStatus(response, 201, 'POST /Users');
      ensure(
        typeof response.body?.id === 'string' && response.body.id !== '',
        'the 201 body has no id',
      );
      expectEqual(response.body.userName, sent.userName, 'userName');
      expectEqual(response.body.name?.familyName, sent.name.familyName, 'name.familyName');
      ensure(response.body.schemas?.includes(USER_URN), `schemas lacks ${USER_URN}`);
    },
  },
  {
    id: 'SP-USER-CREATE-META',
    area: 'users',
    title: "The created user's meta has resourceType User and its timestamps",
    level: 'MUST',
    levels: { rfc7644: 'SHOULD' },
    references: ['RFC 7643 §3.1', 'AWS-USER-META'],
    profiles: BOTH,
    run: async (ctx) => {
      const { meta } = await createdBody(ctx);
      expectEqual(meta?.resourceType, 'User', 'meta.resourceType');
      ensure(
        !Number.isNaN(Date.parse(meta?.created)),
        `meta.created ${meta?.created} is not a date-time`,
      );
      ensure(
        !Number.isNaN(Date.parse(meta?.lastModified)),
        `meta.lastModified ${meta?.lastModified} is not a date-time`,
      );
      if (ctx.profile === 'rfc7644') {
        ensure(
          String(meta.location ?? '').includes('/Users/'),
          `meta.location ${meta.location} is not a /Users/ URI`,
        );
        return;
      }
      ensure(
        AWS_META_TIME.test(meta.created),
        `meta.created ${meta.created} is not YYYY-MM-DDTHH:MM:SSZ`,
      );
      expectEqual(meta.lastModified, meta.created, 'meta.lastModified on create');
      ensure(!('location' in meta) && !('version' in meta), 'AWS meta has no location or version');
    },
  },
  {
    id: 'SP-USER-CREATE-LOCATION',
    area: 'users',
    title: 'The 201 answer carries a Location header equal to meta.location',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'RFC 7644 §3.1', 'AWS-USER-META'],
    profiles: ['rfc7644'],
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Users', await userData(ctx));
      expectStatus(response, 201, 'POST /Users');
      const location = response.headers.location;
      ensure(location, 'the 201 answer has no Location header');
      expectEqual(location, response.body?.meta?.location, 'Location header vs meta.location');
    },
  },
  {
    id: 'SP-USER-ID-FORMAT',
    area: 'users',
    title: 'User ids are UUID-like',
    level: 'SHOULD',
    references: ['AWS-ID-FORMAT'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      ensure(UUID_LIKE.test(id), `id ${id} is not UUID-like`);
    },
  },
  {
    id: 'SP-USER-ID-SERVER-ASSIGNED',
    area: 'users',
    title: 'An id sent by the client is not used as the new user id',
    level: 'MUST',
    references: ['RFC 7643 §3.1', 'RFC 7644 §3.3', 'AWS-ID-FORMAT'],
    profiles: BOTH,
    run: async (ctx) => {
      const chosen = 'scimh-client-chosen-id';
      const response = await postTracked(ctx, '/Users', { ...(await userData(ctx)), id: chosen });
      if (response.status === 400) return;
      expectStatus(response, [201, 400], 'POST /Users with an id');
      ensure(response.body?.id !== chosen, 'the server used the client-sent id');
    },
  },
  requiredUnderAws(
    'SP-USER-REQUIRED-DISPLAYNAME',
    'displayName',
    (user) => delete user.displayName,
  ),
  requiredUnderAws(
    'SP-USER-REQUIRED-GIVENNAME',
    'name.givenName',
    (user) => delete user.name.givenName,
  ),
  requiredUnderAws(
    'SP-USER-REQUIRED-FAMILYNAME',
    'name.familyName',
    (user) => delete user.name.familyName,
  ),
  {
    id: 'SP-USER-REQUIRED-USERNAME',
    area: 'users',
    title: 'A create without userName gets 400',
    level: 'MUST',
    references: ['RFC 7643 §4.1.1', 'RFC 7644 §3.12', 'AWS-USER-REQUIRED-ATTRS', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    run: async (ctx) => {
      const { userName: _dropped, ...user } = await userData(ctx);
      const response = await postTracked(ctx, '/Users', user);
      expectError(
        ctx,
        response,
        400,
        'POST /Users without userName',
        ctx.profile === 'rfc7644' ? 'invalidValue' : undefined,
      );
    },
  },
  {
    id: 'SP-USER-REQUIRED-EMAIL',
    area: 'users',
    title: 'A create without emails gets 400',
    level: 'SHOULD',
    references: ['AWS-USER-REQUIRED-EMAIL'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { emails: _dropped, ...user } = await userData(ctx);
      expectError(ctx, await postTracked(ctx, '/Users', user), 400, 'POST /Users without emails');
    },
  },
  {
    id: 'SP-USER-UNICODE',
    area: 'users',
    title: 'Accented names round-trip unchanged',
    level: 'MUST',
    references: ['RFC 7643 §2.3.1', 'RFC 7644 §3.8', 'AWS-USER-CREATE-201'],
    profiles: BOTH,
    run: async (ctx) => {
      const name = { givenName: 'Zoë', familyName: 'Ñúñez-Øster', formatted: 'Zoë Ñúñez-Øster' };
      const { id } = await createUser(ctx, { name, displayName: 'Zoë Ñúñez-Øster' });
      const read = await ctx.http.get(`/Users/${id}`);
      expectStatus(read, 200, `GET /Users/${id}`);
      expectEqual(read.body?.name?.familyName, name.familyName, 'name.familyName');
      expectEqual(read.body?.displayName, 'Zoë Ñúñez-Øster', 'displayName');
    },
  },
  {
    id: 'SP-USER-ACTIVE-DEFAULT',
    area: 'users',
    title: 'A user created without active is active',
    level: 'SHOULD',
    references: ['AWS-USER-ACTIVE-DEFAULT'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { active: _dropped, ...user } = await userData(ctx);
      const response = await postTracked(ctx, '/Users', user);
      expectStatus(response, 201, 'POST /Users without active');
      expectEqual(response.body?.active, true, 'active');
    },
  },
  {
    id: 'SP-USER-ENTERPRISE',
    area: 'users',
    title: 'Enterprise extension data is stored and announced in schemas; manager keeps its value',
    level: 'MUST',
    references: ['RFC 7643 §4.3', 'AWS-USER-SCHEMAS-ENTERPRISE', 'AWS-USER-MANAGER-VALUE-ONLY'],
    profiles: BOTH,
    run: async (ctx) => {
      const manager = await createUser(ctx);
      const extension = {
        department: 'Research',
        manager: { value: manager.id, $ref: `../Users/${manager.id}` },
      };
      const user = await userData(ctx);
      const { body } = await createUser(ctx, {
        schemas: [...user.schemas, ENTERPRISE_USER_URN],
        [ENTERPRISE_USER_URN]: extension,
      });
      ensure(body.schemas?.includes(ENTERPRISE_USER_URN), `schemas lacks ${ENTERPRISE_USER_URN}`);
      const stored = body[ENTERPRISE_USER_URN] as JsonBody | undefined;
      expectEqual(stored?.department, 'Research', 'enterprise department');
      expectEqual(stored?.manager?.value, manager.id, 'enterprise manager.value');
      if (ctx.profile === 'aws')
        expectEqual(Object.keys(stored?.manager ?? {}), ['value'], 'manager keys');
    },
  },
  {
    id: 'SP-USER-SCHEMAS-CORE-ONLY',
    area: 'users',
    title: 'A user without extension data lists only the core schema',
    level: 'MUST',
    references: ['AWS-USER-SCHEMAS-ENTERPRISE'],
    profiles: ['aws'],
    run: async (ctx) => expectEqual((await createdBody(ctx)).schemas, [USER_URN], 'schemas'),
  },
  {
    id: 'SP-USER-PASSWORD-NEVER-RETURNED',
    area: 'users',
    title: 'password is refused under AWS, and never returned under the RFC',
    level: 'MUST',
    references: ['RFC 7643 §4.1.1', 'RFC 7643 §7', 'AWS-USER-UNSUPPORTED-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Users', {
        ...(await userData(ctx)),
        password: 'Harness-Secret-1',
      });
      if (ctx.profile === 'aws')
        return expectError(ctx, response, 400, 'POST /Users with password');
      expectStatus(response, 201, 'POST /Users with password');
      const created = jsonBody(response, 'POST /Users with password');
      ensure(!('password' in created), 'the 201 body returns password');
      const read = await ctx.http.get(`/Users/${String(created.id)}`);
      ensure(!('password' in (read.body ?? {})), 'GET returns password');
    },
  },
];
