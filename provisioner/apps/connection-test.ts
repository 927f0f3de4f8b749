// "Test connection": one GET of /ServiceProviderConfig with the app's token, reported as three
// checks (reachable, token accepted, discovery read) that each say what worked or what to fix.
import { SERVICE_PROVIDER_CONFIG_URN } from '../../scim/urns.ts';
import type { AppConfig } from '../model.ts';

export type CheckName = 'reachable' | 'token accepted' | 'discovery read';

export interface ConnectionCheck {
  name: CheckName;
  ok: boolean;
  detail: string;
}

export interface ConnectionReport {
  ok: boolean;
  url: string;
  checks: ConnectionCheck[];
}

export async function testConnection(
  app: Pick<AppConfig, 'endpoint' | 'token'>,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionReport> {
  const url = `${app.endpoint}/ServiceProviderConfig`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${app.token}`, accept: 'application/scim+json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return report(url, [
      { name: 'reachable', ok: false, detail: networkProblem(error, timeoutMs) },
      notChecked('token accepted', 'the endpoint was not reached'),
      notChecked('discovery read', 'the endpoint was not reached'),
    ]);
  }
  return report(url, await checksFor(response));
}

async function checksFor(response: Response): Promise<ConnectionCheck[]> {
  const status = `HTTP ${response.status}`;
  const reachable = { name: 'reachable', ok: true, detail: `answered ${status}` } as const;
  if (response.status >= 300 && response.status < 400) {
    const where = response.headers.get('location') ?? 'elsewhere';
    return [
      { ...reachable, ok: false, detail: `${status} redirects to ${where}; use that as endpoint` },
      notChecked('token accepted', 'the endpoint redirects'),
      notChecked('discovery read', 'the endpoint redirects'),
    ];
  }
  const token = tokenCheck(response.status);
  if (!token.ok)
    return [reachable, token, notChecked('discovery read', 'the token was not accepted')];
  return [reachable, token, await discoveryCheck(response)];
}

function tokenCheck(status: number): ConnectionCheck {
  const name = 'token accepted';
  if (status === 401) {
    return {
      name,
      ok: false,
      detail:
        'refused (401): the token is wrong, revoked or expired; ' +
        'generate a new one and run `app update NAME --token-env VAR`',
    };
  }
  if (status === 403) return { name, ok: false, detail: 'forbidden (403) for this token' };
  if (status === 404) {
    return {
      name,
      ok: false,
      detail:
        'not confirmed: 404 at /ServiceProviderConfig; is the ' +
        'endpoint the SCIM base URL (ending in /scim/v2)?',
    };
  }
  if (status >= 400)
    return { name, ok: false, detail: `not confirmed: the target answered ${status}` };
  return { name, ok: true, detail: `accepted (${status})` };
}

// AWS-DISCOVERY-SPC: AWS answers with patch supported; the provisioner updates users by PATCH.
async function discoveryCheck(response: Response): Promise<ConnectionCheck> {
  const name = 'discovery read';
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { name, ok: false, detail: 'the ServiceProviderConfig body is not JSON' };
  }
  const spc = body as {
    schemas?: unknown;
    patch?: { supported?: unknown };
    bulk?: { supported?: unknown };
  };
  if (!Array.isArray(spc.schemas) || !spc.schemas.includes(SERVICE_PROVIDER_CONFIG_URN)) {
    return {
      name,
      ok: false,
      detail: 'the body is not a ServiceProviderConfig (schemas lacks its URN)',
    };
  }
  if (spc.patch?.supported !== true) {
    return {
      name,
      ok: false,
      detail: 'ServiceProviderConfig says PATCH is not supported; updates need it',
    };
  }
  const bulk = spc.bulk?.supported === true ? 'bulk supported' : 'no bulk';
  return { name, ok: true, detail: `ServiceProviderConfig read: PATCH supported, ${bulk}` };
}

function networkProblem(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
  const reason =
    cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `not reachable: ${reason}; check the endpoint URL and that the server is running`;
}

function notChecked(name: CheckName, why: string): ConnectionCheck {
  return { name, ok: false, detail: `not checked: ${why}` };
}

function report(url: string, checks: ConnectionCheck[]): ConnectionReport {
  return { ok: checks.every((check) => check.ok), url, checks };
}
