// Reading group membership: AWS never returns members (AWS-GROUP-GET-NO-MEMBERS), so the AWS
// profile asks with the documented filter; the RFC profile reads the group's members.
import type { CheckContext } from '../../runner/check.ts';
import { ensure, expectStatus } from './expect.ts';

/** The ids, among `userIds`, that are members of the group. */
export async function membersAmong(
  ctx: CheckContext,
  groupId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (ctx.profile === 'rfc7644') {
    const response = await ctx.http.get(`/Groups/${groupId}`);
    expectStatus(response, 200, `GET /Groups/${groupId}`);
    const members = (response.body?.members ?? []) as { value?: string }[];
    const present = new Set(members.map((member) => member.value));
    return userIds.filter((id) => present.has(id));
  }
  const found: string[] = [];
  for (const userId of userIds) {
    const filter = `id eq "${groupId}" and members eq "${userId}"`;
    const response = await ctx.http.get('/Groups', { filter });
    expectStatus(response, 200, `GET /Groups?filter=${filter}`);
    ensure(typeof response.body?.totalResults === 'number', 'membership filter: no totalResults');
    if (response.body.totalResults === 1) found.push(userId);
  }
  return found;
}
