/**
 * What a report means for the exit code, in a few flags: all the CLI needs when the report's
 * output comes rendered from the cache.
 */
import type { Verdict } from "../compare/result.js";
import type { ReportResult } from "./report-result.js";

export interface ReportOutcome {
  /** Some input is invalid: errors that belong to no fact. */
  invalid: boolean;
  /** An acknowledgement no longer matches any conflict. */
  staleAcknowledgement: boolean;
  /** A within-source conflict nobody acknowledged. */
  withinSourceConflict: boolean;
  /** Verdicts of facts nobody acknowledged. */
  unacknowledged: Record<Verdict, boolean>;
  /** Facts reported, and facts the filters left out. */
  facts: number;
  leftOut: number;
}

export function reportOutcome(report: ReportResult): ReportOutcome {
  const unacknowledged: Record<Verdict, boolean> = {
    conflict: false,
    compatible: false,
    agree: false,
    "single-source": false,
  };
  for (const g of report.groups) if (!g.acknowledged) unacknowledged[g.verdict] = true;
  return {
    invalid: report.findings.some((f) => f.severity === "error" && !f.group),
    staleAcknowledgement: report.findings.some((f) => f.ruleId === "acknowledged-stale"),
    withinSourceConflict: report.findings.some(
      (f) => f.ruleId === "within-source-conflict" && !f.acknowledged,
    ),
    unacknowledged,
    facts: report.groups.length,
    leftOut: report.summary.leftOut,
  };
}
