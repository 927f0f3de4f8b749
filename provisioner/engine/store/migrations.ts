// The engine's tables in the state DB (ids 100–199): what was pushed to each app, write-ahead
// intents for crash safety, and the audit log of every request sent.

export const engineTables = {
  id: 100,
  name: 'engine tables: pushed users, groups and members, intents, audit log',
  sql: `
CREATE TABLE engine_users (
  app          TEXT NOT NULL,
  key          TEXT NOT NULL,
  remote_id    TEXT NOT NULL,
  user_name    TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('created', 'adopted')),
  hash         TEXT NOT NULL,
  attrs        TEXT NOT NULL,
  active       INTEGER NOT NULL CHECK (active IN (0, 1)),
  delete_after TEXT,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (app, key)
);
CREATE UNIQUE INDEX engine_users_remote ON engine_users (app, remote_id);

CREATE TABLE engine_groups (
  app          TEXT NOT NULL,
  key          TEXT NOT NULL,
  remote_id    TEXT NOT NULL,
  display_name TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('created', 'adopted')),
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (app, key)
);
CREATE UNIQUE INDEX engine_groups_remote ON engine_groups (app, remote_id);

CREATE TABLE engine_members (
  app       TEXT NOT NULL,
  group_key TEXT NOT NULL,
  user_key  TEXT NOT NULL,
  PRIMARY KEY (app, group_key, user_key)
);
CREATE INDEX engine_members_by_user ON engine_members (app, user_key);

CREATE TABLE engine_intents (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  app        TEXT NOT NULL,
  kind       TEXT NOT NULL,
  object_key TEXT NOT NULL,
  detail     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX engine_intents_by_app ON engine_intents (app);

CREATE TABLE engine_audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  app         TEXT NOT NULL,
  operation   TEXT NOT NULL,
  subject     TEXT,
  method      TEXT NOT NULL,
  path        TEXT NOT NULL,
  status      INTEGER NOT NULL,
  result      TEXT NOT NULL,
  attempt     INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  request_id  TEXT,
  detail      TEXT
);
CREATE INDEX engine_audit_by_app ON engine_audit (app, id);
`,
};

/** Needs migration 2's `changes` table: each app's place in the change feed. */
export const engineWatermarks = {
  id: 101,
  name: 'engine watermarks: the last change sequence each app was fully synced to',
  sql: `
CREATE TABLE engine_watermarks (
  app        TEXT PRIMARY KEY,
  seq        INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
-- Users whose deletion falls due with time alone, without any directory change.
CREATE INDEX engine_users_delete_after ON engine_users (app, delete_after)
  WHERE delete_after IS NOT NULL;
`,
};

/** An incremental sync counts the users it created (the deprovisioning guard) from this index. */
export const engineUsersByOrigin = {
  id: 102,
  name: 'engine users by origin: count created users without reading their rows',
  sql: 'CREATE INDEX engine_users_by_origin ON engine_users (app, origin);',
};

export const ENGINE_MIGRATIONS = [engineTables, engineWatermarks, engineUsersByOrigin];
