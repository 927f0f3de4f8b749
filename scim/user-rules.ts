// AWS's user rules that depend on settings (email, lengths, reserved names, control and forbidden
// characters): the mock applies them after the schema, the provisioner as a pre-flight check.
import { ScimError } from './errors.ts';

export interface UserRules {
  /** AWS-USER-REQUIRED-EMAIL: a user needs one email with a value. */
  requireEmail: boolean;
  /** AWS-USER-PRIMARY-EMAIL: true also refuses an email that omits `primary`. */
  requirePrimaryEmail: boolean;
  /** AWS-USER-LENGTH-LIMITS: userName is 1..this many characters. */
  maxUserNameLength: number;
  /** AWS-USER-LENGTH-LIMITS: every other string is at most this many characters. */
  maxStringLength: number;
  /** AWS-USER-RESERVED-NAMES: userNames refused, compared case-insensitively. */
  reservedNames: string[];
  /** AWS-USER-FORBIDDEN-CHARS: characters refused in attribute values; '' turns the rule off. */
  forbiddenCharacters: string;
}

/** The rules of today's endpoint, as the `aws` profile of the mock sets them. */
export const DEFAULT_AWS_USER_RULES: Readonly<UserRules> = Object.freeze({
  requireEmail: true,
  requirePrimaryEmail: false,
  maxUserNameLength: 128,
  maxStringLength: 1024,
  reservedNames: ['Administrator', 'AWSAdministrators'],
  forbiddenCharacters: '<>;:%',
});

// The required attributes that AWS also refuses as empty strings.
const REQUIRED_STRINGS = ['userName', 'displayName', 'name.givenName', 'name.familyName'];
// Protocol values, not user attributes: the length limits do not apply to them.
const READ_ONLY = /^(?:schemas|id|meta)(?:$|[.[])/;
// Exempt from AWS-USER-FORBIDDEN-CHARS: URIs (profileUrl and every $ref are RFC 7643 `reference`
// attributes, so `:` and `%` are their syntax) and protocol data the server owns, not user data.
const FORBIDDEN_EXEMPT = /^(?:schemas|id|meta|profileUrl)(?:$|[.[])|(?:^|\.)\$ref$/;

/**
 * Throws the generic 400, naming the attribute, for the first AWS user rule the user breaks.
 * Expects a body the User schema accepted (or a user the provisioner built to that shape).
 * @throws ScimError with behaviour AWS-USER-CONTROL-CHARS, AWS-USER-FORBIDDEN-CHARS,
 *   AWS-USER-LENGTH-LIMITS, AWS-USER-RESERVED-NAMES, AWS-USER-REQUIRED-EMAIL or
 *   AWS-USER-PRIMARY-EMAIL.
 */
export function checkUserRules(user: object, rules: UserRules): void {
  const strings = stringsIn(user, '');
  checkControlCharacters(strings);
  checkForbiddenInUser(strings, rules.forbiddenCharacters);
  checkLengths(strings, rules);
  checkReservedName((user as { userName?: unknown }).userName, rules.reservedNames);
  checkEmail((user as { emails?: unknown }).emails, rules);
}

interface StringAt {
  path: string;
  value: string;
}

/** Every string in a JSON document, with its path as `emails[0].value` or `name.givenName`. */
function stringsIn(value: unknown, path: string, found: StringAt[] = []): StringAt[] {
  if (typeof value === 'string') {
    found.push({ path, value });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => stringsIn(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      stringsIn(item, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

function checkControlCharacters(strings: StringAt[]): void {
  for (const { path, value } of strings) {
    const index = controlCharacterIndex(value);
    if (index === -1) continue;
    const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
    throw ScimError.invalid(
      `${path} holds the control character U+${code} at index ${index}; ` +
        'AWS refuses tabs, newlines and other control characters in user attributes',
      'AWS-USER-CONTROL-CHARS',
    );
  }
}

// U+0000–U+001F and U+007F; a loop rather than a regex so the range needs no escape tricks.
function controlCharacterIndex(value: string): number {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code <= 0x1f || code === 0x7f) return index;
  }
  return -1;
}

function checkForbiddenInUser(strings: StringAt[], forbidden: string): void {
  if (forbidden === '') return;
  for (const { path, value } of strings) {
    if (!FORBIDDEN_EXEMPT.test(path)) checkForbiddenCharacters(path, value, forbidden);
  }
}

/**
 * AWS-USER-FORBIDDEN-CHARS: refuses a value holding one of `forbidden` (users and groups). AWS's
 * Okta guide bars `<>;:%` from synced attributes; AWS answers them with its generic 400.
 * @throws ScimError naming the attribute path, the character, its index and the setting.
 */
export function checkForbiddenCharacters(path: string, value: string, forbidden: string): void {
  if (forbidden === '') return;
  const found = forbiddenPattern(forbidden).exec(value);
  if (!found) return;
  throw ScimError.invalid(
    `${path} holds the character '${found[0]}' at index ${found.index}; AWS refuses ${forbidden} ` +
      'in synced attributes (forbiddenCharacters)',
    'AWS-USER-FORBIDDEN-CHARS',
  );
}

// One compiled class per setting value: the rule runs on every string of every write.
const forbiddenPatterns = new Map<string, RegExp>();

function forbiddenPattern(forbidden: string): RegExp {
  let pattern = forbiddenPatterns.get(forbidden);
  if (!pattern) {
    // Inside a class only \, ], [, ^ and - are special; `u` keeps astral characters whole.
    pattern = new RegExp(`[${forbidden.replace(/[\\\][^-]/g, '\\$&')}]`, 'u');
    forbiddenPatterns.set(forbidden, pattern);
  }
  return pattern;
}

function checkLengths(strings: StringAt[], rules: UserRules): void {
  for (const { path, value } of strings) {
    if (READ_ONLY.test(path)) continue;
    if (REQUIRED_STRINGS.includes(path) && value.length === 0) {
      throw lengthError(`${path} is empty; AWS needs at least 1 character`);
    }
    const limit = path === 'userName' ? rules.maxUserNameLength : rules.maxStringLength;
    // Characters are counted as code points; the UTF-16 length is an upper bound, so cheap first.
    if (value.length <= limit) continue;
    const length = [...value].length;
    if (length > limit) {
      throw lengthError(`${path} is ${length} characters long; AWS allows at most ${limit}`);
    }
  }
}

function lengthError(reason: string): ScimError {
  return ScimError.invalid(reason, 'AWS-USER-LENGTH-LIMITS');
}

/** The reserved name that `value` matches case-insensitively, if any (users and groups). */
export function findReservedName(value: unknown, reservedNames: string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = value.toLowerCase();
  return reservedNames.find((name) => name.toLowerCase() === folded);
}

function checkReservedName(userName: unknown, reservedNames: string[]): void {
  const reserved = findReservedName(userName, reservedNames);
  if (reserved === undefined) return;
  throw ScimError.invalid(
    `userName '${String(userName)}' is reserved by AWS (matches '${reserved}', ignoring case); ` +
      'choose another userName',
    'AWS-USER-RESERVED-NAMES',
  );
}

function checkEmail(emails: unknown, rules: UserRules): void {
  const list = Array.isArray(emails) ? (emails as Array<Record<string, unknown>>) : [];
  const hasValue = list.some((email) => typeof email?.value === 'string' && email.value !== '');
  if (rules.requireEmail && !hasValue) {
    throw ScimError.invalid(
      `emails holds no email with a value; AWS needs one email on every user (requireEmail)`,
      'AWS-USER-REQUIRED-EMAIL',
    );
  }

  for (const [index, email] of list.entries()) {
    if (email?.primary === false) {
      throw ScimError.invalid(
        `emails[${index}].primary is false; AWS needs the single email to be primary`,
        'AWS-USER-PRIMARY-EMAIL',
      );
    }
    if (email?.primary === undefined && rules.requirePrimaryEmail) {
      throw ScimError.invalid(
        `emails[${index}].primary is missing; this profile needs primary: true ` +
          '(requirePrimaryEmail)',
        'AWS-USER-PRIMARY-EMAIL',
      );
    }
  }
}
