// One scenario: a fresh mock, a fresh driver set up against it, and a series of named steps. Each
// step keeps the journal entries the provisioner caused and what the AWS side held after it.
import type { JournalEntry } from '../../mock-server/context.ts';
import { startMockServer, type MockOptions, type RunningMock } from '../../mock-server/server.ts';
import type { CheckContext } from '../runner/check.ts';
import { AwsView } from './aws-view.ts';
import { DriverUnsupported, type DriverFactory, type ProvisionerDriver } from './driver.ts';
import { JournalCursor } from './journal-cursor.ts';

export interface StepRecord {
  name: string;
  /** What the provisioner sent during the step, in arrival order. */
  entries: JournalEntry[];
  /** The driver's failure, token scrubbed. */
  error?: string;
  unsupported?: boolean;
  /** What `observe` read from the AWS side after the step. */
  observed?: unknown;
  observeError?: string;
  durationMs: number;
}

type Observe = (view: AwsView) => Promise<unknown>;

export class Scenario {
  readonly steps = new Map<string, StepRecord>();
  private readonly journal: JournalCursor;

  private constructor(
    readonly mock: RunningMock,
    readonly view: AwsView,
    private driver: ProvisionerDriver | undefined,
  ) {
    this.journal = new JournalCursor(mock.admin);
  }

  /** Starts a mock and sets a fresh driver up against it; stopping is left to the run's cleanup. */
  static async start(
    factory: DriverFactory,
    ctx: CheckContext,
    mockOptions: MockOptions = {},
  ): Promise<Scenario> {
    const mock = await startMockServer({ logLevel: 'silent', ...mockOptions });
    const scenario = new Scenario(mock, new AwsView(mock.scimBaseUrl(), mock.token), undefined);
    ctx.cleanup.add('stop a provisioner scenario and its mock', () => scenario.stop());
    await scenario.act('setup', async () => {
      scenario.driver = await factory();
      await scenario.driver.setup(mock.scimBaseUrl(), mock.token);
    });
    return scenario;
  }

  get ready(): boolean {
    const setup = this.steps.get('setup');
    return setup !== undefined && !setup.error;
  }

  /** Runs one driver action as a named step; a failure is recorded, never thrown. */
  async act(
    name: string,
    action: (driver: ProvisionerDriver) => Promise<void>,
    observe?: Observe,
  ): Promise<StepRecord> {
    // Skip what came before the step: the AWS view's reads are not the provisioner's.
    await this.journal.next();
    const record: StepRecord = { name, entries: [], durationMs: 0 };
    const started = performance.now();
    try {
      if (name !== 'setup' && !this.ready) throw new Error('the driver was not set up');
      await action(this.driver!);
    } catch (error) {
      record.unsupported = error instanceof DriverUnsupported;
      record.error = this.scrub(error instanceof Error ? error.message : String(error));
    }
    record.durationMs = Math.round(performance.now() - started);
    record.entries = await this.journal.next();
    if (observe) await this.observe(record, observe);
    this.steps.set(name, record);
    return record;
  }

  /** Every entry of every step so far, in step order. */
  allEntries(): JournalEntry[] {
    return [...this.steps.values()].flatMap((step) => step.entries);
  }

  async stop(): Promise<void> {
    try {
      await this.driver?.teardown?.();
    } finally {
      await this.mock.stop();
    }
  }

  private async observe(record: StepRecord, observe: Observe): Promise<void> {
    try {
      record.observed = await observe(this.view);
    } catch (error) {
      record.observeError = this.scrub((error as Error).message);
    }
  }

  private scrub(text: string): string {
    return text.split(this.mock.token).join('[redacted]');
  }
}
