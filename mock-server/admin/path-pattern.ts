// Path patterns shared by journal queries and fault rules: a plain substring, or `/regex/flags`.
import { ConfigError } from '../../scim/errors.ts';

export type PathMatcher = (path: string) => boolean;

const REGEX_FORM = /^\/(.+)\/([dgimsuy]*)$/;

/** Compiles a pattern once; a malformed regex is a ConfigError naming the pattern. */
export function compilePathPattern(pattern: string | undefined): PathMatcher {
  if (pattern === undefined || pattern === '') return () => true;
  const regexParts = REGEX_FORM.exec(pattern);
  if (!regexParts) return (path) => path.includes(pattern);
  let regex: RegExp;
  try {
    // The global and sticky flags make `test` stateful, so they are dropped.
    regex = new RegExp(regexParts[1], regexParts[2].replace(/[gy]/g, ''));
  } catch (error) {
    throw new ConfigError(`path pattern ${JSON.stringify(pattern)} is not a valid regex`, {
      cause: error,
    });
  }
  return (path) => regex.test(path);
}
