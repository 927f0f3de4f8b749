// The functions a mapping expression may call. Each takes and returns strings; nothing else runs.

export interface MappingFunction {
  minArgs: number;
  maxArgs: number;
  usage: string;
  apply(args: readonly string[]): string;
}

export const FUNCTIONS: Readonly<Record<string, MappingFunction>> = {
  join: {
    minArgs: 2,
    maxArgs: 16,
    usage: 'join(separator, a, b, ...): the non-empty values joined by separator',
    apply: ([separator, ...parts]) => parts.filter((part) => part !== '').join(separator),
  },
  concat: {
    minArgs: 1,
    maxArgs: 16,
    usage: 'concat(a, b, ...): the values one after the other',
    apply: (parts) => parts.join(''),
  },
  lower: { minArgs: 1, maxArgs: 1, usage: 'lower(x)', apply: ([x]) => x.toLowerCase() },
  upper: { minArgs: 1, maxArgs: 1, usage: 'upper(x)', apply: ([x]) => x.toUpperCase() },
  trim: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'trim(x): without surrounding white space',
    apply: ([x]) => x.trim(),
  },
  default: {
    minArgs: 2,
    maxArgs: 16,
    usage: 'default(x, fallback, ...): the first value that is not empty',
    apply: (values) => values.find((value) => value.trim() !== '') ?? '',
  },
  replace: {
    minArgs: 3,
    maxArgs: 3,
    usage: 'replace(x, find, with): every occurrence of find replaced',
    apply: ([x, find, replacement]) => (find === '' ? x : x.split(find).join(replacement)),
  },
};

export function functionUsage(separator = '; '): string {
  return Object.values(FUNCTIONS)
    .map((fn) => fn.usage)
    .join(separator);
}
