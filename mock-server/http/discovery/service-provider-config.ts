// AWS-DISCOVERY-SPC: the body of DG-SPC's example, verbatim (aws-scim-behaviour.md §8): no meta,
// and filter.maxResults still 50 although lists return 100 per page.
import { SERVICE_PROVIDER_CONFIG_URN } from '../../../scim/urns.ts';

export const SERVICE_PROVIDER_CONFIG = Object.freeze({
  schemas: [SERVICE_PROVIDER_CONFIG_URN],
  documentationUri:
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source-idp.html',
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description: 'Authentication scheme using the OAuth Bearer Token Standard',
      specUri: 'https://www.rfc-editor.org/info/rfc6750',
      documentationUri:
        'https://docs.aws.amazon.com/singlesignon/latest/userguide/provision-automatically.html',
      primary: true,
    },
  ],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 1, maxPayloadSize: 1048576 },
  filter: { supported: true, maxResults: 50 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
});
