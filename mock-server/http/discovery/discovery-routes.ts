// The discovery endpoints AWS answers: /ServiceProviderConfig, /ResourceTypes, /Schemas and
// /Schemas/{urn} (RFC 7644 §4).
import { Router } from 'express';

import { ScimError } from '../../../scim/errors.ts';
import { LIST_RESPONSE_URN } from '../../../scim/urns.ts';
import { sendJson } from '../respond.ts';
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

export function discoveryRoutes(): Router {
  const router = Router({ mergeParams: true });
  router.get('/ServiceProviderConfig', (_req, res) => sendJson(res, 200, SERVICE_PROVIDER_CONFIG));
  router.get('/ResourceTypes', (_req, res) => sendJson(res, 200, listOf(RESOURCE_TYPES)));
  router.get('/Schemas', (_req, res) => sendJson(res, 200, listOf(SCHEMAS)));
  router.get('/Schemas/:urn', (req, res) => {
    const found = SCHEMAS.find((schema) => schema.id === req.params.urn);
    if (!found) {
      throw ScimError.notFound(`no schema ${String(req.params.urn)}`, 'AWS-DISCOVERY-SCHEMAS');
    }
    sendJson(res, 200, found);
  });
  return router;
}
