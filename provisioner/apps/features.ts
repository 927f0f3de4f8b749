// Provisioning feature names as the CLI writes them (`create-users,push-groups`) and their toggles.
import { ConfigError } from '../../scim/errors.ts';
import type { AppFeatures } from '../model.ts';

export type FeatureName = keyof AppFeatures;

export const FEATURE_FLAGS: Readonly<Record<string, FeatureName>> = {
  'create-users': 'createUsers',
  'update-users': 'updateUsers',
  'deactivate-users': 'deactivateUsers',
  'delete-users': 'deleteUsers',
  'push-groups': 'pushGroups',
  'group-membership': 'groupMembership',
  import: 'import',
};

export function featureFlag(name: FeatureName): string {
  return Object.keys(FEATURE_FLAGS).find((flag) => FEATURE_FLAGS[flag] === name)!;
}

/** Parses `create-users, push-groups` (kebab or camel case) into feature names. */
export function parseFeatureList(list: string | readonly string[]): FeatureName[] {
  const items = (typeof list === 'string' ? list.split(',') : list.flatMap((x) => x.split(',')))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.map((item) => {
    const kebab = item.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    const name = FEATURE_FLAGS[kebab];
    if (!name) {
      throw new ConfigError(
        `unknown feature '${item}'; features are ${Object.keys(FEATURE_FLAGS).join(', ')}.`,
      );
    }
    return name;
  });
}

export function applyToggles(
  features: AppFeatures,
  enable: readonly FeatureName[],
  disable: readonly FeatureName[],
): AppFeatures {
  const both = enable.filter((name) => disable.includes(name));
  if (both.length > 0) {
    throw new ConfigError(
      `feature ${both.map(featureFlag).join(', ')} is both enabled and disabled.`,
    );
  }
  const next = { ...features };
  enable.forEach((name) => (next[name] = true));
  disable.forEach((name) => (next[name] = false));
  return next;
}
