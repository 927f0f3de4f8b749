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
  /** The kernel's part of cpuMsPerRequest: where a run that is off should be looked at first. */
  systemCpuMsPerRequest: number;
  requestsPerCpuSecond: number;
}

export interface BenchSettings extends LoadSettings {
  warmupSeconds: number;
}

/** Idle means the targets together used under 2% of a CPU over one window. */
const QUIET_WINDOW_MS = 200;
const QUIET_SHARE = 0.02;
const QUIET_MAX_MS = 5_000;

export class Bench {
  readonly rows: Row[] = [];
  private loads = 0;
  private targets: Target[] = [];

  constructor(
    readonly settings: BenchSettings,
    private readonly runId: string,
  ) {}

  /**
   * The targets whose idle state a measured load waits for. A target keeps collecting garbage on
   * V8's helper threads for a while after its own load ends; on a 2-CPU host that work landed in
   * the next target's load and slowed it by up to a quarter (GET by id at 100k users: 22,400
   * req/s measured after the 1k target's write loads, 30,400 when measured first).
   */
  watch(targets: Target[]): void {
    this.targets = targets;
  }

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
    overrides: Partial<LoadSettings> = {},
  ): Promise<Row> {
    await this.untilQuiet();
    const before = await target.stats();
    const figures = await runLoad(this.spec(target, scenario), { ...this.settings, ...overrides });
    const after = await target.stats();
    const cpuMs = (after.cpuMicros - before.cpuMicros) / 1000;
    const systemMs = (after.systemMicros - before.systemMicros) / 1000;
    const perRequest = (ms: number) =>
      Math.round((ms / Math.max(1, figures.requests)) * 1000) / 1000;
    const row: Row = {
      scenario: title,
      target: label,
      ...figures,
      cpuMsPerRequest: perRequest(cpuMs),
      systemCpuMsPerRequest: perRequest(systemMs),
      requestsPerCpuSecond: Math.round(figures.requests / Math.max(0.001, cpuMs / 1000)),
    };
    this.rows.push(row);
    return row;
  }

  /** Waits until the watched targets are idle, for at most QUIET_MAX_MS. */
  private async untilQuiet(): Promise<void> {
    const cpuMicros = async () =>
      (await Promise.all(this.targets.map((target) => target.stats()))).reduce(
        (sum, stats) => sum + stats.cpuMicros,
        0,
      );
    const deadline = Date.now() + QUIET_MAX_MS;
    while (this.targets.length > 0 && Date.now() < deadline) {
      const before = await cpuMicros();
      await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
      if ((await cpuMicros()) - before < QUIET_WINDOW_MS * 1000 * QUIET_SHARE) return;
    }
  }

  /** Every load gets its own id, so created userNames never clash with an earlier load's. */
  private spec(target: Target, scenario: ScenarioName) {
    this.loads += 1;
    return scenarioSpec(scenario, target, `${this.runId}-${this.loads}`);
  }
}
