// Discovery endpoints.
import type { AwsBehaviour } from './types.ts';

export const DISCOVERY_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-DISCOVERY-SPC',
    summary:
      '/ServiceProviderConfig answers the documented body: patch on; bulk, sort, etag, changePassword off; filter.maxResults 50; no meta.',
    evidence: 'C',
    source: 'DG-SPC',
    rfc: 'RFC 7644 §4',
  },
  {
    id: 'AWS-DISCOVERY-RESOURCE-TYPES',
    summary: '/ResourceTypes lists User (with the enterprise extension) and Group.',
    evidence: 'C',
    source: 'DG-RT',
    rfc: 'RFC 7644 §4',
  },
  {
    id: 'AWS-DISCOVERY-SCHEMAS',
    summary:
      '/Schemas lists User, Group and Enterprise User; /Schemas/{urn} answers one, with userName caseExact:false.',
    evidence: 'C',
    source: 'DG-LS',
    rfc: 'RFC 7644 §4',
  },
  {
    id: 'AWS-DISCOVERY-SCHEMAS-LEGACY-404',
    summary:
      'Before February 2024 /Schemas and /Schemas/{urn} did not exist and answered 404 like any ' +
      'unknown path; the aws-legacy profile does so.',
    evidence: 'R',
    source: 'DG-HIST (added Feb 2024); suvera/keycloak-scim2-storage#3 (404 in 2022)',
    setting: 'schemasEndpoint',
  },
];
