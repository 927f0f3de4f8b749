// What the target advertises in /ServiceProviderConfig (RFC 7643 §5); checks that need a
// feature the target does not advertise are not applicable rather than failed.
import type { Profile } from './check.ts';
import type { ScimHttp } from './http-client.ts';

export type Capability =
  'patch' | 'filter' | 'sort' | 'etag' | 'bulk' | 'changePassword' | 'cursor';

export interface Capabilities {
  advertised: ReadonlySet<Capability>;
  /** Why nothing could be read, when /ServiceProviderConfig failed. */
  unavailable?: string;
}

const SPC_FEATURES = ['patch', 'filter', 'sort', 'etag', 'bulk', 'changePassword'] as const;

/** Reads /ServiceProviderConfig once; cursor paging counts as advertised under the AWS profile. */
export async function readCapabilities(http: ScimHttp, profile: Profile): Promise<Capabilities> {
  const advertised = new Set<Capability>();
  // AWS documents cursor paging (DG-LU, 2025) without advertising it in its SPC.
  if (profile === 'aws') advertised.add('cursor');
  const response = await http.get('/ServiceProviderConfig');
  if (response.status !== 200 || typeof response.body !== 'object' || response.body === null) {
    return { advertised, unavailable: `/ServiceProviderConfig answered ${response.status}` };
  }
  const body = response.body as Record<string, { supported?: unknown; cursor?: unknown }>;
  for (const feature of SPC_FEATURES) {
    if (body[feature]?.supported === true) advertised.add(feature);
  }
  // RFC 9865 advertises cursor paging as pagination.cursor.
  if (body.pagination?.cursor === true) advertised.add('cursor');
  return { advertised };
}

/** The first required capability the target lacks, or undefined when all are there. */
export function missingCapability(
  capabilities: Capabilities,
  required: readonly Capability[] = [],
): Capability | undefined {
  return required.find((capability) => !capabilities.advertised.has(capability));
}
