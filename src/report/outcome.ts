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
  /** Warnings counted (with a baseline and scope "new", the new ones). */
  warnings: number;
  /** Facts reported, and facts the filters left out. */
  facts: number;
  leftOut: number;
}

/** The verdict a comparison finding stands for, to judge a run by its new findings. */
const FINDING_VERDICT: Record<string, Verdict> = {
  conflict: "conflict",
  compatible: "compatible",
  variant: "compatible",
  "single-source": "single-source",
};

/**
 * The outcome of a report. With a baseline and `scope` "new" (the default there), only what the
 * baseline did not have counts: a conflict already on the base branch does not fail a pull
 * request that does not touch it. Invalid input always counts.
 */
export function reportOutcome(report: ReportResult, scope: "new" | "all" = "new"): ReportOutcome {
  const unacknowledged: Record<Verdict, boolean> = {
    conflict: false,
    compatible: false,
    agree: false,
    "single-source": false,
  };
  const counted =
    report.baseline && scope === "new"
      ? report.findings.filter((f) => f.baseline === "new")
      : report.findings;
  if (report.baseline && scope === "new") {
    for (const f of counted) {
      if (f.acknowledged) continue;
      const verdict = FINDING_VERDICT[f.ruleId];
      if (verdict) unacknowledged[verdict] = true;
    }
  } else {
    for (const g of report.groups) if (!g.acknowledged) unacknowledged[g.verdict] = true;
  }
  return {
    invalid: report.findings.some((f) => f.severity === "error" && !f.group),
    staleAcknowledgement: counted.some((f) => f.ruleId === "acknowledged-stale"),
    warnings: counted.filter((f) => f.severity === "warning").length,
    withinSourceConflict: counted.some(
      (f) => f.ruleId === "within-source-conflict" && !f.acknowledged,
    ),
    unacknowledged,
    facts: report.groups.length,
    leftOut: report.summary.leftOut,
  };
}
