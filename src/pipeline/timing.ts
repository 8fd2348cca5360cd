/**
 * Where a run spends its time, by stage, for `CLAIMCHECK_TIMING=1` (printed to stderr at the
 * end, like ESLint's TIMING). Off unless switched on: then each stage costs one clock read.
 */
const totals = new Map<string, number>();
let enabled = false;

export function enableTiming(): void {
  enabled = true;
}

/** Runs `work`, adding its wall time to `stage` when timing is on. */
export function timed<T>(stage: string, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - start);
  }
}

/** The same for work that returns a promise. */
export async function timedAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - start);
  }
}

/** The stages in the order they first ran, as aligned lines. */
export function timingReport(): string {
  const width = Math.max(0, ...[...totals.keys()].map((k) => k.length));
  return [...totals]
    .map(([stage, ms]) => `${stage.padEnd(width)}  ${ms.toFixed(0).padStart(6)} ms\n`)
    .join("");
}
