import { statSync } from 'node:fs';
import { resolve } from 'node:path';

import { expect } from 'chai';

import { openStateDb, resolveStatePath } from '../../../provisioner/state/db.ts';
import { MIGRATIONS, runMigrations } from '../../../provisioner/state/migrations/index.ts';
import { openTempState, type TempState } from './temp-state.ts';

describe('provisioner/state/db', () => {
  let state: TempState;
  const savedEnv = process.env.SCIM_HARNESS_STATE;

  beforeEach(() => {
    state = openTempState();
  });
  afterEach(() => {
    state.cleanup();
    if (savedEnv === undefined) delete process.env.SCIM_HARNESS_STATE;
    else process.env.SCIM_HARNESS_STATE = savedEnv;
  });

  it('resolves the argument first, then $SCIM_HARNESS_STATE, then .scim-harness/state.db', () => {
    process.env.SCIM_HARNESS_STATE = '/tmp/from-env.db';
    expect(resolveStatePath('given.db')).to.equal(resolve('given.db'));
    expect(resolveStatePath()).to.equal('/tmp/from-env.db');
    delete process.env.SCIM_HARNESS_STATE;
    expect(resolveStatePath()).to.equal(resolve('.scim-harness/state.db'));
  });

  it('creates the directory 0700 and the file 0600, and keeps WAL files private too', () => {
    state.db
      .prepare('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)')
      .run('g', 'G', 'x');
    expect(statSync(resolve(state.path, '..')).mode & 0o777).to.equal(0o700);
    expect(statSync(state.path).mode & 0o777).to.equal(0o600);
    expect(statSync(`${state.path}-wal`).mode & 0o777).to.equal(0o600);
  });

  it('turns on WAL and foreign keys', () => {
    expect(state.db.pragma('journal_mode', { simple: true })).to.equal('wal');
    expect(state.db.pragma('foreign_keys', { simple: true })).to.equal(1);
  });

  it('records each migration once and runs none again on reopen', () => {
    const ids = state.db.prepare('SELECT id FROM schema_migrations').pluck().all();
    expect(ids).to.deep.equal(MIGRATIONS.map((migration) => migration.id));
    state.db.close();
    const again = openStateDb(state.path);
    expect(runMigrations(again)).to.deep.equal([]);
    again.close();
  });

  it('runs appended migrations in id order and rolls back a failing one', () => {
    const extra = [
      { id: 901, name: 'second', sql: 'CREATE TABLE t2 (x REFERENCES t1 (x))' },
      { id: 900, name: 'first', sql: 'CREATE TABLE t1 (x PRIMARY KEY)' },
    ];
    expect(runMigrations(state.db, [...MIGRATIONS, ...extra])).to.deep.equal([900, 901]);
    const broken = { id: 902, name: 'broken', sql: 'CREATE TABLE t3 (x); CREATE TABLE t1 (y)' };
    expect(() => runMigrations(state.db, [broken])).to.throw(/already exists/);
    const t3 = state.db.prepare("SELECT name FROM sqlite_master WHERE name = 't3'").get();
    expect(t3).to.equal(undefined);
  });

  it('refuses two migrations with the same id', () => {
    const twice = [
      { id: 5, name: 'a', sql: '' },
      { id: 5, name: 'b', sql: '' },
    ];
    expect(() => runMigrations(state.db, twice)).to.throw(/share id 5/);
  });
});
