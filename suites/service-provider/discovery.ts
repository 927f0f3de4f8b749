// Discovery: /ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4, RFC 7643 §5-7).
import type { JsonBody } from '../runner/json.ts';
import {
  ENTERPRISE_USER_URN,
  GROUP_URN,
  LIST_RESPONSE_URN,
  SERVICE_PROVIDER_CONFIG_URN,
  USER_URN,
} from '../../scim/urns.ts';
import { AWS_SERVICE_PROVIDER_CONFIG } from '../../fixtures/aws-discovery.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual, expectStatus, firstDifference } from './support/expect.ts';

const BOTH = ['aws', 'rfc7644'] as const;
const FEATURES = ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'] as const;

async function getOk(ctx: CheckContext, path: string): Promise<JsonBody> {
  const response = await ctx.http.get(path);
  expectStatus(response, 200, `GET ${path}`);
  ensure(response.body && typeof response.body === 'object', `GET ${path}: body is not JSON`);
  return response.body;
}

/** Resources of a discovery list, whether served as a ListResponse or a bare array. */
async function listed(ctx: CheckContext, path: string): Promise<JsonBody[]> {
  const body = await getOk(ctx, path);
  if (Array.isArray(body)) return body as JsonBody[];
  expectEqual(body.schemas, [LIST_RESPONSE_URN], `GET ${path}: schemas`);
  return (body.Resources ?? []) as JsonBody[];
}

export const DISCOVERY_CHECKS: readonly Check[] = [
  {
    id: 'SP-DISC-SPC-200',
    area: 'discovery',
    title: '/ServiceProviderConfig answers 200 with the ServiceProviderConfig schema',
    level: 'MUST',
    references: ['RFC 7644 §4', 'RFC 7643 §5', 'AWS-DISCOVERY-SPC'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const body = await getOk(ctx, '/ServiceProviderConfig');
      ensure(
        Array.isArray(body.schemas) && body.schemas.includes(SERVICE_PROVIDER_CONFIG_URN),
        `schemas lacks ${SERVICE_PROVIDER_CONFIG_URN}`,
      );
    },
  },
  {
    id: 'SP-DISC-SPC-FEATURES',
    area: 'discovery',
    title: '/ServiceProviderConfig states supported true or false for every feature',
    level: 'MUST',
    references: ['RFC 7643 §5', 'AWS-DISCOVERY-SPC'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const body = await getOk(ctx, '/ServiceProviderConfig');
      for (const feature of FEATURES) {
        ensure(
          typeof body[feature]?.supported === 'boolean',
          `'${feature}.supported' is not a boolean`,
        );
      }
      ensure(
        Array.isArray(body.authenticationSchemes) && body.authenticationSchemes.length > 0,
        'authenticationSchemes is empty',
      );
    },
  },
  {
    id: 'SP-DISC-SPC-AUTH-SCHEME',
    area: 'discovery',
    title: 'Each authentication scheme has a type, name and description',
    level: 'MUST',
    references: ['RFC 7643 §5', 'AWS-DISCOVERY-SPC'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const body = await getOk(ctx, '/ServiceProviderConfig');
      for (const scheme of (body.authenticationSchemes ?? []) as Record<string, unknown>[]) {
        for (const key of ['type', 'name', 'description']) {
          ensure(typeof scheme[key] === 'string', `authentication scheme lacks '${key}'`);
        }
      }
    },
  },
  {
    id: 'SP-DISC-SPC-AWS-BODY',
    area: 'discovery',
    title: "/ServiceProviderConfig matches AWS's documented body exactly (no meta)",
    level: 'MUST',
    references: ['AWS-DISCOVERY-SPC'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const body = await getOk(ctx, '/ServiceProviderConfig');
      const difference = firstDifference(body, AWS_SERVICE_PROVIDER_CONFIG);
      ensure(!difference, `/ServiceProviderConfig differs from DG-SPC at ${difference}`);
    },
  },
  {
    id: 'SP-DISC-RT-LIST',
    area: 'discovery',
    title: '/ResourceTypes lists User and Group',
    level: 'MUST',
    references: ['RFC 7644 §4', 'RFC 7643 §6', 'AWS-DISCOVERY-RESOURCE-TYPES'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const types = await listed(ctx, '/ResourceTypes');
      const names = types.map((type) => type.name as string).sort();
      if (ctx.profile === 'aws') expectEqual(names, ['Group', 'User'], 'resource type names');
      else
        ensure(
          names.includes('User') && names.includes('Group'),
          `resource types ${names.join(', ')} lack User or Group`,
        );
    },
  },
  {
    id: 'SP-DISC-RT-USER',
    area: 'discovery',
    title: 'The User resource type names /Users, the core schema and the enterprise extension',
    level: 'MUST',
    references: ['RFC 7643 §6', 'AWS-DISCOVERY-RESOURCE-TYPES'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const user = (await listed(ctx, '/ResourceTypes')).find((type) => type.name === 'User');
      ensure(user, 'no User resource type');
      expectEqual(user.endpoint, '/Users', 'User endpoint');
      expectEqual(user.schema, USER_URN, 'User schema');
      // The enterprise extension is optional in RFC 7643 §4.3; AWS declares it (DG-RT).
      if (ctx.profile !== 'aws') return;
      const extensions = ((user.schemaExtensions ?? []) as { schema?: string }[]).map(
        (entry) => entry.schema,
      );
      ensure(
        extensions.includes(ENTERPRISE_USER_URN),
        'User schemaExtensions lacks the enterprise extension',
      );
    },
  },
  {
    id: 'SP-DISC-RT-GROUP',
    area: 'discovery',
    title: 'The Group resource type names /Groups and the core Group schema',
    level: 'MUST',
    references: ['RFC 7643 §6', 'AWS-DISCOVERY-RESOURCE-TYPES'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const group = (await listed(ctx, '/ResourceTypes')).find((type) => type.name === 'Group');
      ensure(group, 'no Group resource type');
      expectEqual(group.endpoint, '/Groups', 'Group endpoint');
      expectEqual(group.schema, GROUP_URN, 'Group schema');
    },
  },
  {
    id: 'SP-DISC-SCHEMAS-LIST',
    area: 'discovery',
    title: '/Schemas lists the User and Group schemas (and, for AWS, Enterprise User)',
    level: 'MUST',
    references: ['RFC 7644 §4', 'RFC 7643 §7', 'AWS-DISCOVERY-SCHEMAS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const ids = (await listed(ctx, '/Schemas')).map((schema) => schema.id as string);
      for (const urn of [USER_URN, GROUP_URN]) ensure(ids.includes(urn), `/Schemas lacks ${urn}`);
      if (ctx.profile !== 'aws') return;
      ensure(ids.includes(ENTERPRISE_USER_URN), `/Schemas lacks ${ENTERPRISE_USER_URN}`);
      expectEqual(ids.length, 3, 'number of schemas');
    },
  },
  {
    id: 'SP-DISC-SCHEMA-USER',
    area: 'discovery',
    title: '/Schemas/{User URN} describes userName as required and not case-exact',
    level: 'MUST',
    references: ['RFC 7643 §4.1.1', 'RFC 7643 §7', 'AWS-DISCOVERY-SCHEMAS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const schema = await getOk(ctx, `/Schemas/${USER_URN}`);
      expectEqual(schema.id, USER_URN, 'schema id');
      const userName = ((schema.attributes ?? []) as Record<string, unknown>[]).find(
        (a) => a.name === 'userName',
      );
      ensure(userName, 'the User schema has no userName attribute');
      expectEqual(userName.required, true, 'userName.required');
      expectEqual(userName.caseExact, false, 'userName.caseExact');
    },
  },
  {
    id: 'SP-DISC-SCHEMA-GROUP',
    area: 'discovery',
    title: '/Schemas/{Group URN} describes displayName and members',
    level: 'MUST',
    references: ['RFC 7643 §4.2', 'RFC 7643 §7', 'AWS-DISCOVERY-SCHEMAS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const schema = await getOk(ctx, `/Schemas/${GROUP_URN}`);
      const names = ((schema.attributes ?? []) as { name?: string }[]).map((a) => a.name);
      ensure(
        names.includes('displayName') && names.includes('members'),
        `Group attributes are ${names.join(', ')}`,
      );
    },
  },
  {
    id: 'SP-DISC-SCHEMA-UNKNOWN-404',
    area: 'discovery',
    title: 'An unknown schema URN answers 404 with an error body',
    level: 'SHOULD',
    references: ['RFC 7644 §3.12', 'AWS-DISCOVERY-SCHEMAS', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.get(
        '/Schemas/urn:example:params:scim:schemas:none:2.0:Nothing',
      );
      expectError(ctx, response, 404, 'GET /Schemas/{unknown URN}');
    },
  },
];
