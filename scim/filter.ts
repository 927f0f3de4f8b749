// Parses the few list filters AWS IAM Identity Center supports into a typed form; anything else
// is the generic 400 with no scimType (aws-scim-behaviour.md §4, RFC 7644 §3.4.2.2).
import { ScimError } from './errors.ts';

export type UserFilter =
  | { kind: 'userName'; value: string }
  | { kind: 'externalId'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'groupMember'; groupId: string }
  | { kind: 'idAndManager'; id: string; managerId: string };

export type GroupFilter =
  | { kind: 'displayName'; value: string }
  | { kind: 'externalId'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'hasMember'; userId: string }
  | { kind: 'idAndMember'; id: string; userId: string };

/** One lexical token of a filter: a bare word, a decoded JSON string, or a bracket. */
export interface FilterToken {
  kind: 'word' | 'string' | 'bracket';
  text: string;
}

/** Called with a reason when the text cannot be read; it throws the caller's own error. */
export type FilterFailure = (reason: string) => never;

interface Comparison {
  attribute: string;
  value: string;
}

const UNSUPPORTED_OPERATORS = new Set(['ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);
const JSON_STRING = /"(?:[^"\\]|\\.)*"/y;
const BARE_WORD = /[^\s()[\]"]+/y;

/**
 * Splits filter text into words, decoded double-quoted strings and brackets.
 * @see RFC 7644 §3.4.2.2 (string values are JSON strings)
 */
export function tokenizeFilter(text: string, fail: FilterFailure): FilterToken[] {
  const tokens: FilterToken[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position];
    if (/\s/.test(char)) {
      position += 1;
      continue;
    }
    if ('()[]'.includes(char)) {
      tokens.push({ kind: 'bracket', text: char });
      position += 1;
      continue;
    }
    const pattern = char === '"' ? JSON_STRING : BARE_WORD;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) fail(`unterminated or malformed string at character ${position + 1}`);
    tokens.push(char === '"' ? decodeString(match[0], fail) : { kind: 'word', text: match[0] });
    position += match[0].length;
  }
  return tokens;
}

function decodeString(literal: string, fail: FilterFailure): FilterToken {
  try {
    return { kind: 'string', text: JSON.parse(literal) as string };
  } catch {
    return fail(`string ${literal} is not a valid JSON string`);
  }
}

/** AWS-FILTER-EQ-ONLY: the reason a token in operator position is refused. */
export function operatorProblem(token: FilterToken | undefined): string | undefined {
  if (!token) return 'expected "eq" and a value after the attribute';
  const name = token.text.toLowerCase();
  if (token.kind === 'word' && name === 'eq') return undefined;
  if (UNSUPPORTED_OPERATORS.has(name)) return `operator "${token.text}" is not supported; only eq`;
  return `expected "eq" after the attribute, found "${token.text}"`;
}

function failFilter(reason: string): never {
  throw ScimError.invalid(`filter: ${reason}`, 'AWS-FILTER-EQ-ONLY');
}

function readComparison(tokens: FilterToken[], start: number): Comparison {
  const [attribute, operator, value] = tokens.slice(start, start + 3);
  if (attribute?.kind === 'bracket') failFilter('grouping with parentheses is not supported');
  if (attribute?.kind !== 'word') failFilter('expected an attribute name');
  if (attribute.text.toLowerCase() === 'not') failFilter('"not" is not supported');
  const problem = operatorProblem(operator);
  if (problem) failFilter(problem);
  if (value?.kind !== 'string') failFilter('the value must be a double-quoted string');
  return { attribute: attribute.text.toLowerCase(), value: value.text };
}

/** Reads `attr eq "v"`, or two of them joined by `and`; refuses everything else. */
function readComparisons(text: string): Comparison[] {
  const tokens = tokenizeFilter(text, failFilter);
  if (tokens.length === 0) failFilter('the filter is empty');
  const comparisons = [readComparison(tokens, 0)];
  if (tokens.length === 3) return comparisons;

  const joiner = tokens[3];
  const joinerName = joiner.text.toLowerCase();
  if (joiner.kind === 'word' && joinerName === 'or') failFilter('"or" is not supported');
  if (joiner.kind !== 'word' || joinerName !== 'and') {
    failFilter(`unexpected "${joiner.text}" after the first comparison`);
  }
  comparisons.push(readComparison(tokens, 4));
  if (tokens.length > 7) failFilter('at most two comparisons joined by "and" are supported');
  return comparisons;
}

/** AWS-FILTER-MEMBER-EMPTY: a membership or manager value may not be empty. */
function requireNonEmpty(comparison: Comparison): string {
  if (comparison.value !== '') return comparison.value;
  throw ScimError.invalid(
    `filter: ${comparison.attribute} eq "" names no resource`,
    'AWS-FILTER-MEMBER-EMPTY',
  );
}

/** Finds the two comparisons of a documented `and` pair, in either order. */
function pair(comparisons: Comparison[], first: string, second: string): Comparison[] | undefined {
  const [a, b] = comparisons;
  if (a.attribute === first && b.attribute === second) return [a, b];
  if (a.attribute === second && b.attribute === first) return [b, a];
  return undefined;
}

function unsupportedPair(comparisons: Comparison[], allowed: string, behaviour: string): never {
  const names = comparisons.map((comparison) => comparison.attribute).join(' and ');
  throw ScimError.invalid(`filter: "${names}" is not supported; only ${allowed}`, behaviour);
}

function unsupportedAttribute(attribute: string, allowed: string, behaviour: string): never {
  throw ScimError.invalid(
    `filter: attribute "${attribute}" is not supported; use one of ${allowed}`,
    behaviour,
  );
}

const USER_ATTRIBUTES = 'userName, externalId, id, groups.value';

/**
 * Parses a ListUsers filter (AWS-FILTER-USER-ATTRS).
 * @example parseUserFilter('id eq "u1" and manager eq "u2"') // { kind: 'idAndManager', ... }
 */
export function parseUserFilter(text: string): UserFilter {
  const comparisons = readComparisons(text);
  if (comparisons.length === 2) {
    const found = pair(comparisons, 'id', 'manager');
    if (!found) unsupportedPair(comparisons, 'id and manager', 'AWS-FILTER-USER-ATTRS');
    return { kind: 'idAndManager', id: found[0].value, managerId: requireNonEmpty(found[1]) };
  }
  const [comparison] = comparisons;
  switch (comparison.attribute) {
    case 'username':
      return { kind: 'userName', value: comparison.value };
    case 'externalid':
      return { kind: 'externalId', value: comparison.value };
    case 'id':
      return { kind: 'id', value: comparison.value };
    case 'groups.value':
      return { kind: 'groupMember', groupId: requireNonEmpty(comparison) };
    default:
      return unsupportedAttribute(comparison.attribute, USER_ATTRIBUTES, 'AWS-FILTER-USER-ATTRS');
  }
}

const GROUP_ATTRIBUTES = 'displayName, externalId, id, members.value';

/**
 * Parses a ListGroups filter (AWS-FILTER-GROUP-ATTRS).
 * @example parseGroupFilter('members eq "u1" and id eq "g1"') // { kind: 'idAndMember', ... }
 */
export function parseGroupFilter(text: string): GroupFilter {
  const comparisons = readComparisons(text);
  if (comparisons.length === 2) {
    const found = pair(comparisons, 'id', 'members');
    if (!found) unsupportedPair(comparisons, 'id and members', 'AWS-FILTER-GROUP-ATTRS');
    return { kind: 'idAndMember', id: found[0].value, userId: requireNonEmpty(found[1]) };
  }
  const [comparison] = comparisons;
  switch (comparison.attribute) {
    case 'displayname':
      return { kind: 'displayName', value: comparison.value };
    case 'externalid':
      return { kind: 'externalId', value: comparison.value };
    // Kept on purpose: DG-LG calls a lone id filter on ListGroups "valid" (if better avoided in
    // favour of GetGroup), in its 2021-2024 and its 2025 text alike.
    case 'id':
      return { kind: 'id', value: comparison.value };
    case 'members.value':
      return { kind: 'hasMember', userId: requireNonEmpty(comparison) };
    default:
      return unsupportedAttribute(comparison.attribute, GROUP_ATTRIBUTES, 'AWS-FILTER-GROUP-ATTRS');
  }
}

/**
 * A canonical string for a parsed filter: a filter text that parses back to the same filter, so
 * that a cursor can be bound to it (AWS-CURSOR-FILTER-CHANGE). No filter gives ''.
 */
export function canonicalFilter(filter: UserFilter | GroupFilter | undefined): string {
  if (!filter) return '';
  const eq = (attribute: string, value: string) => `${attribute} eq ${JSON.stringify(value)}`;
  switch (filter.kind) {
    case 'userName':
    case 'displayName':
    case 'externalId':
    case 'id':
      return eq(filter.kind, filter.value);
    case 'groupMember':
      return eq('groups.value', filter.groupId);
    case 'hasMember':
      return eq('members.value', filter.userId);
    case 'idAndManager':
      return `${eq('id', filter.id)} and ${eq('manager', filter.managerId)}`;
    case 'idAndMember':
      return `${eq('id', filter.id)} and ${eq('members', filter.userId)}`;
  }
}
