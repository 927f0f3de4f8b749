// Compares two targets on one load in back-to-back pairs and reports the median of the pairs'
// ratios. Measured this way, host drift (the rates of this 2-CPU host move by up to a fifth
// between minutes) lands on both sides of a pair and cancels; measured as the best of separate
// rounds, it did not. Each pair alternates which target goes first, so neither side always runs
// straight after the other's load, and a side of several processes loads them in turn, so one
// slow process moves the median by a pair or two, not by all of them.
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
  /**
   * Separate processes of the same target, loaded in turn: on this host one process can run
   * slower than its siblings for its whole life, whatever it holds (one 1k mock took 52.9 us a
   * request while seven others took 27.6-30.6), so one process per side is one draw of that.
   */
  targets: Target[];
}

export interface PairFigures {
  /** `${subject.label} / ${reference.label}` */
  name: string;
  pairs: number;
  /** Median rate of each process of each side, in the order the processes were started. */
  processRates: Record<string, number[]>;
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
  for (const target of [...reference.targets, ...subject.targets])
    await bench.warm(target, scenario);
  const subjectRows: Row[] = [];
  const referenceRows: Row[] = [];
  const measure = (side: Side, index: number, pair: number) =>
    bench.measure(
      side.targets[index],
      labelOf(side, index),
      scenario,
      `${scenario} pair #${pair}`,
      {
        durationSeconds,
      },
    );
  for (let pair = 1; pair <= pairs; pair++) {
    const [s, r] = processesOf(pair - 1, subject.targets.length, reference.targets.length);
    if (pair % 2 === 1) {
      referenceRows.push(await measure(reference, r, pair));
      subjectRows.push(await measure(subject, s, pair));
    } else {
      subjectRows.push(await measure(subject, s, pair));
      referenceRows.push(await measure(reference, r, pair));
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
    processRates: {
      [subject.label]: processRates(subject, subjectRows),
      [reference.label]: processRates(reference, referenceRows),
    },
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

/**
 * Which process of each side pair `index` loads: with three a side, pairs 0-8 meet every one of
 * the nine couples once, (0,0) (1,1) (2,2) (0,1) (1,2) (2,0) (0,2) (1,0) (2,1), and so on.
 */
export function processesOf(index: number, subjects: number, references: number): [number, number] {
  return [index % subjects, (index + Math.floor(index / references)) % references];
}

function labelOf(side: Side, index: number): string {
  return side.targets.length === 1 ? side.label : `${side.label}#${index + 1}`;
}

function processRates(side: Side, rows: Row[]): number[] {
  return side.targets.map((_, index) => {
    const own = rows.filter((row) => row.target === labelOf(side, index));
    return Math.round(
      quantile(
        own.map((row) => row.requestsPerSecond),
        0.5,
      ),
    );
  });
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
