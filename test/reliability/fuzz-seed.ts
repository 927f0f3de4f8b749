// The seed of a generated run: fixed by default, so `npm test` and CI see the same 5,000 requests
// every time; FC_SEED=N replays a run, FC_SEED=random explores a fresh one. Printed either way.
const DEFAULT_SEED = 20261203;

export function fuzzSeed(label: string): number {
  const given = process.env.FC_SEED;
  const seed = pickSeed(given);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or 'random', got '${given}'`);
  console.log(`      ${label}: seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}

function pickSeed(given: string | undefined): number {
  if (given === undefined || given === '') return DEFAULT_SEED;
  if (given === 'random') return Math.floor(Math.random() * 2 ** 31);
  return Number(given);
}
