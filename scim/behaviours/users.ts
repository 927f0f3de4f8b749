// The User resource: required attributes, single values, uniqueness, limits, shape.
import type { AwsBehaviour } from './types.ts';

export const USER_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-USER-CREATE-201',
    summary: 'POST /Users with the required attributes answers 201 with the user.',
    evidence: 'C',
    source: 'DG-CU',
    rfc: 'RFC 7644 §3.3',
  },
  {
    id: 'AWS-USER-REQUIRED-ATTRS',
    summary:
      'userName, displayName, name.givenName and name.familyName are required on POST and PUT; ' +
      'missing one gets the generic 400.',
    evidence: 'C',
    source: 'DG-CU, DG-PU, UG-TS',
    rfc: 'RFC 7643 §4.1',
    departsFromRfc: true,
  },
  {
    id: 'AWS-USER-REQUIRED-EMAIL',
    summary: 'An email is required on POST and PUT.',
    evidence: 'U',
    source: 'UG-AUTO (emails must be non-null)',
    setting: 'requireEmail',
  },
  {
    id: 'AWS-USER-SINGLE-VALUED',
    summary: 'emails, phoneNumbers, addresses and roles hold one element at most; two get 400.',
    evidence: 'C',
    source: 'DG-LIM, DG-CU, UG-AZ',
    rfc: 'RFC 7643 §4.1.2',
    departsFromRfc: true,
  },
  {
    id: 'AWS-USER-PRIMARY-EMAIL',
    summary:
      'An email with primary:false is refused with 400; primary omitted is taken as primary.',
    evidence: 'C',
    source: 'DG-CU',
    setting: 'requirePrimaryEmail',
  },
  {
    id: 'AWS-USER-UNSUPPORTED-ATTRS',
    summary:
      'password, ims, photos, x509Certificates, entitlements and groups are refused with 400.',
    evidence: 'U',
    source: 'DG-CU, DG-LIM',
    rfc: 'RFC 7643 §4.1.2',
    departsFromRfc: true,
  },
  {
    id: 'AWS-USER-ATTR-TYPES',
    summary:
      'A user attribute of the wrong JSON type (a number for userName, the string "true" for ' +
      'active on POST or PUT) gets the generic 400.',
    evidence: 'U',
    source: 'DG error tables ("violates schema"); mock default',
    rfc: 'RFC 7643 §2.3',
  },
  {
    id: 'AWS-USER-NO-DISPLAY-SUBATTR',
    summary:
      'display in emails, phoneNumbers or addresses, and manager.displayName, are refused with ' +
      '400.',
    evidence: 'C',
    source: 'DG-CU, DG-LIM',
    departsFromRfc: true,
  },
  {
    id: 'AWS-USER-USERNAME-UNIQUE',
    summary:
      'userName is unique compared case-insensitively; a duplicate gets 409 "Refused to create a ' +
      'new, duplicate resource."',
    evidence: 'R',
    source: 'DG-CU; DG-LS caseExact:false; idp-scim-sync#45',
    rfc: 'RFC 7644 §3.3',
  },
  {
    id: 'AWS-USER-EXTERNALID-UNIQUE',
    summary: 'externalId is unique among users; a clash gets 409.',
    evidence: 'U',
    source: 'idp-scim-sync CreateOrGetUser',
    setting: 'uniqueExternalId',
  },
  {
    id: 'AWS-USER-EMAIL-UNIQUE',
    summary: 'A primary email is unique among users; a clash gets 409.',
    evidence: 'U',
    source: 'UG-AUTO',
    setting: 'uniqueEmail',
  },
  {
    id: 'AWS-USER-RESERVED-NAMES',
    summary: 'userName Administrator or AWSAdministrators is refused with 400.',
    evidence: 'U',
    source: 'IDS limits',
    setting: 'reservedNames',
  },
  {
    id: 'AWS-USER-LENGTH-LIMITS',
    summary: 'userName is 1 to 128 characters; other strings at most 1024; longer gets 400.',
    evidence: 'U',
    source: 'IDS limits',
    setting: 'maxStringLength',
  },
  {
    id: 'AWS-USER-CONTROL-CHARS',
    summary: 'Control characters such as tab and newline in a string attribute get 400.',
    evidence: 'C',
    source: 'Entra AWS tutorial; UG-OKTA',
  },
  {
    id: 'AWS-USER-FORBIDDEN-CHARS',
    summary:
      'The characters < > ; : % in a user attribute, or in a group displayName or externalId, ' +
      'get the generic 400; URIs (profileUrl, $ref) and protocol data (schemas, id, meta) are ' +
      'exempt.',
    evidence: 'C',
    source: 'UG-OKTA (must not appear in synced attributes); Okta KB (the generic 400)',
    setting: 'forbiddenCharacters',
  },
  {
    id: 'AWS-USER-META',
    summary:
      'meta has resourceType, created and lastModified as YYYY-MM-DDTHH:MM:SSZ, and no location ' +
      'or version.',
    evidence: 'C',
    source: 'DG-CU, DG-GU examples',
    rfc: 'RFC 7643 §3.1',
    departsFromRfc: true,
  },
  {
    id: 'AWS-USER-SCHEMAS-ENTERPRISE',
    summary: 'schemas lists the enterprise URN only when the user has enterprise data.',
    evidence: 'C',
    source: 'DG-CU, DG-LU examples',
  },
  {
    id: 'AWS-USER-MANAGER-VALUE-ONLY',
    summary: 'manager comes back with value only; a $ref sent in the request is dropped.',
    evidence: 'C',
    source: 'DG-CU example',
  },
  {
    id: 'AWS-USER-ACTIVE-DEFAULT',
    summary: 'active omitted on create is taken as true.',
    evidence: 'U',
    source: 'none; mock default',
    setting: 'defaultActive',
  },
  {
    id: 'AWS-USER-INACTIVE-LISTED',
    summary: 'Disabled users are still returned by GET and list.',
    evidence: 'C',
    source: 'DG-LU examples',
  },
  {
    id: 'AWS-USER-GET-404',
    summary: 'GET, PATCH or DELETE of an unknown user id gets 404.',
    evidence: 'C',
    source: 'DG-GU, DG-DU',
    rfc: 'RFC 7644 §3.12',
  },
  {
    id: 'AWS-USER-DELETE-204',
    summary: 'DELETE /Users/{id} answers 204 with an empty body; a second DELETE gets 404.',
    evidence: 'C',
    source: 'DG-DU',
    rfc: 'RFC 7644 §3.6',
  },
  {
    id: 'AWS-USER-DELETE-MEMBERSHIPS',
    summary: 'Deleting a user removes it from every group.',
    evidence: 'U',
    source: 'mock default',
  },
  {
    id: 'AWS-USER-NEW-ID-ON-RECREATE',
    summary: 'A deleted and re-created user gets a new id.',
    evidence: 'C',
    source: 'UG-TS',
  },
  {
    id: 'AWS-USER-PUT-200',
    summary:
      'PUT /Users/{id} replaces the user and answers 200 with it; the same required attributes ' +
      'apply.',
    evidence: 'C',
    source: 'DG-PU',
    rfc: 'RFC 7644 §3.5.1',
  },
  {
    id: 'AWS-USER-PUT-404',
    summary: 'PUT /Users/{unknown} gets 404.',
    evidence: 'U',
    source: 'DG-PU lists 409 only; mock default',
  },
  {
    id: 'AWS-QUOTA-USERS-GROUPS',
    summary:
      'An identity store holds at most 100,000 users and 100,000 groups; a create past that is ' +
      'refused (400 with the generic detail: the SCIM answer at the quota is not documented).',
    evidence: 'C',
    source: 'archived limits.md; IDS ServiceQuotaExceededException',
    setting: 'maxUsers, maxGroups',
  },
  {
    id: 'AWS-ID-FORMAT',
    summary: 'Resource ids are random and UUID-like.',
    evidence: 'C',
    source: 'UG-CT, DG-LU 2025 examples',
    setting: 'idStyle',
  },
];
