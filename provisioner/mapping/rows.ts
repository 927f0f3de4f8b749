// An app's mapping rows in the state DB: list, set, unset and reset, each checked as a whole
// before it is saved.
import type Database from 'better-sqlite3';

import { ConfigError } from '../../scim/errors.ts';
import { PRESET_DEFINITIONS } from '../apps/presets.ts';
import type { PresetName } from '../model.ts';
import { formatExpression, parseExpression, sourceKind, type SourceKind } from './expression.ts';
import type { ApplyOn, CompiledRow } from './payload.ts';
import { formatTarget, parseTarget } from './target-path.ts';
import { validateMapping } from './validate.ts';

export interface MappingRow {
  target: string;
  source: string;
  kind: SourceKind;
  applyOn: ApplyOn;
}

export interface MappedApp {
  name: string;
  preset: PresetName;
}

interface RowRecord {
  target: string;
  source: string;
  apply_on: ApplyOn;
}

export function listRows(db: Database.Database, appName: string): MappingRow[] {
  return readRecords(db, appName).map((record) => ({
    target: record.target,
    source: record.source,
    kind: sourceKind(parseExpression(record.source)),
    applyOn: record.apply_on,
  }));
}

export function compiledRows(db: Database.Database, app: MappedApp): CompiledRow[] {
  return readRecords(db, app.name).map((record) =>
    compile(app.preset, record.target, record.source, record.apply_on),
  );
}

/**
 * Adds the row, or replaces the one with the same target (keeping its place). `replaces` names
 * another row to swap out in the same step, e.g. moving a required email to another type.
 */
export function setRow(
  db: Database.Database,
  app: MappedApp,
  target: string,
  source: string,
  options: { applyOn?: ApplyOn; replaces?: string } = {},
): MappingRow {
  const row = compile(app.preset, target, source, checkApplyOn(options.applyOn ?? 'always'));
  let rows = compiledRows(db, app);
  if (options.replaces !== undefined) {
    const old = requireRowIndex(rows, app, options.replaces);
    rows[old] = row;
    rows = rows.filter((existing, index) => index === old || existing.target !== row.target);
  } else {
    const at = rows.findIndex((existing) => existing.target === row.target);
    if (at >= 0) rows[at] = row;
    else rows.push(row);
  }
  validateMapping(app.name, app.preset, rows);
  writeRows(db, app.name, rows);
  const text = formatExpression(row.source);
  return { target: row.target, source: text, kind: sourceKind(row.source), applyOn: row.applyOn };
}

export function unsetRow(db: Database.Database, app: MappedApp, target: string): void {
  const rows = compiledRows(db, app);
  const at = requireRowIndex(rows, app, target);
  const rest = rows.filter((_, index) => index !== at);
  validateMapping(app.name, app.preset, rest);
  writeRows(db, app.name, rest);
}

function requireRowIndex(rows: readonly CompiledRow[], app: MappedApp, target: string): number {
  const canonical = formatTarget(parseTarget(target, app.preset));
  const at = rows.findIndex((row) => row.target === canonical);
  if (at < 0) throw new ConfigError(`app '${app.name}' has no mapping row for '${canonical}'.`);
  return at;
}

/** Replaces every row with the preset's default mapping. */
export function resetRows(db: Database.Database, app: MappedApp): void {
  const rows = PRESET_DEFINITIONS[app.preset].mapping.map((row) =>
    compile(app.preset, row.target, row.source, row.applyOn),
  );
  validateMapping(app.name, app.preset, rows);
  writeRows(db, app.name, rows);
}

function compile(
  preset: PresetName,
  target: string,
  source: string,
  applyOn: ApplyOn,
): CompiledRow {
  const path = parseTarget(target, preset);
  return { target: formatTarget(path), path, source: parseExpression(source), applyOn };
}

function checkApplyOn(applyOn: string): ApplyOn {
  if (applyOn !== 'create' && applyOn !== 'always') {
    throw new ConfigError(`--on '${applyOn}' is not valid; use create or always.`);
  }
  return applyOn;
}

function readRecords(db: Database.Database, appName: string): RowRecord[] {
  return db
    .prepare(
      'SELECT target, source, apply_on FROM mapping_rows WHERE app_name = ? ORDER BY position',
    )
    .all(appName) as RowRecord[];
}

function writeRows(db: Database.Database, appName: string, rows: readonly CompiledRow[]): void {
  const insert = db.prepare(
    `INSERT INTO mapping_rows (app_name, target, source, apply_on, position)
     VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM mapping_rows WHERE app_name = ?').run(appName);
    rows.forEach((row, position) =>
      insert.run(appName, row.target, formatExpression(row.source), row.applyOn, position),
    );
  })();
}
