/** What the report flags, claim by claim: shared by the gold and mutation tests. */
import type { ClaimRef, GroupResult } from "../../src/compare/result.js";
import type { ReportResult } from "../../src/report/report-result.js";

/** The rules by which a report tells a reviewer that a claim disagrees. */
export const FLAG_RULES: ReadonlySet<string> = new Set([
  "conflict",
  "within-source-conflict",
  "status-timeline",
]);

export interface Flag {
  group: GroupResult;
  claim: ClaimRef | undefined;
  file: string;
  rule: string;
  /** The report found no majority and flagged every side. */
  tie: boolean;
}

/** Every claim the report flags, with its fact. */
export function flagsOf(report: ReportResult): Flag[] {
  const groups = new Map(report.groups.map((g) => [g.key, g]));
  const out: Flag[] = [];
  for (const f of report.findings) {
    if (!FLAG_RULES.has(f.ruleId) || !f.group) continue;
    const group = groups.get(f.group);
    if (!group) continue;
    const claim = group.values
      .flatMap((v) => v.claims)
      .find((c) => c.claimsFile === f.location.file && c.line === f.location.line);
    out.push({
      group,
      claim,
      file: f.location.file,
      rule: f.ruleId,
      tie: f.message.endsWith("no majority") || f.message.includes("; no majority"),
    });
  }
  return out;
}
