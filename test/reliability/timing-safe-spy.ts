// Counts calls to crypto.timingSafeEqual made by any module, through Node's documented way of
// re-syncing the named ESM exports of a built-in after its default export was patched.
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

export interface Comparison {
  leftBytes: number;
  rightBytes: number;
}

/** Runs `work` while recording every timingSafeEqual call, then restores the original. */
export async function recordTimingSafeEqual(
  work: () => Promise<void> | void,
): Promise<Comparison[]> {
  const original = crypto.timingSafeEqual;
  const calls: Comparison[] = [];
  crypto.timingSafeEqual = (left: NodeJS.ArrayBufferView, right: NodeJS.ArrayBufferView) => {
    calls.push({ leftBytes: left.byteLength, rightBytes: right.byteLength });
    return original(left, right);
  };
  syncBuiltinESMExports();
  try {
    await work();
  } finally {
    crypto.timingSafeEqual = original;
    syncBuiltinESMExports();
  }
  return calls;
}
