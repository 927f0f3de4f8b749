// The discovery endpoints AWS answers: /ServiceProviderConfig, /ResourceTypes, /Schemas and
// /Schemas/{urn} (RFC 7644 §4); the last two only where the profile's endpoint has them.
import { ScimError } from '../../../scim/errors.ts';
import { LIST_RESPONSE_URN } from '../../../scim/urns.ts';
import type { MockProfile } from '../../profile.ts';
import { sendJson } from '../respond.ts';
import type { ResourceRoutes, ScimCall } from '../route-table.ts';
import { RESOURCE_TYPES } from './resource-types.ts';
import { SCHEMAS } from './schemas.ts';
import { SERVICE_PROVIDER_CONFIG } from './service-provider-config.ts';

function listOf(resources: readonly unknown[]) {
  return {
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    schemas: [LIST_RESPONSE_URN],
    Resources: resources,
  };
}

function getSchema({ res, id }: ScimCall): void {
  const found = SCHEMAS.find((schema) => schema.id === id);
  if (!found) throw ScimError.notFound(`no schema ${id}`, 'AWS-DISCOVERY-SCHEMAS');
  sendJson(res, 200, found);
}

/** Read-only resources: GET (and so HEAD) only. */
export function discoveryRoutes(profile: MockProfile): [string, ResourceRoutes][] {
  const routes: [string, ResourceRoutes][] = [
    [
      'ServiceProviderConfig',
      { collection: { GET: ({ res }) => sendJson(res, 200, SERVICE_PROVIDER_CONFIG) }, item: {} },
    ],
    [
      'ResourceTypes',
      { collection: { GET: ({ res }) => sendJson(res, 200, listOf(RESOURCE_TYPES)) }, item: {} },
    ],
  ];
  // AWS-DISCOVERY-SCHEMAS-LEGACY-404: without the route, /Schemas is an unknown path (404).
  if (!profile.schemasEndpoint) return routes;
  routes.push([
    'Schemas',
    {
      collection: { GET: ({ res }) => sendJson(res, 200, listOf(SCHEMAS)) },
      item: { GET: getSchema },
    },
  ]);
  return routes;
}
