// PATCH semantics for users and groups.
import type { AwsBehaviour } from './types.ts';

export const PATCH_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-PATCH-USER-200',
    summary: 'A user PATCH answers 200 with the full user.',
    evidence: 'C',
    source: 'DG-PAU example',
    rfc: 'RFC 7644 §3.5.2',
  },
  {
    id: 'AWS-PATCH-GROUP-204',
    summary: 'A group PATCH answers 204 with no body.',
    evidence: 'C',
    source: 'DG-PG example',
    rfc: 'RFC 7644 §3.5.2',
  },
  {
    id: 'AWS-PATCH-SHAPE',
    summary:
      'A PATCH body needs schemas [PatchOp] and a non-empty Operations array; each op needs op add, replace or remove.',
    evidence: 'C',
    source: 'DG-PAU, DG-PG',
    rfc: 'RFC 7644 §3.5.2',
  },
  {
    id: 'AWS-PATCH-OP-CASE',
    summary: 'Op names match case-insensitively (Replace, ADD).',
    evidence: 'U',
    source: 'authentik#12321; Entra traffic',
    rfc: 'RFC 7644 §3.5.2',
  },
  {
    id: 'AWS-PATCH-STRING-BOOLEANS',
    summary: 'active accepts the strings "true" and "false".',
    evidence: 'C',
    source: 'DG-PAU example',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-VALUE-REQUIRED',
    summary: 'add and replace need a value; missing gets 400.',
    evidence: 'C',
    source: 'DG-PAU',
    rfc: 'RFC 7644 §3.5.2.1',
  },
  {
    id: 'AWS-PATCH-REMOVE-NEEDS-PATH',
    summary: 'remove needs a path; missing gets 400.',
    evidence: 'C',
    source: 'DG-PAU',
    rfc: 'RFC 7644 §3.5.2.2',
  },
  {
    id: 'AWS-PATCH-NO-PATH-SINGLE',
    summary:
      'An add or replace without path may change one attribute only; more gets 400 with the no-path detail; an id key in the value is ignored.',
    evidence: 'R',
    source: 'authentik#12321; DG-PG example',
    rfc: 'RFC 7644 §3.5.2.1',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-USER-ATTRS',
    summary:
      'Only the documented user attributes may be patched; others (id, meta, schemas, groups) get 400.',
    evidence: 'C',
    source: 'DG-PAU',
  },
  {
    id: 'AWS-PATCH-USERNAME-ACTIVE',
    summary: 'userName and active cannot be removed, and a request may hold only one op on each.',
    evidence: 'C',
    source: 'DG-PAU',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-VALUE-FILTER',
    summary:
      'Value-filter paths such as emails[type eq "work"].value and members[value eq "id"] are accepted; only eq is allowed inside.',
    evidence: 'U',
    source: 'IdP traffic; DG-PAU',
    rfc: 'RFC 7644 §3.5.2',
  },
  {
    id: 'AWS-PATCH-USER-SINGLE-VALUED',
    summary:
      'After a PATCH, multi-valued user attributes still hold at most one value, and the user still meets every create rule.',
    evidence: 'C',
    source: 'DG-PAU, DG-LIM',
  },
  {
    id: 'AWS-PATCH-GROUP-ATTRS',
    summary: 'A group PATCH may name only displayName, members and externalId.',
    evidence: 'C',
    source: 'DG-PG',
  },
  {
    id: 'AWS-PATCH-MEMBERS-MAX',
    summary: 'A group PATCH may hold at most 100 membership changes; more get the generic 400.',
    evidence: 'R',
    source: 'DG-PG; idp-scim-sync#62',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-NO-REPLACE-MEMBERS',
    summary: 'replace on members gets 400 "Replacing group memberships is not supported."',
    evidence: 'C',
    source: 'DG-PG, DG-LIM; keycloak-scim#73',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-NO-REMOVE-ALL',
    summary: 'remove on members without a value or value filter (remove all) gets 400.',
    evidence: 'C',
    source: 'DG-PG, DG-LIM',
    departsFromRfc: true,
  },
  {
    id: 'AWS-PATCH-MEMBER-VALUE',
    summary:
      'Each member in a group PATCH add or remove is an object with a non-empty string value; anything else gets the generic 400.',
    evidence: 'U',
    source: 'mock default',
    rfc: 'RFC 7643 §4.2',
  },
  {
    id: 'AWS-PATCH-MEMBER-IDEMPOTENT',
    summary: 'Adding an existing member or removing a non-member is no error (204).',
    evidence: 'U',
    source: 'mock default',
  },
];
