// Parent side of mock-process.ts: forks it under tsx with --expose-gc and asks it for memory
// figures and the consistency check.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type {
  ConsistencyFigures,
  FromMock,
  MemoryFigures,
  MockReady,
  ToMock,
} from './mock-process.ts';

const ENTRY = fileURLToPath(new URL('./mock-process.ts', import.meta.url));

export interface MockChild extends MockReady {
  memory(): Promise<MemoryFigures>;
  consistency(): Promise<ConsistencyFigures>;
  stop(): Promise<void>;
}

function next<T extends FromMock>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromMock) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as T);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the mock process exited (${code}) before '${type}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function forkMock(): Promise<MockChild> {
  const child = fork(ENTRY, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: 'inherit' });
  const ask = <T extends FromMock>(message: ToMock, type: T['type']) => {
    const answer = next<T>(child, type);
    child.send(message);
    return answer;
  };
  const ready = await next<MockReady>(child, 'ready');
  return {
    ...ready,
    memory: () => ask<MemoryFigures>({ type: 'memory' }, 'memory'),
    consistency: () => ask<ConsistencyFigures>({ type: 'consistency' }, 'consistency'),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToMock);
      await exited;
    },
  };
}
