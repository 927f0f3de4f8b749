// What the AWS side (the mock) holds after a step, read over SCIM with AWS's own filters, so the
// checks judge outcomes the way an AWS admin would see them.
import type { JsonBody } from '../runner/json.ts';

export type ScimResource = JsonBody & { id: string };

export class AwsView {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Every user with this userName (AWS compares it case-insensitively). */
  async usersNamed(userName: string): Promise<ScimResource[]> {
    return this.list('/Users', `userName eq "${escape(userName)}"`);
  }

  async userNamed(userName: string): Promise<ScimResource | undefined> {
    return (await this.usersNamed(userName))[0];
  }

  /** The user with this id, or undefined when AWS answers 404. */
  async userById(id: string): Promise<ScimResource | undefined> {
    const response = await this.send('GET', `/Users/${encodeURIComponent(id)}`);
    if (response.status === 404) return undefined;
    if (response.status !== 200)
      throw new Error(`reading /Users/${id} answered ${response.status}`);
    return response.body as ScimResource;
  }

  async groupNamed(displayName: string): Promise<ScimResource | undefined> {
    return (await this.list('/Groups', `displayName eq "${escape(displayName)}"`))[0];
  }

  /** The group's members, read with the `groups.value` filter (AWS-GROUP-GET-NO-MEMBERS). */
  async members(groupId: string): Promise<ScimResource[]> {
    return this.list('/Users', `groups.value eq "${escape(groupId)}"`);
  }

  /** Creates a user directly on the AWS side, as an admin or another tool would have. */
  async seedUser(body: object): Promise<ScimResource> {
    const response = await this.send('POST', '/Users', body);
    if (response.status !== 201) {
      throw new Error(`seeding a user on the mock answered ${response.status}`);
    }
    return response.body as ScimResource;
  }

  /** All pages of a filtered list, in AWS's cursor mode. */
  private async list(collection: string, filter: string): Promise<ScimResource[]> {
    const found: ScimResource[] = [];
    let cursor = '';
    for (let page = 0; page < 1_000; page += 1) {
      const query = `filter=${encodeURIComponent(filter)}&count=100&cursor=${encodeURIComponent(cursor)}`;
      const response = await this.send('GET', `${collection}?${query}`);
      if (response.status !== 200) {
        throw new Error(`reading ${collection} with ${filter} answered ${response.status}`);
      }
      found.push(...((response.body?.Resources ?? []) as ScimResource[]));
      cursor = typeof response.body?.nextCursor === 'string' ? response.body.nextCursor : '';
      if (cursor === '') return found;
    }
    throw new Error(`reading ${collection} with ${filter}: more than 1,000 pages`);
  }

  private async send(
    method: string,
    path: string,
    body?: object,
  ): Promise<{ status: number; body: JsonBody | undefined }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      'user-agent': 'scim-harness-aws-view',
    };
    if (body) headers['content-type'] = 'application/scim+json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as JsonBody) : undefined };
  }
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
