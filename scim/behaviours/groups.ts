// The Group resource: creation, members never returned, PUT.
import type { AwsBehaviour } from './types.ts';

export const GROUP_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-GROUP-CREATE-201',
    summary:
      'POST /Groups answers 201 with the group and without members, even when members were sent.',
    evidence: 'C',
    source: 'DG-CG example',
    rfc: 'RFC 7644 §3.3',
    departsFromRfc: true,
  },
  {
    id: 'AWS-GROUP-DISPLAYNAME-REQUIRED',
    summary: 'displayName is required on a group; missing gets 400.',
    evidence: 'C',
    source: 'DG-CG',
  },
  {
    id: 'AWS-GROUP-ATTRS',
    summary:
      'A group takes displayName, externalId and members only; other attributes (description) or wrong types get the generic 400.',
    evidence: 'U',
    source: 'DG-CG, DG error tables ("violates schema")',
    rfc: 'RFC 7643 §4.2',
  },
  {
    id: 'AWS-GROUP-CREATE-MEMBERS-MAX',
    summary: 'A group POST may carry at most 100 members; more get 400.',
    evidence: 'C',
    source: 'DG-CG',
  },
  {
    id: 'AWS-GROUP-DISPLAYNAME-UNIQUE',
    summary: 'Group displayName is unique compared case-insensitively; a duplicate gets 409.',
    evidence: 'U',
    source: 'DG-CG; idp-scim-sync CreateOrGetGroup',
  },
  {
    id: 'AWS-GROUP-GET-NO-MEMBERS',
    summary: 'GET /Groups/{id} never returns members (the key is omitted).',
    evidence: 'C',
    source: 'DG-GG, DG-LIM',
    rfc: 'RFC 7643 §4.2',
    departsFromRfc: true,
  },
  {
    id: 'AWS-GROUP-LIST-EMPTY-MEMBERS',
    summary: 'GET /Groups shows "members": [] on every group.',
    evidence: 'C',
    source: 'DG-LG examples',
    departsFromRfc: true,
  },
  {
    id: 'AWS-GROUP-MEMBER-SUBATTRS',
    summary:
      'Members take value, type and $ref; display is refused with 400; a member must be a user (no nesting).',
    evidence: 'C',
    source: 'DG-LIM; archived users-groups-provisioning.md',
  },
  {
    id: 'AWS-GROUP-MEMBER-UNKNOWN-404',
    summary: 'Adding a member id that is no user gets 404.',
    evidence: 'U',
    source: 'mock default',
  },
  {
    id: 'AWS-GROUP-PUT',
    summary:
      'PUT /Groups/{id} with members gets 400 "Replacing group memberships is not supported."; without members it replaces displayName and externalId and answers 200.',
    evidence: 'R',
    source: 'keycloak-scim#73; authentik#20410',
    departsFromRfc: true,
  },
  {
    id: 'AWS-GROUP-GET-404',
    summary: 'GET, PATCH, PUT or DELETE of an unknown group id gets 404.',
    evidence: 'C',
    source: 'DG-GG, DG-DG',
  },
  {
    id: 'AWS-GROUP-DELETE-204',
    summary: 'DELETE /Groups/{id} answers 204 with an empty body.',
    evidence: 'C',
    source: 'DG-DG',
    rfc: 'RFC 7644 §3.6',
  },
];
