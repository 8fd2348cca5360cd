/**
 * The one shape every problem, discrepancy and note takes, whatever stage produced it.
 * Output formats render lists of these and know nothing of the stages.
 */

export type Severity = "error" | "warning" | "note";

/** A place in a file. Lines and columns start at 1; columns count code points. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

/** One piece of a character or word diff: -1 only in `expected`, 1 only in `actual`, 0 in both. */
export interface DiffPart {
  op: -1 | 0 | 1;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Where it points; `file` is relative to the project root with forward slashes. */
  location: Location;
  related: RelatedLocation[];
  /** Path inside the YAML document, e.g. `claims[3].value`, where the finding is about one node. */
  path?: string;
  /** A diff to show under the message, expected (-1) against actual (+1). */
  diff?: DiffPart[];
  /** Comparison group this finding belongs to (`subject/property[@as_of]`). */
  group?: string;
  /** True when a reviewer acknowledged this discrepancy; it is shown but does not fail the run. */
  acknowledged?: boolean;
  /**
   * What the finding says about its fact, for its identity across runs (see identity.ts): the
   * value or values a comparison finding is about. Without it, the message stands in.
   */
  about?: string;
  /** With a baseline (`report --baseline REF`): whether the baseline had this finding. */
  baseline?: "new" | "unchanged";
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Stable order: by file, line, column, then rule and message, so reports can be diffed. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and fails with a stack overflow above about 120,000 of them.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
