// Parent side of a benchmark target: forks target-child.ts under tsx, waits until it is seeded
// and listening, and reads its memory on demand.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { pinTarget, type Pinning } from './pinning.ts';
import type { SeedPlan } from './seed-data.ts';
import type {
  ChildMessage,
  ParentMessage,
  TargetKind,
  TargetReady,
  TargetStats,
} from './target-child.ts';

const CHILD = fileURLToPath(new URL('./target-child.ts', import.meta.url));

export interface Target extends TargetReady {
  kind: TargetKind;
  scimBase: string;
  /** CPU time and memory of the target process; `collectGarbage` runs a full GC first. */
  stats(collectGarbage?: boolean): Promise<TargetStats>;
  stop(): Promise<void>;
}

export async function startTarget(
  kind: TargetKind,
  plan: SeedPlan,
  pinning: Pinning | null = null,
): Promise<Target> {
  const args = [kind, plan.users, plan.groups, plan.membersPerGroup].map(String);
  const child = fork(CHILD, args, {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: 'inherit',
  });
  const ready = (await nextMessage(child, 'ready')) as TargetReady;
  // Once ready, the child has made its helper threads: pinned before, they inherited the main
  // thread's CPU and competed with it.
  pinTarget(pinning, child.pid);
  return {
    ...ready,
    kind,
    scimBase: `${ready.origin}/${ready.tenantId}/scim/v2`,
    stats: async (collectGarbage = false) => {
      send(child, { type: 'stats', collectGarbage });
      return (await nextMessage(child, 'stats')) as TargetStats;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send(child, { type: 'stop' });
      await exited;
    },
  };
}

function send(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

function nextMessage(child: ChildProcess, type: ChildMessage['type']): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`[scim-harness] bench target exited with code ${code} before '${type}'`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
