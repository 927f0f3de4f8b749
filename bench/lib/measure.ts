// Runs the benchmark's loads and keeps one row per load: wall-clock rate and latency from
// autocannon, plus the target's own CPU time per request, which outside load on a shared host
// disturbs far less than it disturbs the wall-clock rate.
import { runLoad, type LoadFigures, type LoadSettings } from './load.ts';
import { scenarioSpec, type ScenarioName } from './scenarios.ts';
import type { Target } from './target-process.ts';

export interface Row extends LoadFigures {
  scenario: string;
  target: string;
  cpuMsPerRequest: number;
  requestsPerCpuSecond: number;
}

export interface BenchSettings extends LoadSettings {
  rounds: number;
  warmupSeconds: number;
}

export class Bench {
  readonly rows: Row[] = [];
  private loads = 0;

  constructor(
    readonly settings: BenchSettings,
    private readonly runId: string,
  ) {}

  /** A short unrecorded load, so the JIT has compiled the path before it is measured. */
  async warm(target: Target, scenario: ScenarioName): Promise<void> {
    const durationSeconds = this.settings.warmupSeconds;
    await runLoad(this.spec(target, scenario), { ...this.settings, durationSeconds });
  }

  async measure(
    target: Target,
    label: string,
    scenario: ScenarioName,
    title: string = scenario,
  ): Promise<Row> {
    const before = await target.stats();
    const figures = await runLoad(this.spec(target, scenario), this.settings);
    const after = await target.stats();
    const cpuMs = (after.cpuMicros - before.cpuMicros) / 1000;
    const row: Row = {
      scenario: title,
      target: label,
      ...figures,
      cpuMsPerRequest: Math.round((cpuMs / Math.max(1, figures.requests)) * 1000) / 1000,
      requestsPerCpuSecond: Math.round(figures.requests / Math.max(0.001, cpuMs / 1000)),
    };
    this.rows.push(row);
    return row;
  }

  /** Every load gets its own id, so created userNames never clash with an earlier load's. */
  private spec(target: Target, scenario: ScenarioName) {
    this.loads += 1;
    return scenarioSpec(scenario, target, `${this.runId}-${this.loads}`);
  }
}
