/**
 * Where a run spends its time, by stage, for `CLAIMCHECK_TIMING=1` (printed to stderr at the
 * end, like ESLint's TIMING). Off unless switched on: then each stage costs one clock read.
 * A stage watcher (the CLI's progress line) hears of every stage as it starts.
 */
const totals = new Map<string, number>();
let enabled = false;
let stageWatcher: ((stage: string) => void) | undefined;

export function enableTiming(): void {
  enabled = true;
}

/** Calls `watcher` with each stage's name as it starts, until the returned function is called. */
export function watchStages(watcher: (stage: string) => void): () => void {
  stageWatcher = watcher;
  return () => {
    if (stageWatcher === watcher) stageWatcher = undefined;
  };
}

/** Runs `work`, adding its wall time to `stage` when timing is on. */
export function timed<T>(stage: string, work: () => T): T {
  stageWatcher?.(stage);
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
  stageWatcher?.(stage);
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
