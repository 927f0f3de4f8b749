// A target: the SCIM base URL and token a run points at, plus optional hooks that only a
// controllable server (the built-in mock) can offer, such as an expired token.

export interface TargetHooks {
  /** A token the server knows but has expired (AWS-AUTH-TOKEN-EXPIRY). */
  expiredToken?: () => Promise<string>;
  /** A token the server issued and then revoked. */
  revokedToken?: () => Promise<string>;
  /** Makes the server answer the next SCIM request with 429 (AWS-THROTTLE-429). */
  throttleNextRequest?: () => Promise<void>;
}

export interface Target {
  /** SCIM base URL, e.g. `https://scim.eu-west-1.amazonaws.com/<tenant>/scim/v2`. */
  baseUrl: string;
  token: string;
  kind: 'built-in-mock' | 'remote';
  hooks: TargetHooks;
}

/** The base URL without a trailing slash, so paths join with exactly one. */
export function normaliseBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
