// Parses a PATCH path such as `name.givenName`, `emails[type eq "work"].value` or an enterprise
// URN path into its parts (RFC 7644 §3.5.2 PATH grammar, restricted to what AWS accepts).
import { ScimError } from '../errors.ts';
import { operatorProblem, tokenizeFilter } from '../filter.ts';
import type { FilterToken } from '../filter.ts';
import { describeOperation } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';

/** `[attribute eq value]` inside a path; AWS allows eq only (AWS-PATCH-VALUE-FILTER). */
export interface ValueFilter {
  attribute: string;
  value: string | boolean;
}

export interface PatchPath {
  /** The schema URN the path was qualified with, spelled as in `urns`. */
  urn?: string;
  /** Undefined when the path is a bare schema URN, i.e. the whole extension. */
  attribute?: string;
  filter?: ValueFilter;
  subAttribute?: string;
}

export interface PathOptions {
  /** Schema URNs a path may be qualified with. */
  urns: readonly string[];
  /** The behaviour id to cite when the path names a schema the resource does not have. */
  attributesBehaviour: string;
}

const ATTRIBUTE_PATH = /^([A-Za-z][\w-]*)(?:\[(.*)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

function filterValue(token: FilterToken | undefined, fail: (reason: string) => never) {
  if (token?.kind === 'string') return token.text;
  const literal = token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  if (literal === 'true' || literal === 'false') return literal === 'true';
  return fail('the compared value must be a double-quoted string, true or false');
}

function parseValueFilter(text: string, where: string): ValueFilter {
  const fail = (reason: string): never => {
    throw ScimError.invalid(
      `${where}: value filter [${text}]: ${reason}`,
      'AWS-PATCH-VALUE-FILTER',
    );
  };
  const tokens = tokenizeFilter(text, fail);
  const [attribute, operator, value] = tokens;
  if (attribute?.kind !== 'word') fail('expected an attribute name');
  const problem = operatorProblem(operator);
  if (problem) fail(problem);
  const parsed = filterValue(value, fail);
  if (tokens.length > 3) fail('only one "attribute eq value" comparison is supported');
  return { attribute: attribute.text, value: parsed };
}

/** Splits a leading schema URN off the path, matching it case-insensitively. */
function splitUrn(path: string, options: PathOptions, where: string) {
  if (!path.toLowerCase().startsWith('urn:')) return { rest: path };
  for (const urn of options.urns) {
    const head = path.slice(0, urn.length);
    if (head.toLowerCase() !== urn.toLowerCase()) continue;
    const tail = path.slice(urn.length);
    if (tail === '') return { urn, rest: '' };
    if (tail === ':') {
      // `<urn>:` is not the bare URN (the whole extension): it names an attribute with no name.
      throw ScimError.invalid(
        `${where}: "${path}" names no attribute after the schema URN`,
        options.attributesBehaviour,
      );
    }
    if (tail.startsWith(':')) return { urn, rest: tail.slice(1) };
  }
  throw ScimError.invalid(
    `${where}: "${path}" names a schema this resource does not have`,
    options.attributesBehaviour,
  );
}

/**
 * Parses the path of an operation that has one.
 * @example parsePatchPath(op, opts) // 'emails[type eq "work"].value' →
 *   { attribute: 'emails', filter: { attribute: 'type', value: 'work' }, subAttribute: 'value' }
 */
export function parsePatchPath(
  operation: PatchOperation & { path: string },
  options: PathOptions,
): PatchPath {
  const where = describeOperation(operation);
  const { urn, rest } = splitUrn(operation.path, options, where);
  if (rest === '') return { urn };

  const match = ATTRIBUTE_PATH.exec(rest);
  if (!match) {
    throw ScimError.invalid(
      `${where}: the path is not "attr", "attr.sub" or "attr[filter].sub"`,
      'AWS-PATCH-SHAPE',
    );
  }
  const [, attribute, filterText, subAttribute] = match;
  const path: PatchPath = { urn, attribute, subAttribute };
  if (filterText !== undefined) path.filter = parseValueFilter(filterText, where);
  return path;
}
