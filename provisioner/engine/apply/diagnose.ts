// AWS answers most refusals with one generic 400 detail. When the client could not tell which
// attribute was at fault, the shared AWS user rules are run over what was sent to name it.
import { DEFAULT_AWS_USER_RULES, checkUserRules } from '../../../scim/user-rules.ts';
import { ScimError } from '../../../scim/errors.ts';
import { TargetError } from '../../client/target-error.ts';
import type { PatchOperation } from '../patch-ops.ts';

/** Returns the error with `attribute` and the rule's reason filled in when a rule explains it. */
export function diagnose(
  error: unknown,
  sent: Record<string, unknown> | PatchOperation[],
): unknown {
  if (!(error instanceof TargetError) || error.status !== 400 || error.attribute) return error;
  const document = Array.isArray(sent)
    ? Object.fromEntries(sent.map((op) => [op.path, op.value]))
    : sent;
  try {
    checkUserRules(document, DEFAULT_AWS_USER_RULES);
  } catch (rule) {
    if (!(rule instanceof ScimError) || !rule.reason) return error;
    const attribute = rule.reason.split(' ')[0];
    return new TargetError({
      ...error,
      detail: `${error.detail} Likely cause: ${rule.reason}`,
      attribute,
      cause: error,
    });
  }
  return error;
}
