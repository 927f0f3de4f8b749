// Filters, list caps and cursor paging.
import type { AwsBehaviour } from './types.ts';

export const LIST_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-FILTER-EQ-ONLY',
    summary:
      'Only eq with a double-quoted value is supported; any other operator, or, not, or grouping gets the generic 400 (no scimType).',
    evidence: 'C',
    source: 'DG-LIM, DG-LU',
    rfc: 'RFC 7644 §3.4.2.2',
    departsFromRfc: true,
  },
  {
    id: 'AWS-FILTER-USER-ATTRS',
    summary:
      'Users filter on userName, externalId, id, groups.value, and the pair id eq + manager eq in either order; other attributes get 400.',
    evidence: 'C',
    source: 'DG-LU',
    departsFromRfc: true,
  },
  {
    id: 'AWS-FILTER-GROUP-ATTRS',
    summary:
      'Groups filter on displayName, externalId, id, members.value, and the pair id eq + members eq in either order; other attributes get 400.',
    evidence: 'C',
    source: 'DG-LG (a lone id filter: "while valid, should be avoided")',
    departsFromRfc: true,
  },
  {
    id: 'AWS-FILTER-USERNAME-CASE',
    summary: 'userName eq matches case-insensitively.',
    evidence: 'U',
    source: 'DG-LS caseExact:false',
  },
  {
    id: 'AWS-FILTER-MEMBERSHIP-CHECK',
    summary:
      'id eq "g" and members eq "u" answers totalResults 1 with the group when u is a member, else 0.',
    evidence: 'C',
    source: 'DG-LG examples; ssosync IsUserInGroup',
  },
  {
    id: 'AWS-FILTER-MEMBER-EMPTY',
    summary: 'A member filter with an empty value gets the generic 400.',
    evidence: 'R',
    source: 'idp-scim-sync#75',
  },
  {
    id: 'AWS-FILTER-MEMBER-UNKNOWN-404',
    summary:
      'A ListGroups member filter naming no existing user gets 404: members.value eq, and the ' +
      'pair id eq + members eq (a user who is no member of the group gets 0 results).',
    evidence: 'C',
    source:
      'DG-LG error table, "When filter querying with a nonexisting member" (2025 text, and the ' +
      '2021-2024 one, whose only member filter was the pair)',
  },
  {
    id: 'AWS-LIST-ENVELOPE',
    summary:
      'A list answers schemas [ListResponse], totalResults, itemsPerPage, startIndex 1 and Resources.',
    evidence: 'C',
    source: 'DG-LU, DG-LG examples',
    rfc: 'RFC 7644 §3.4.2',
  },
  {
    id: 'AWS-LIST-CAP',
    summary: 'Without a cursor a list returns at most 100 resources (50 on the legacy endpoint).',
    evidence: 'C',
    source: 'DG-LU/LG; ssosync#65, #81',
    setting: 'listCap',
    departsFromRfc: true,
  },
  {
    id: 'AWS-LIST-COUNT',
    summary: 'count is honoured up to the cap; larger values are clamped.',
    evidence: 'R',
    source: 'ssosync#1',
  },
  {
    id: 'AWS-LIST-TOTAL-IS-PAGE',
    summary: 'totalResults equals the number returned, not the number stored.',
    evidence: 'C',
    source: 'DG-LU examples; ssosync#1',
    rfc: 'RFC 7644 §3.4.2',
    departsFromRfc: true,
  },
  {
    id: 'AWS-LIST-IGNORED-PARAMS',
    summary: 'startIndex, attributes, excludedAttributes and sortBy are ignored.',
    evidence: 'U',
    source: 'DG-LU; ssosync#1',
    rfc: 'RFC 7644 §3.4.2.3-4, §3.9',
    departsFromRfc: true,
  },
  {
    id: 'AWS-CURSOR-START',
    summary: 'A bare ?cursor (or cursor=) starts cursor paging.',
    evidence: 'C',
    source: 'DG-LU, DG-LG (2025)',
    setting: 'listCap',
  },
  {
    id: 'AWS-CURSOR-SHAPE',
    summary:
      'Cursor pages carry itemsPerPage and nextCursor but no totalResults or startIndex; the last page has no nextCursor; a cursor matches [-a-zA-Z0-9+=/:_]*.',
    evidence: 'C',
    source: 'DG-LU, DG-LG (2025)',
  },
  {
    id: 'AWS-CURSOR-COUNT-RANGE',
    summary: 'In cursor mode count must be 1 to 100 (default 100); anything else gets 400.',
    evidence: 'C',
    source: 'DG-LU',
  },
  {
    id: 'AWS-CURSOR-FILTER-CHANGE',
    summary: 'A cursor used with another filter than the one that made it gets 400.',
    evidence: 'C',
    source: 'DG-LU, DG-LG',
  },
  {
    id: 'AWS-CURSOR-INVALID',
    summary: 'A forged, malformed or other-tenant cursor gets 400.',
    evidence: 'U',
    source: 'mock default',
  },
];
