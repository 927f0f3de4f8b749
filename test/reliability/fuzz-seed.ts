// The seed of a generated run: FC_SEED when set (to replay a failure), else a fresh one,
// printed either way so that any run can be repeated exactly.
export function fuzzSeed(label: string): number {
  const given = process.env.FC_SEED;
  const seed =
    given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${given}'`);
  console.log(`      ${label}: seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}
