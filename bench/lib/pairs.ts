// Compares two targets on one load in back-to-back pairs and reports the median of the pairs'
// ratios. Measured this way, host drift (the rates of this 2-CPU host move by up to a fifth
// between minutes) lands on both sides of a pair and cancels; measured as the best of separate
// rounds, it did not. Each pair alternates which target goes first, so neither side always runs
// straight after the other's load.
//
// Pairing also keeps each target busy. On this host a target left idle for 15 s between its
// loads lost up to a quarter of its rate, the one holding 100,000 users the most (mock-100k:
// 20.5-21.3k req/s after 15 s idle, 24.7-29.0k with no pause; 24.9-26.0k after the idle with
// V8's memory reducer switched off, which compacts an idle heap). In the bench's earlier
// interleaved rounds each target idled through three other targets' loads.
import type { Bench, Row } from './measure.ts';
import type { ScenarioName } from './scenarios.ts';
import type { Target } from './target-process.ts';

export interface Side {
  label: string;
  target: Target;
}

export interface PairFigures {
  /** `${subject.label} / ${reference.label}` */
  name: string;
  pairs: number;
  /** subject / reference, one a pair, in the order measured. */
  rateRatios: number[];
  cpuRatios: number[];
  medianRate: number;
  lowerQuartileRate: number;
  upperQuartileRate: number;
  medianCpu: number;
  subject: SideFigures;
  reference: SideFigures;
}

/** One side's loads summarised: medians over its loads in the pairs. */
export interface SideFigures {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerCpuSecond: number;
  requests: number;
  failures: number;
}

export async function comparePaired(
  bench: Bench,
  subject: Side,
  reference: Side,
  scenario: ScenarioName,
  pairs: number,
  durationSeconds: number,
): Promise<PairFigures> {
  await bench.warm(reference.target, scenario);
  await bench.warm(subject.target, scenario);
  const subjectRows: Row[] = [];
  const referenceRows: Row[] = [];
  const measure = (side: Side, pair: number) =>
    bench.measure(side.target, side.label, scenario, `${scenario} pair #${pair}`, {
      durationSeconds,
    });
  for (let pair = 1; pair <= pairs; pair++) {
    if (pair % 2 === 1) {
      referenceRows.push(await measure(reference, pair));
      subjectRows.push(await measure(subject, pair));
    } else {
      subjectRows.push(await measure(subject, pair));
      referenceRows.push(await measure(reference, pair));
    }
  }
  const rateRatios = subjectRows.map(
    (row, i) => row.requestsPerSecond / Math.max(1, referenceRows[i].requestsPerSecond),
  );
  const cpuRatios = subjectRows.map(
    (row, i) => row.requestsPerCpuSecond / Math.max(1, referenceRows[i].requestsPerCpuSecond),
  );
  return {
    name: `${subject.label} / ${reference.label}`,
    pairs,
    rateRatios: rateRatios.map(round3),
    cpuRatios: cpuRatios.map(round3),
    medianRate: round3(quantile(rateRatios, 0.5)),
    lowerQuartileRate: round3(quantile(rateRatios, 0.25)),
    upperQuartileRate: round3(quantile(rateRatios, 0.75)),
    medianCpu: round3(quantile(cpuRatios, 0.5)),
    subject: sideFigures(subject.label, subjectRows),
    reference: sideFigures(reference.label, referenceRows),
  };
}

function sideFigures(label: string, rows: Row[]): SideFigures {
  const median = (pick: (row: Row) => number) => quantile(rows.map(pick), 0.5);
  return {
    label,
    requestsPerSecond: Math.round(median((row) => row.requestsPerSecond)),
    p50Ms: median((row) => row.p50Ms),
    p99Ms: median((row) => row.p99Ms),
    requestsPerCpuSecond: Math.round(median((row) => row.requestsPerCpuSecond)),
    requests: rows.reduce((sum, row) => sum + row.requests, 0),
    failures: rows.reduce((sum, row) => sum + row.failures, 0),
  };
}

/** Linear interpolation between the closest ranks; the median of an even count is the mean. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.ceil(at);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
