// The built-in mock as a target: its start tenant and token, plus the hooks only a server we
// control can offer (expired and revoked tokens, throttling on demand) through its admin API.
import type { RunningMock } from '../../mock-server/server.ts';
import type { Target } from './target.ts';

/** A target for a running mock; each hook issues what it needs through the admin client. */
export function mockTarget(mock: RunningMock): Target {
  const { admin, tenantId } = mock;
  return {
    baseUrl: mock.scimBaseUrl(),
    token: mock.token,
    kind: 'built-in-mock',
    hooks: {
      expiredToken: async () => {
        const issued = await admin.issueToken(tenantId);
        await admin.expireToken(tenantId, issued.id);
        return issued.token;
      },
      revokedToken: async () => {
        const issued = await admin.issueToken(tenantId);
        await admin.revokeToken(tenantId, issued.id);
        return issued.token;
      },
      throttleNextRequest: async () => {
        await admin.setFaults({ rules: [{ kind: 'status', status: 429, times: 1 }] });
      },
    },
  };
}
