// Apps in the state DB: the SCIM targets users are provisioned into, created from a preset.
import type Database from 'better-sqlite3';

import { ConfigError } from '../../scim/errors.ts';
import { resetRows } from '../mapping/rows.ts';
import type { AppConfig, AppFeatures, DeprovisionPolicy, PresetName } from '../model.ts';
import { applyToggles, type FeatureName } from './features.ts';
import { PRESET_DEFINITIONS } from './presets.ts';
import {
  checkAppConfig,
  checkAppName,
  checkEndpoint,
  checkPreset,
  checkToken,
} from './settings.ts';

export interface NewApp {
  name: string;
  preset: PresetName;
  endpoint: string;
  token: string;
  features?: Partial<AppFeatures>;
  deprovision?: Partial<DeprovisionPolicy>;
  maxDeprovisionShare?: number;
  concurrency?: number;
}

export interface AppChanges {
  endpoint?: string;
  token?: string;
  deprovision?: Partial<DeprovisionPolicy>;
  maxDeprovisionShare?: number;
  concurrency?: number;
}

interface AppRow {
  name: string;
  preset: PresetName;
  endpoint: string;
  token: string;
  features: string;
  deprovision_mode: DeprovisionPolicy['mode'];
  grace_days: number;
  max_deprovision_share: number;
  concurrency: number;
}

/** Creates the app with its preset's features and default mapping. */
export function createApp(db: Database.Database, input: NewApp): AppConfig {
  const preset = checkPreset(input.preset);
  const name = checkAppName(input.name);
  const features = { ...PRESET_DEFINITIONS[preset].features, ...input.features };
  // Asking for delete-mode deprovisioning is asking for the delete feature too.
  if (input.deprovision?.mode === 'delete') features.deleteUsers = true;
  const app = checkAppConfig({
    name,
    preset,
    endpoint: checkEndpoint(input.endpoint),
    token: checkToken(input.token),
    features,
    deprovision: { mode: 'deactivate', graceDays: 0, ...input.deprovision },
    maxDeprovisionShare: input.maxDeprovisionShare ?? 0.2,
    concurrency: input.concurrency ?? 4,
  });
  if (findApp(db, name)) throw new ConfigError(`app '${name}' already exists (names ignore case).`);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO apps (name, preset, endpoint, token, features, deprovision_mode, grace_days,
         max_deprovision_share, concurrency, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...appValues(app), new Date().toISOString());
    resetRows(db, app);
  })();
  return app;
}

export function updateApp(db: Database.Database, name: string, changes: AppChanges): AppConfig {
  const app = getApp(db, name);
  // As on create: asking for delete-mode deprovisioning is asking for the delete feature too.
  const features =
    changes.deprovision?.mode === 'delete' ? { ...app.features, deleteUsers: true } : app.features;
  const next = checkAppConfig({
    ...app,
    features,
    endpoint: changes.endpoint === undefined ? app.endpoint : checkEndpoint(changes.endpoint),
    token: changes.token === undefined ? app.token : checkToken(changes.token),
    deprovision: { ...app.deprovision, ...changes.deprovision },
    maxDeprovisionShare: changes.maxDeprovisionShare ?? app.maxDeprovisionShare,
    concurrency: changes.concurrency ?? app.concurrency,
  });
  save(db, next);
  return next;
}

export function setFeatures(
  db: Database.Database,
  name: string,
  enable: readonly FeatureName[],
  disable: readonly FeatureName[],
): AppConfig {
  const app = getApp(db, name);
  const next = checkAppConfig({ ...app, features: applyToggles(app.features, enable, disable) });
  save(db, next);
  return next;
}

/** Removes the app with its mapping and policies. What it pushed stays on the target. */
export function deleteApp(db: Database.Database, name: string): AppConfig {
  const app = getApp(db, name);
  db.prepare('DELETE FROM apps WHERE name = ?').run(app.name);
  return app;
}

export function getApp(db: Database.Database, name: string): AppConfig {
  const app = findApp(db, name);
  if (!app) throw new ConfigError(`app '${name}' does not exist; see \`app list\`.`);
  return app;
}

export function findApp(db: Database.Database, name: string): AppConfig | undefined {
  const row = db.prepare('SELECT * FROM apps WHERE name = ?').get(name) as AppRow | undefined;
  return row && toApp(row);
}

export function listApps(db: Database.Database): AppConfig[] {
  return (db.prepare('SELECT * FROM apps ORDER BY name').all() as AppRow[]).map(toApp);
}

function save(db: Database.Database, app: AppConfig): void {
  db.prepare(
    `UPDATE apps SET preset = ?, endpoint = ?, token = ?, features = ?, deprovision_mode = ?,
       grace_days = ?, max_deprovision_share = ?, concurrency = ? WHERE name = ?`,
  ).run(...appValues(app).slice(1), app.name);
}

function appValues(app: AppConfig): (string | number)[] {
  return [
    app.name,
    app.preset,
    app.endpoint,
    app.token,
    JSON.stringify(app.features),
    app.deprovision.mode,
    app.deprovision.graceDays,
    app.maxDeprovisionShare,
    app.concurrency,
  ];
}

function toApp(row: AppRow): AppConfig {
  return {
    name: row.name,
    preset: row.preset,
    endpoint: row.endpoint,
    token: row.token,
    // Stored features over the preset's, so a feature added later gets its default.
    features: {
      ...PRESET_DEFINITIONS[row.preset].features,
      ...(JSON.parse(row.features) as object),
    },
    deprovision: { mode: row.deprovision_mode, graceDays: row.grace_days },
    maxDeprovisionShare: row.max_deprovision_share,
    concurrency: row.concurrency,
  };
}
