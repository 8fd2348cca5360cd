export const EXIT = {
  /** Nothing fails the run. */
  ok: 0,
  /** Discrepancies that fail the run (see --fail-on), or files `fmt --check` would change. */
  failed: 1,
  /** Invalid input: bad claims files, missing sources, bad arguments. */
  invalid: 2,
  /** An internal error: a bug in claimcheck. */
  internal: 3,
} as const;
