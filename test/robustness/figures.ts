/**
 * The sizes of the robustness runs, in one place: the tests use these, and the README's
 * Reliability section quotes them (a test keeps the two in step).
 */

/** Generated cases per fuzz property (fuzz.test.ts). */
export const FUZZ_RUNS = {
  randomDocuments: 1000,
  tokenSoup: 1500,
  unicodeFields: 400,
  mutations: 250,
  dates: 2000,
  quantities: 2000,
  names: 1000,
  texts: 1000,
  /** Per normalisation function (three of them). */
  idempotence: 2000,
} as const;

/** Child processes killed at a random moment while writing (kill-during-write.test.ts). */
export const KILL_ITERATIONS = 200;

/** `claimcheck fmt` runs killed at a random moment (kill-during-write.test.ts). */
export const FMT_KILL_ITERATIONS = 30;

/** `claimcheck report -o FILE` runs killed at a random moment (kill-during-write.test.ts). */
export const REPORT_KILL_ITERATIONS = 30;

/** Generated strings per escape-function property (output-safety.test.ts, seven properties). */
export const ESCAPE_RUNS = 500;
