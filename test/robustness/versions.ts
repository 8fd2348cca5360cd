/** Complete versions of a file, each easy to tell from any part of another (kill-during-write). */

export const VERSION_COUNT = 4;

/** About 600 kB: large enough that a kill often lands in the middle of writing it. */
export function versionText(n: number): string {
  const line = `version ${n} ${"=".repeat(64)}\n`;
  return `begin ${n}\n${line.repeat(8192)}end ${n}\n`;
}
