// AWS-DISCOVERY-SCHEMAS: User, Group and Enterprise User with the attributes AWS supports
// (DG-LS, DG-LIM); userName is required with caseExact:false, as GetSchema reports it.
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN } from '../../../scim/urns.ts';
import { attribute, multiValued } from './schema-attribute.ts';

const plain = (...names: string[]) => names.map((name) => attribute(name));

const USER_ATTRIBUTES = [
  attribute('userName', { required: true, uniqueness: 'server' }),
  attribute('name', {
    type: 'complex',
    required: true,
    subAttributes: [
      attribute('formatted'),
      attribute('familyName', { required: true }),
      attribute('givenName', { required: true }),
      ...plain('middleName', 'honorificPrefix', 'honorificSuffix'),
    ],
  }),
  attribute('displayName', { required: true }),
  ...plain('nickName'),
  attribute('profileUrl', { type: 'reference', referenceTypes: ['external'] }),
  ...plain('title', 'userType', 'preferredLanguage', 'locale', 'timezone'),
  attribute('active', { type: 'boolean' }),
  multiValued('emails', ['value', 'type'], true),
  multiValued(
    'addresses',
    ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'],
    true,
  ),
  multiValued('phoneNumbers', ['value', 'type'], false),
  multiValued('roles', ['value', 'type'], true),
];

const GROUP_ATTRIBUTES = [
  attribute('displayName', { required: true }),
  attribute('members', {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attribute('value', { mutability: 'immutable' }),
      attribute('$ref', { type: 'reference', mutability: 'immutable', referenceTypes: ['User'] }),
      attribute('type', { mutability: 'immutable' }),
    ],
  }),
];

const ENTERPRISE_ATTRIBUTES = [
  ...plain('employeeNumber', 'costCenter', 'organization', 'division', 'department'),
  attribute('manager', {
    type: 'complex',
    subAttributes: [
      attribute('value'),
      attribute('$ref', { type: 'reference', referenceTypes: ['User'] }),
    ],
  }),
];

function schema(id: string, name: string, description: string, attributes: unknown[]) {
  return { id, name, description, attributes, meta: { resourceType: 'Schema' } };
}

export const SCHEMAS: readonly Record<string, unknown>[] = Object.freeze([
  schema(USER_URN, 'User', 'User Account', USER_ATTRIBUTES),
  schema(GROUP_URN, 'Group', 'Group', GROUP_ATTRIBUTES),
  schema(ENTERPRISE_USER_URN, 'EnterpriseUser', 'Enterprise User', ENTERPRISE_ATTRIBUTES),
]);
