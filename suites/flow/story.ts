// The flow's shared state: one mock (the AWS side), one built-in provisioner with its own state
// file, and which steps have run. A check reaches its step by running the earlier ones first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { JournalEntry } from '../../mock-server/context.ts';
import { startMockServer, type MockOptions, type RunningMock } from '../../mock-server/server.ts';
import { Provisioner } from '../../provisioner/api.ts';
import type { CheckContext } from '../runner/check.ts';
import { AwsView } from '../provisioner/aws-view.ts';
import { attach } from '../provisioner/check-kit.ts';
import { JournalCursor } from '../provisioner/journal-cursor.ts';
import { fail } from '../service-provider/support/expect.ts';

/** One step of the story: `act` changes something, `verify` judges it (the check's body). */
export interface FlowStep {
  id: string;
  area: string;
  title: string;
  references: readonly string[];
  act(story: FlowStory): Promise<void>;
  verify(story: FlowStory): Promise<void>;
}

export interface FlowPerson {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
}

export class FlowStory {
  readonly mock: RunningMock;
  readonly view: AwsView;
  /** Values steps hand to later ones (ids on the AWS side, results of calls). */
  readonly memory = new Map<string, unknown>();
  private provisionerValue: Provisioner | undefined;
  private readonly journal: JournalCursor;
  private readonly done = new Map<string, { error?: string; entries: JournalEntry[] }>();

  private constructor(
    mock: RunningMock,
    private readonly stateDir: string,
    readonly prefix: string,
  ) {
    this.mock = mock;
    this.view = new AwsView(mock.scimBaseUrl(), mock.token);
    this.journal = new JournalCursor(mock.admin);
  }

  static async start(ctx: CheckContext, mockOptions: MockOptions = {}): Promise<FlowStory> {
    const mock = await startMockServer({ logLevel: 'silent', ...mockOptions });
    const stateDir = await mkdtemp(join(tmpdir(), 'scimh-flow-'));
    const story = new FlowStory(mock, stateDir, ctx.namePrefix);
    ctx.cleanup.add('stop the flow mock and remove its provisioner state', () => story.stop());
    return story;
  }

  get statePath(): string {
    return join(this.stateDir, 'state.db');
  }

  get provisioner(): Provisioner {
    this.provisionerValue ??= Provisioner.open({ statePath: this.statePath });
    return this.provisionerValue;
  }

  /** Runs every step up to `index` that has not run, then attaches step `index`'s traffic. */
  async reach(steps: readonly FlowStep[], index: number, ctx: CheckContext): Promise<void> {
    for (const [at, step] of steps.slice(0, index + 1).entries()) {
      if (!this.done.has(step.id)) await this.run(step);
      const outcome = this.done.get(step.id)!;
      if (at < index && outcome.error)
        fail(`an earlier step, ${step.id}, failed: ${outcome.error}`);
      if (at === index) {
        attach(ctx, this.mock.origin, outcome.entries);
        if (outcome.error) fail(outcome.error);
      }
    }
  }

  /** What the provisioner sent during a step that has run. */
  entriesOf(stepId: string): JournalEntry[] {
    return this.done.get(stepId)?.entries ?? [];
  }

  remember<T>(key: string, value: T): T {
    this.memory.set(key, value);
    return value;
  }

  recall<T>(key: string): T {
    if (!this.memory.has(key)) fail(`an earlier step did not record '${key}'`);
    return this.memory.get(key) as T;
  }

  async stop(): Promise<void> {
    this.provisionerValue?.close();
    await this.mock.stop();
    await rm(this.stateDir, { recursive: true, force: true });
  }

  private async run(step: FlowStep): Promise<void> {
    await this.journal.next();
    let error: string | undefined;
    try {
      await step.act(this);
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      error = message.split(this.mock.token).join('[redacted]');
    }
    this.done.set(step.id, { error, entries: await this.journal.next() });
  }
}
