// Whole-mapping checks run before a mapping is saved: the preset's required targets are all there,
// and (aws) a multi-valued attribute holds one entry at most.
import { ConfigError, ScimError } from '../../scim/errors.ts';
import { DEFAULT_AWS_USER_RULES, checkUserRules } from '../../scim/user-rules.ts';
import { PRESET_DEFINITIONS } from '../apps/presets.ts';
import type { PresetName } from '../model.ts';
import type { DirectoryUser } from '../directory/users.ts';
import { buildPayloads, type CompiledRow } from './payload.ts';

export function validateMapping(
  appName: string,
  preset: PresetName,
  rows: readonly CompiledRow[],
): void {
  const missing = PRESET_DEFINITIONS[preset].required.filter(
    (required) => !rows.some((row) => required.test(row.target)),
  );
  if (missing.length > 0) {
    const names = missing.map((required) => required.name).join(', ');
    throw new ConfigError(
      `app '${appName}' (preset ${preset}) needs a mapping for ${names}: the target refuses ` +
        'users without it (AWS-USER-REQUIRED-ATTRS). Keep or set that row, e.g. ' +
        `\`app mapping ${appName} set name.givenName user.firstName\`.`,
    );
  }
  if (preset === 'aws') {
    refuseSecondEntries(appName, rows);
    checkConstants(appName, rows);
  }
}

/** Pre-flight at save time: a constant AWS would refuse for every user is refused now. */
function checkConstants(appName: string, rows: readonly CompiledRow[]): void {
  const constants = rows.filter((row) => row.source.kind === 'constant');
  const { payload, createOnly } = buildPayloads(constants, BLANK_USER);
  const rules = { ...DEFAULT_AWS_USER_RULES, requireEmail: false, reservedNames: [] };
  try {
    checkUserRules(payload, rules);
    checkUserRules(createOnly, rules);
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    throw new ConfigError(
      `app '${appName}': a constant would be refused by AWS for every user: ` +
        `${error.reason ?? error.detail} (${error.behaviour ?? 'AWS rule'}).`,
    );
  }
}

const BLANK_USER: DirectoryUser = {
  id: '',
  userName: '',
  firstName: '',
  lastName: '',
  displayName: '',
  email: '',
  active: true,
  attributes: {},
  source: 'local',
};

// AWS-USER-SINGLE-VALUED: emails, phoneNumbers, addresses and roles hold one element at most.
function refuseSecondEntries(appName: string, rows: readonly CompiledRow[]): void {
  const typeByAttribute = new Map<string, string | undefined>();
  for (const { path, target } of rows) {
    if (!path.multiValued) continue;
    if (
      typeByAttribute.has(path.attribute) &&
      typeByAttribute.get(path.attribute) !== path.entryType
    ) {
      throw new ConfigError(
        `app '${appName}': '${target}' would add a second ${path.attribute} entry; AWS accepts ` +
          `one (AWS-USER-SINGLE-VALUED). To move it, set the new row with --replace OLD_TARGET.`,
      );
    }
    typeByAttribute.set(path.attribute, path.entryType);
  }
}
