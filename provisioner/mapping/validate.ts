// Whole-mapping checks run before a mapping is saved: the preset's required targets are all there,
// and (aws) a multi-valued attribute holds one entry at most.
import { ConfigError } from '../../scim/errors.ts';
import { PRESET_DEFINITIONS } from '../apps/presets.ts';
import type { PresetName } from '../model.ts';
import type { CompiledRow } from './payload.ts';

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
  if (preset === 'aws') refuseSecondEntries(appName, rows);
}

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
