// Migration 1: the configuration side's tables (directory, apps, mapping rows, policies).
// Names are COLLATE NOCASE because AWS treats userName and group displayName case-insensitively.

export const configurationTables = {
  id: 1,
  name: 'configuration tables: users, groups, apps, mapping rows, policies',
  sql: `
CREATE TABLE users (
  id           TEXT PRIMARY KEY,
  user_name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
  first_name   TEXT NOT NULL,
  last_name    TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email        TEXT NOT NULL,
  phone        TEXT,
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  source       TEXT NOT NULL DEFAULT 'local',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE user_attributes (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);

CREATE TABLE groups (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  source     TEXT NOT NULL DEFAULT 'local',
  created_at TEXT NOT NULL
);

CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE apps (
  name                    TEXT PRIMARY KEY COLLATE NOCASE,
  preset                  TEXT NOT NULL CHECK (preset IN ('aws', 'scim2')),
  endpoint                TEXT NOT NULL,
  token                   TEXT NOT NULL,
  features                TEXT NOT NULL,
  deprovision_mode        TEXT NOT NULL DEFAULT 'deactivate'
                          CHECK (deprovision_mode IN ('deactivate', 'delete')),
  grace_days              INTEGER NOT NULL DEFAULT 0 CHECK (grace_days >= 0),
  max_deprovision_share   REAL NOT NULL DEFAULT 0.2
                          CHECK (max_deprovision_share >= 0 AND max_deprovision_share <= 1),
  concurrency             INTEGER NOT NULL DEFAULT 4 CHECK (concurrency >= 1),
  created_at              TEXT NOT NULL
);

CREATE TABLE mapping_rows (
  app_name TEXT NOT NULL REFERENCES apps (name) ON DELETE CASCADE ON UPDATE CASCADE,
  target   TEXT NOT NULL,
  source   TEXT NOT NULL,
  apply_on TEXT NOT NULL CHECK (apply_on IN ('create', 'always')),
  position INTEGER NOT NULL,
  PRIMARY KEY (app_name, target)
);

CREATE TABLE policies (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  app_name     TEXT NOT NULL REFERENCES apps (name) ON DELETE CASCADE ON UPDATE CASCADE,
  login_method TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX policies_by_app ON policies (app_name);

CREATE TABLE policy_groups (
  policy_id INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
  group_id  TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  PRIMARY KEY (policy_id, group_id)
);
CREATE INDEX policy_groups_by_group ON policy_groups (group_id);
`,
};
