/**
 * What a finding is, whatever line it sits on: its rule, its fact, its file, and what it says
 * about them (a comparison finding's values; otherwise its message, with claim indexes left out,
 * since they shift when a claim is added above). The same finding in two runs, or on two
 * commits, has the same identity, so a baseline can say what a pull request added and fixed,
 * and code scanning can follow an alert when lines move.
 *
 * Two findings that would share an identity (one file stating the same value twice) are told
 * apart by their order: `#2`, `#3`, ….
 */
import type { Finding } from "./finding.js";

/** Each finding's identity, in the order given; findings must come sorted (sortFindings). */
export function findingIdentities(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = identityOf(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}\u0000#${n}`;
  });
}

function identityOf(f: Finding): string {
  const about = f.about ?? f.message.replace(/\bclaims\[\d+\]/g, "claims[]");
  return [f.ruleId, f.group ?? "", f.location.file, about].join("\u0000");
}

export type BaselineState = "new" | "unchanged";

export interface BaselineComparison {
  /** For each current finding, in order: did the baseline have it? */
  states: BaselineState[];
  /** The baseline's findings the current run no longer has, in the baseline's order. */
  fixed: Finding[];
}

/**
 * Marks each current finding new or unchanged against the baseline's findings, and lists the
 * baseline's findings that are gone. Both lists must come sorted.
 */
export function compareWithBaseline(
  current: readonly Finding[],
  baseline: readonly Finding[],
): BaselineComparison {
  const baseIds = findingIdentities(baseline);
  const currentIds = findingIdentities(current);
  const before = new Set(baseIds);
  const now = new Set(currentIds);
  return {
    states: currentIds.map((id) => (before.has(id) ? "unchanged" : "new")),
    fixed: baseline.filter((_, i) => !now.has(baseIds[i]!)),
  };
}
