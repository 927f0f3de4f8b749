// One app's connection to the engine's state and its target: the pushed store, the intent log,
// the audit log, and a SCIM client whose every attempt is audited and counted.
import type Database from 'better-sqlite3';

import { ScimClient } from '../client/scim-client.ts';
import type { AppConfig } from '../model.ts';
import { AuditLog } from './store/audit-log.ts';
import { IntentLog } from './store/intents.ts';
import { PushedStore } from './store/pushed-store.ts';

export interface Traffic {
  requests: number;
  reads: number;
  writes: number;
}

export interface Session {
  client: ScimClient;
  store: PushedStore;
  intents: IntentLog;
  traffic: Traffic;
}

export function openSession(db: Database.Database, app: AppConfig): Session {
  // WAL with synchronous NORMAL survives a killed process (only power loss can drop the tail),
  // and keeps one commit per write cheap enough for 10,000-user runs.
  db.pragma('synchronous = NORMAL');
  const audit = new AuditLog(db, app.name);
  const traffic: Traffic = { requests: 0, reads: 0, writes: 0 };
  const client = new ScimClient({
    baseUrl: app.endpoint,
    token: app.token,
    concurrency: app.concurrency,
    onAttempt: (attempt) => {
      traffic.requests += 1;
      if (attempt.method === 'GET') traffic.reads += 1;
      else traffic.writes += 1;
      audit.record(attempt);
    },
  });
  return {
    client,
    store: new PushedStore(db, app.name),
    intents: new IntentLog(db, app.name),
    traffic,
  };
}
