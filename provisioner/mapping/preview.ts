// The mapping preview: the exact SCIM body a create would send for one directory user, which rows
// are create-only, and (aws preset) the pre-flight problems AWS would answer with a 400.
import type Database from 'better-sqlite3';

import { ScimError } from '../../scim/errors.ts';
import { USER_URN } from '../../scim/urns.ts';
import { DEFAULT_AWS_USER_RULES, checkUserRules } from '../../scim/user-rules.ts';
import { getApp } from '../apps/store.ts';
import { requireUser } from '../directory/users.ts';
import type { ScimUserPayload } from '../model.ts';
import { appsForUser } from '../policies.ts';
import { buildPayloads } from './payload.ts';
import { compiledRows } from './rows.ts';

export interface Preview {
  app: string;
  userName: string;
  /** Whether a policy of the app puts the user in scope; the body is shown either way. */
  inScope: boolean;
  /** POST /Users body: every row, plus schemas and active. */
  body: ScimUserPayload;
  /** Targets sent on create only. */
  createOnlyTargets: string[];
  /** Targets left out because their source is empty for this user. */
  emptyTargets: string[];
  /** Reasons the target would refuse this body; empty when none is known. */
  problems: string[];
}

export function previewPayload(db: Database.Database, appName: string, userName: string): Preview {
  const app = getApp(db, appName);
  const user = requireUser(db, userName);
  const rows = compiledRows(db, app);
  const all = buildPayloads(
    rows.map((row) => ({ ...row, applyOn: 'always' as const })),
    user,
  );
  const body = { schemas: schemasFor(all.payload), ...all.payload, active: user.active };
  return {
    app: app.name,
    userName: user.userName,
    inScope: appsForUser(db, user.id).includes(app.name),
    body,
    createOnlyTargets: rows.filter((row) => row.applyOn === 'create').map((row) => row.target),
    emptyTargets: all.empty,
    problems: app.preset === 'aws' ? awsProblems(body, all.empty) : [],
  };
}

/** The schemas a body needs: the core User, plus each extension whose attributes it carries. */
export function schemasFor(payload: ScimUserPayload): string[] {
  return [USER_URN, ...Object.keys(payload).filter((key) => key.startsWith('urn:'))];
}

function awsProblems(body: ScimUserPayload, empty: readonly string[]): string[] {
  const required = ['userName', 'name.givenName', 'name.familyName', 'displayName'];
  const problems = empty
    .filter((target) => required.includes(target) || target.startsWith('emails'))
    .map((target) => `${target} is empty for this user; AWS requires it (AWS-USER-REQUIRED-ATTRS)`);
  try {
    checkUserRules(body, DEFAULT_AWS_USER_RULES);
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    problems.push(`${error.reason ?? error.detail} (${error.behaviour ?? 'AWS rule'})`);
  }
  return problems;
}
