/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): the rules it
 * reports as tool.driver.rules (summary, help, default level), one result per finding at the
 * claim's place in its YAML file, the other sources' claims as related locations. Deterministic: no timestamps, stable order, and a
 * partial fingerprint built from what the finding is about (its identity: rule, fact, file, value),
 * not its line, so an alert follows a claim when lines move above it. Paths are relative to the
 * repository's top (`uriBaseId` %SRCROOT%), wherever --root is; notes are left out by default.
 *
 * Columns count Unicode code points (run.columnKind); endColumn is exclusive, as SARIF wants.
 * Acknowledged discrepancies are results with an external, accepted suppression.
 */
import { createHash } from "node:crypto";
import type { Finding, Location, Severity } from "../../findings/finding.js";
import { sortFindings } from "../../findings/finding.js";
import { findingIdentities } from "../../findings/identity.js";
import { RULES, ruleInfo } from "../../findings/rules.js";
import { JSON_TEXT, neutraliseCommands, visibleControls } from "../escape.js";
import type { ReportResult } from "../report-result.js";
import { repoPath } from "./common.js";
import type { FormatContext, Formatter } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  note: "note",
};

export const formatSarif: Formatter = (report, ctx) => {
  // The rules this run reports, in catalogue order (unknown ids last): the log stays small and
  // does not change when a rule is added to the catalogue.
  const used = new Set(report.findings.map((f) => visibleControls(f.ruleId)));
  const catalogue = Object.values(RULES).filter((r) => used.has(r.id));
  const known = new Set<string>(catalogue.map((r) => r.id));
  const unknown = [...used].filter((id) => !known.has(id)).sort();
  const rules = [...catalogue, ...unknown.map(ruleInfo)];
  const index = new Map(rules.map((r, i) => [r.id, i]));

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "claimcheck",
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: pascal(r.id),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              help: { text: r.help || r.summary },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ["claimcheck"] },
            })),
          },
        },
        columnKind: "unicodeCodePoints",
        results: results(report, ctx, index),
        properties: {
          facts: report.groups.length,
          verdicts: report.summary.verdicts,
          acknowledged: report.summary.acknowledged,
          leftOut: report.summary.leftOut,
          partial: report.partial,
        },
      },
    ],
  };
  // A CI log may show it: `##[` in a string is written \u005b, which reads back the same.
  return `${neutraliseCommands(JSON.stringify(log, null, 2), JSON_TEXT)}\n`;
};

/**
 * One result per finding. Notes (single-source facts, variants, compatible values) are left out
 * unless asked for (`--sarif-notes`): code scanning raises every result as an alert, and a corpus
 * has a single-source fact for most of what it states. Each result's fingerprint is its identity
 * (findings/identity.ts), unique within the run.
 */
function results(report: ReportResult, ctx: FormatContext, index: ReadonlyMap<string, number>) {
  const sorted = sortFindings(report.findings);
  const ids = findingIdentities(sorted);
  const out = [];
  for (const [i, f] of sorted.entries()) {
    if (f.severity === "note" && !f.acknowledged && !ctx.sarifNotes) continue;
    out.push(result(f, index.get(visibleControls(f.ruleId)) ?? 0, ids[i]!, ctx));
  }
  return out;
}

function result(f: Finding, ruleIndex: number, identity: string, ctx: FormatContext) {
  return {
    ruleId: visibleControls(f.ruleId),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: visibleControls(f.message) },
    locations: [{ physicalLocation: physical(f.location, ctx) }],
    ...(f.related.length > 0
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: physical(r, ctx),
            message: { text: visibleControls(r.message) },
          })),
        }
      : {}),
    partialFingerprints: { "claimcheckFinding/v2": fingerprint(identity) },
    ...(f.baseline ? { baselineState: f.baseline } : {}),
    ...(f.acknowledged
      ? {
          suppressions: [
            {
              kind: "external",
              status: "accepted",
              justification: "Acknowledged in claims/acknowledged.yaml",
            },
          ],
        }
      : {}),
  };
}

function physical(loc: Location, ctx: FormatContext) {
  const region: Record<string, number> = { startLine: loc.line, startColumn: loc.column };
  if (loc.endLine !== undefined && loc.endColumn !== undefined) {
    region.endLine = loc.endLine;
    region.endColumn = loc.endColumn;
  }
  // Relative to the repository's top (the checkout code scanning knows), not to --root.
  return {
    artifactLocation: { uri: toUri(repoPath(ctx, loc.file)), uriBaseId: "%SRCROOT%" },
    region,
  };
}

/** A repo-relative path as a relative URI reference: each segment percent-encoded. */
export function toUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function fingerprint(identity: string): string {
  return createHash("sha256").update(identity).digest("hex").slice(0, 32);
}

function pascal(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}
