// Resolves the intents a killed run left behind, before anything is planned: a create whose
// answer never came is looked up on the target and, when found, recorded as created here.
// Other writes are idempotent and are simply planned again. A run killed early can leave
// thousands of create intents behind (every create it had planned); past the same threshold as
// the plan's matching, the target is read once instead of looked up per intent.
import type { ScimClient } from '../client/scim-client.ts';
import type { Attributes } from './attributes.ts';
import { BULK_MATCH_THRESHOLD, TargetIndex } from './apply/target-index.ts';
import type { IntentLog } from './store/intents.ts';
import type { PushedStore } from './store/pushed-store.ts';

export interface Recovery {
  resolved: number;
  linked: number;
}

/** Throws (a TargetError) when a lookup fails: the run must not plan on an unknown state. */
export async function recoverIntents(
  client: ScimClient,
  store: PushedStore,
  intents: IntentLog,
): Promise<Recovery> {
  const index = new TargetIndex(client);
  const result: Recovery = { resolved: 0, linked: 0 };
  const pending = intents.pending();
  // A read taken now is as fresh as a lookup: nothing is written before recovery ends. When the
  // read is capped (incomplete), the index answers by lookups, as for a few intents.
  const count = (kind: string) => pending.filter((intent) => intent.kind === kind).length;
  const bulkUsers = count('create-user') > BULK_MATCH_THRESHOLD;
  const bulkGroups = count('create-group') > BULK_MATCH_THRESHOLD;
  if (bulkUsers) await index.preloadUsers();
  if (bulkGroups) await index.preloadGroups();
  for (const intent of pending) {
    const detail = intent.detail;
    if (intent.kind === 'create-user') {
      const found = await index.findUser(String(detail.userName), detail.externalId, !bulkUsers);
      if (found) {
        store.saveUser({
          key: intent.objectKey,
          remoteId: found.id,
          userName: String(detail.userName),
          origin: 'created',
          hash: String(detail.hash),
          attrs: detail.attrs as Attributes,
          active: true,
          deleteAfter: null,
        });
        result.linked += 1;
      }
    } else if (intent.kind === 'create-group') {
      const found = await index.findGroup(String(detail.displayName), !bulkGroups);
      if (found) {
        store.saveGroup({
          key: intent.objectKey,
          remoteId: found.id,
          displayName: String(detail.displayName),
          origin: 'created',
        });
        result.linked += 1;
      }
    }
    intents.close(intent.id);
    result.resolved += 1;
  }
  return result;
}
