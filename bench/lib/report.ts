// Formats the mock benchmark's figures as a plain-text table and checks them against targets.

export interface Check {
  name: string;
  value: number;
  target: string;
  passed: boolean;
  /** False for figures shown for diagnosis only; they never fail the run. */
  gating: boolean;
}

export function check(
  name: string,
  value: number,
  op: '>=' | '<',
  limit: number,
  gating = true,
): Check {
  const passed = op === '>=' ? value >= limit : value < limit;
  return { name, value: Math.round(value * 1000) / 1000, target: `${op} ${limit}`, passed, gating };
}

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return cells.map(line).join('\n');
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
