/**
 * Acknowledged discrepancies: a reviewed conflict stays visible but stops failing the run, as
 * long as its values are the ones reviewed. A new value makes it new again; an acknowledgement
 * that matches no discrepancy any more is stale.
 */
import type { Finding } from "../findings/finding.js";
import type { Acknowledgement, Project } from "../model/project.js";
import type { GroupResult } from "./result.js";

export function applyAcknowledgements(
  project: Project,
  groups: GroupResult[],
  findings: Finding[],
): Finding[] {
  const stale: Finding[] = [];
  const acknowledgedGroups = new Set<string>();
  for (const ack of project.acknowledgements) {
    const matched = groups.filter((g) => g.verdict === "conflict" && matches(ack, g));
    if (matched.length === 0) {
      const where = project.acknowledgementsWhere?.locate(["acknowledged", ack.index]) ?? {
        file: ack.file,
        line: 1,
        column: 1,
      };
      stale.push({
        ruleId: "acknowledged-stale",
        severity: "warning",
        message: `acknowledged[${ack.index}]: no conflict on ${ack.subject}/${ack.property}${ack.as_of ? `@${ack.as_of}` : ""} has exactly the values ${ack.values.map((v) => JSON.stringify(String(v))).join(", ")} any more; remove or update this acknowledgement`,
        location: where,
        related: [],
        path: `acknowledged[${ack.index}]`,
      });
      continue;
    }
    for (const g of matched) {
      g.acknowledged = true;
      g.acknowledgement = { reason: ack.reason, reviewer: ack.reviewer, date: ack.date };
      acknowledgedGroups.add(g.key);
    }
  }
  for (const f of findings) {
    if (
      f.group &&
      acknowledgedGroups.has(f.group) &&
      (f.ruleId === "conflict" || f.ruleId === "within-source-conflict")
    ) {
      f.acknowledged = true;
      f.severity = "note";
    }
  }
  return stale;
}

function matches(ack: Acknowledgement, group: GroupResult): boolean {
  if (group.subject !== ack.subject || group.property !== ack.property) return false;
  if ((group.asOf ?? "") !== (ack.as_of ?? "")) return false;
  const reviewed = new Set(ack.values.map(norm));
  // Every value in the group must be one the reviewer saw.
  return group.values.every(
    (v) => reviewed.has(norm(v.display)) || v.claims.some((c) => reviewed.has(norm(c.raw))),
  );
}

function norm(v: string | number | boolean): string {
  return String(v).normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
