// Mapping sources as a tiny expression language, parsed by hand (never eval'd):
//   user.firstName | attr.costCenter | "constant" | fn(arg, ...)   e.g. lower(trim(user.email))
import { ConfigError } from '../../scim/errors.ts';
import type { DirectoryUser } from '../directory/users.ts';
import { FUNCTIONS, functionUsage } from './functions.ts';

export const PROFILE_FIELDS = [
  'id',
  'userName',
  'firstName',
  'lastName',
  'displayName',
  'email',
  'phone',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type Expression =
  | { kind: 'profile'; field: ProfileField }
  | { kind: 'custom'; key: string }
  | { kind: 'constant'; value: string }
  | { kind: 'call'; name: string; args: Expression[] };

/** How a row's source reads in `mapping show`. */
export type SourceKind = 'profile' | 'custom' | 'constant' | 'expression';

const MAX_LENGTH = 4096;
const MAX_DEPTH = 16;

type Token = { type: 'punct' | 'ident' | 'string'; text: string; at: number };

export function parseExpression(source: string): Expression {
  if (source.length > MAX_LENGTH) {
    throw new ConfigError(`mapping source is ${source.length} characters; at most ${MAX_LENGTH}.`);
  }
  const parser = new Parser(source, tokenize(source));
  const expression = parser.expression(0);
  parser.expectEnd();
  return expression;
}

export function sourceKind(expression: Expression): SourceKind {
  return expression.kind === 'call' ? 'expression' : expression.kind;
}

/** The canonical text of an expression, as stored and shown. */
export function formatExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'profile':
      return `user.${expression.field}`;
    case 'custom':
      return `attr.${expression.key}`;
    case 'constant':
      return JSON.stringify(expression.value);
    case 'call':
      return `${expression.name}(${expression.args.map(formatExpression).join(', ')})`;
  }
}

export function evaluate(expression: Expression, user: DirectoryUser): string {
  switch (expression.kind) {
    case 'profile':
      return user[expression.field] ?? '';
    case 'custom':
      return user.attributes[expression.key] ?? '';
    case 'constant':
      return expression.value;
    case 'call':
      return FUNCTIONS[expression.name].apply(expression.args.map((arg) => evaluate(arg, user)));
  }
}

/** Matches profile names loosely: `first_name`, `FirstName` and `firstname` all mean firstName. */
export function profileField(name: string): ProfileField | undefined {
  const loose = name.toLowerCase().replace(/[_-]/g, '');
  return PROFILE_FIELDS.find((field) => field.toLowerCase() === loose);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (/\s/.test(char)) at += 1;
    else if ('(),.'.includes(char)) tokens.push({ type: 'punct', text: char, at: at++ });
    else if (char === '"' || char === "'") at = readString(source, at, tokens);
    else if (/[A-Za-z_]/.test(char)) {
      const text = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(at))![0];
      tokens.push({ type: 'ident', text, at });
      at += text.length;
    } else throw syntaxError(source, at, `unexpected '${char}'`);
  }
  return tokens;
}

function readString(source: string, start: number, tokens: Token[]): number {
  const quote = source[start];
  let text = '';
  for (let at = start + 1; at < source.length; at += 1) {
    const char = source[at];
    if (char === quote) {
      tokens.push({ type: 'string', text, at: start });
      return at + 1;
    }
    if (char === '\\' && at + 1 < source.length) at += 1;
    text += source[at];
  }
  throw syntaxError(source, start, 'string is not closed');
}

function syntaxError(source: string, at: number, problem: string): ConfigError {
  return new ConfigError(
    `mapping source '${source}': ${problem} at column ${at + 1}. Sources are user.FIELD ` +
      `(${PROFILE_FIELDS.join(', ')}), attr.KEY, "text", or a function: ${functionUsage()}.`,
  );
}

class Parser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  expression(depth: number): Expression {
    if (depth > MAX_DEPTH) throw this.error(`nesting deeper than ${MAX_DEPTH}`);
    const token = this.next('a source');
    if (token.type === 'string') return { kind: 'constant', value: token.text };
    if (token.type !== 'ident') throw this.error(`unexpected '${token.text}'`, token);
    if (this.peek('(')) return this.call(token, depth);
    if (this.peek('.')) return this.reference(token);
    const field = profileField(token.text);
    if (field) return { kind: 'profile', field };
    throw this.error(`unknown source '${token.text}'`, token);
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw this.error(`unexpected '${token.text}' after the end`, token);
  }

  private call(name: Token, depth: number): Expression {
    const fn = FUNCTIONS[name.text.toLowerCase()];
    if (!fn) throw this.error(`unknown function '${name.text}'`, name);
    this.index += 1;
    const args: Expression[] = [];
    while (!this.peek(')')) {
      if (this.index >= this.tokens.length) throw this.error(`'${name.text}(' is not closed`);
      if (args.length > 0) this.expect(',');
      args.push(this.expression(depth + 1));
    }
    this.index += 1;
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      throw this.error(`${fn.usage} takes ${fn.minArgs}–${fn.maxArgs} arguments`, name);
    }
    return { kind: 'call', name: name.text.toLowerCase(), args };
  }

  private reference(scope: Token): Expression {
    this.index += 1;
    const name = this.next('a name after the dot');
    if (name.type !== 'ident') throw this.error('expected a name after the dot', name);
    const lower = scope.text.toLowerCase();
    if (lower === 'attr' || lower === 'custom') return { kind: 'custom', key: name.text };
    const field = lower === 'user' ? profileField(name.text) : undefined;
    if (field) return { kind: 'profile', field };
    throw this.error(`unknown source '${scope.text}.${name.text}'`, scope);
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw this.error(`expected ${expected} but the source ended`);
    return token;
  }

  private peek(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.type === 'punct' && token.text === text;
  }

  private expect(text: string): void {
    const token = this.next(`'${text}'`);
    if (token.type !== 'punct' || token.text !== text) {
      throw this.error(`expected '${text}' but found '${token.text}'`, token);
    }
  }

  private error(problem: string, token?: Token): ConfigError {
    return syntaxError(this.source, token?.at ?? this.source.length, problem);
  }
}
