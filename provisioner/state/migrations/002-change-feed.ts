// Migration 2: the change feed. Triggers on every configuration table append one row per written
// row to `changes`, so no writer can skip it; syncs read it past their app's watermark.

/** Tables whose rows belong to one directory user: a change there is that user's change. */
const USER_SCOPED: Record<string, string> = {
  users: 'id',
  user_attributes: 'user_id',
  group_members: 'user_id',
};

/** Everything else an app's desired state depends on: a change there is everyone's change. */
const SHARED = ['groups', 'apps', 'mapping_rows', 'policies', 'policy_groups'];

function userTriggers(table: string, column: string): string {
  // UNION drops the duplicate when an update leaves the user column as it was.
  return `
CREATE TRIGGER ${table}_feed_insert AFTER INSERT ON ${table}
BEGIN INSERT INTO changes (user_id) VALUES (NEW.${column}); END;
CREATE TRIGGER ${table}_feed_update AFTER UPDATE ON ${table}
BEGIN INSERT INTO changes (user_id) SELECT OLD.${column} UNION SELECT NEW.${column}; END;
CREATE TRIGGER ${table}_feed_delete AFTER DELETE ON ${table}
BEGIN INSERT INTO changes (user_id) VALUES (OLD.${column}); END;`;
}

function sharedTriggers(table: string): string {
  return ['INSERT', 'UPDATE', 'DELETE']
    .map(
      (event) => `
CREATE TRIGGER ${table}_feed_${event.toLowerCase()} AFTER ${event} ON ${table}
BEGIN INSERT INTO changes (user_id) VALUES (NULL); END;`,
    )
    .join('');
}

export const changeFeed = {
  id: 2,
  name: 'change feed: a sequence number for every directory, app, mapping and policy change',
  sql: `
-- user_id NULL: not about one user (mapping, policy, app, group), so syncs take the full path.
-- AUTOINCREMENT: a sequence number is never reused after old rows are pruned.
CREATE TABLE changes (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT
);
${Object.entries(USER_SCOPED)
  .map(([table, column]) => userTriggers(table, column))
  .join('\n')}
${SHARED.map(sharedTriggers).join('\n')}
`,
};
