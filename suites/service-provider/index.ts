// The service-provider conformance suite: is this SCIM server right, under the `aws` or the
// `rfc7644` profile? Checks are grouped by area, one file each.
import type { Check, SuiteDefinition } from '../runner/check.ts';
import { AUTH_CHECKS } from './auth.ts';
import { CURSOR_CHECKS } from './cursor.ts';
import { DISCOVERY_CHECKS } from './discovery.ts';
import { ERROR_CHECKS } from './errors.ts';
import { FILTER_REFUSAL_CHECKS } from './filter-refusals.ts';
import { FILTER_CHECKS } from './filters.ts';
import { GROUP_CHECKS } from './groups.ts';
import { HTTP_CHECKS } from './http.ts';
import { LIST_CHECKS } from './lists.ts';
import { GROUP_PATCH_REFUSAL_CHECKS } from './patch-group-refusals.ts';
import { GROUP_PATCH_CHECKS } from './patch-group.ts';
import { USER_PATCH_ERROR_CHECKS } from './patch-user-errors.ts';
import { USER_PATCH_CHECKS } from './patch-user.ts';
import { USER_ATTRIBUTE_CHECKS } from './users-attributes.ts';
import { USER_CREATE_CHECKS } from './users-create.ts';
import { USER_LIFECYCLE_CHECKS } from './users-lifecycle.ts';

export const SERVICE_PROVIDER_CHECKS: readonly Check[] = [
  ...DISCOVERY_CHECKS,
  ...AUTH_CHECKS,
  ...HTTP_CHECKS,
  ...USER_CREATE_CHECKS,
  ...USER_ATTRIBUTE_CHECKS,
  ...USER_LIFECYCLE_CHECKS,
  ...USER_PATCH_CHECKS,
  ...USER_PATCH_ERROR_CHECKS,
  ...GROUP_CHECKS,
  ...GROUP_PATCH_CHECKS,
  ...GROUP_PATCH_REFUSAL_CHECKS,
  ...FILTER_CHECKS,
  ...FILTER_REFUSAL_CHECKS,
  ...LIST_CHECKS,
  ...CURSOR_CHECKS,
  ...ERROR_CHECKS,
];

export const SERVICE_PROVIDER_SUITE: SuiteDefinition = {
  name: 'service-provider',
  title: 'service-provider conformance',
  checks: SERVICE_PROVIDER_CHECKS,
};
