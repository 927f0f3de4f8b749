// App presets: what `--preset aws|scim2` brings — default features, default mapping, and the
// targets a mapping must keep.
import type { AppFeatures, PresetName } from '../model.ts';
import type { ApplyOn } from '../mapping/payload.ts';

export const PRESETS: readonly PresetName[] = ['aws', 'scim2'];

export interface DefaultRow {
  target: string;
  source: string;
  applyOn: ApplyOn;
}

export interface Preset {
  features: AppFeatures;
  mapping: readonly DefaultRow[];
  /** Targets every mapping must have, each with the accepted paths (any one will do). */
  required: readonly { name: string; test: (target: string) => boolean }[];
}

// Deactivate rather than delete: AWS gives a re-created user a new id (AWS-USER-NEW-ID-ON-RECREATE).
const FEATURES: AppFeatures = {
  createUsers: true,
  updateUsers: true,
  deactivateUsers: true,
  deleteUsers: false,
  pushGroups: true,
  groupMembership: true,
  import: false,
};

// externalId carries the directory's immutable id, as AWS advises for matching.
const MAPPING: readonly DefaultRow[] = [
  { target: 'userName', source: 'user.userName', applyOn: 'always' },
  { target: 'name.givenName', source: 'user.firstName', applyOn: 'always' },
  { target: 'name.familyName', source: 'user.lastName', applyOn: 'always' },
  { target: 'displayName', source: 'user.displayName', applyOn: 'always' },
  { target: 'emails[type eq "work"].value', source: 'user.email', applyOn: 'always' },
  { target: 'externalId', source: 'user.id', applyOn: 'always' },
];

const exactly = (name: string) => ({ name, test: (target: string) => target === name });

export const PRESET_DEFINITIONS: Readonly<Record<PresetName, Preset>> = {
  aws: {
    features: FEATURES,
    mapping: MAPPING,
    // AWS-USER-REQUIRED-ATTRS and AWS-USER-REQUIRED-EMAIL.
    required: [
      exactly('userName'),
      exactly('name.givenName'),
      exactly('name.familyName'),
      exactly('displayName'),
      { name: 'emails (e.g. emails[type eq "work"].value)', test: isEmailValue },
    ],
  },
  scim2: { features: FEATURES, mapping: MAPPING, required: [exactly('userName')] },
};

function isEmailValue(target: string): boolean {
  return /^emails(\[[^\]]*\])?\.value$/.test(target);
}
