// The built-in mock as a target: its start tenant and token, plus the hooks only a server we
// control can offer (expired and revoked tokens, throttling on demand) through its admin API.
import type { RunningMock } from '../../mock-server/server.ts';
import type { Target } from './target.ts';

/** A target for a running mock; each hook issues what it needs through the admin client. */
export function mockTarget(mock: RunningMock): Target {
  const { admin, tenantId } = mock;
  // An expired token keeps its slot of the two a tenant may hold (AWS-AUTH-TOKEN-LIMIT) until it
  // is deleted, so the hooks delete the ones they expired before issuing another, as an admin
  // would in the console.
  const expired: string[] = [];
  const issue = async () => {
    for (const id of expired.splice(0)) await admin.revokeToken(tenantId, id);
    return admin.issueToken(tenantId);
  };
  return {
    baseUrl: mock.scimBaseUrl(),
    token: mock.token,
    kind: 'built-in-mock',
    hooks: {
      expiredToken: async () => {
        const issued = await issue();
        await admin.expireToken(tenantId, issued.id);
        expired.push(issued.id);
        return issued.token;
      },
      revokedToken: async () => {
        const issued = await issue();
        await admin.revokeToken(tenantId, issued.id);
        return issued.token;
      },
      throttleNextRequest: async () => {
        await admin.setFaults({ rules: [{ kind: 'status', status: 429, times: 1 }] });
      },
    },
  };
}
