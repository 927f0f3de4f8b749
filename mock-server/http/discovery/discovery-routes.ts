// The discovery endpoints AWS answers: /ServiceProviderConfig, /ResourceTypes, /Schemas and
// /Schemas/{urn} (RFC 7644 §4).
import { ScimError } from '../../../scim/errors.ts';
import { LIST_RESPONSE_URN } from '../../../scim/urns.ts';
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
export function discoveryRoutes(): [string, ResourceRoutes][] {
  return [
    [
      'ServiceProviderConfig',
      { collection: { GET: ({ res }) => sendJson(res, 200, SERVICE_PROVIDER_CONFIG) }, item: {} },
    ],
    [
      'ResourceTypes',
      { collection: { GET: ({ res }) => sendJson(res, 200, listOf(RESOURCE_TYPES)) }, item: {} },
    ],
    [
      'Schemas',
      {
        collection: { GET: ({ res }) => sendJson(res, 200, listOf(SCHEMAS)) },
        item: { GET: getSchema },
      },
    ],
  ];
}
