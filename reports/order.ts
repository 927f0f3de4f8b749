// Locale-independent ordering of results, so every report lists them the same way on any machine.
import type { CheckResult } from '../suites/model.ts';

/** Compares by UTF-16 code units: the same answer everywhere, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A sorted copy: by suite, then id. */
export function sortResults(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => compareText(a.suite, b.suite) || compareText(a.id, b.id));
}

/** Groups results under `keyOf`, groups in key order, each keeping its results' order. */
export function groupBy(
  results: readonly CheckResult[],
  keyOf: (result: CheckResult) => string,
): Array<[string, CheckResult[]]> {
  const groups = new Map<string, CheckResult[]>();
  for (const result of results) {
    const key = keyOf(result);
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareText(a, b));
}
