/**
 * The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`) or a pull
 * request comment: the totals, the conflicts as a table with the words that differ marked, the
 * other problems, and collapsible sections for compatible values, agreements and single-source
 * facts. Every cell goes through escapeMarkdownCell, so a pipe, a backtick or HTML in a claim
 * cannot break the table or inject markup; no line starts with text from a file.
 *
 * A step summary may hold 1 MiB: each collapsible section lists at most ROW_CAP rows and says
 * how many it left out.
 */
import { describeKind } from "../../compare/group-findings.js";
import type { GroupResult, ValueCluster } from "../../compare/result.js";
import { type Finding, sortFindings } from "../../findings/finding.js";
import { escapeMarkdownCell as cell, MARKUP, neutraliseCommands } from "../escape.js";
import type { ReportResult } from "../report-result.js";
import {
  groupsWith,
  leftOutLine,
  markedParts,
  partialLine,
  ruleLabel,
  validationLine,
  verdictTotals,
} from "./common.js";
import type { Formatter } from "./types.js";

/** Rows listed at most per table, to stay well inside the 1 MiB step-summary limit. */
export const ROW_CAP = 300;

export const formatMarkdown: Formatter = (report) => {
  if (report.validationOnly) return validationMarkdown(report);
  const out: string[] = ["## claimcheck: do the sources agree?", ""];
  const v = report.summary.verdicts;
  out.push(
    `**${report.groups.length} facts** compared across **${report.sources.length} sources**: ${verdictTotals(report)}.`,
    "",
  );
  const open = report.groups.filter((g) => g.verdict === "conflict" && !g.acknowledged).length;
  out.push(
    open > 0
      ? `:x: **${open} unacknowledged conflict${open === 1 ? "" : "s"}**: check each source's evidence; if a discrepancy is real and explained, acknowledge it in \`claims/acknowledged.yaml\`.`
      : v.conflict > 0
        ? ":white_check_mark: Every conflict is acknowledged."
        : ":white_check_mark: No conflicts.",
    "",
  );
  const leftOut = leftOutLine(report);
  if (leftOut) out.push(`> [!NOTE]`, `> ${cell(leftOut)}`, "");
  const partial = partialLine(report);
  if (partial) out.push(`> [!WARNING]`, `> ${cell(partial)}`, "");

  const conflicts = groupsWith(report, "conflict");
  if (conflicts.length > 0) {
    out.push(`### Conflicts (${conflicts.length})`, "");
    out.push(...groupTable(conflicts, true));
    out.push("");
  }

  const problems = sortFindings(
    report.findings.filter((f) => f.severity !== "note" && f.ruleId !== "conflict"),
  );
  if (problems.length > 0) {
    out.push(`### Problems (${problems.length})`, "");
    out.push(...findingTable(problems));
    out.push("");
  }

  const compatible = groupsWith(report, "compatible");
  if (compatible.length > 0)
    out.push(...details(`Compatible values (${compatible.length})`, groupTable(compatible, true)));
  const agree = groupsWith(report, "agree");
  if (agree.length > 0)
    out.push(...details(`Agreements (${agree.length})`, groupTable(agree, false)));
  const single = groupsWith(report, "single-source");
  if (single.length > 0)
    out.push(...details(`Single-source facts (${single.length})`, groupTable(single, false)));
  const notes = sortFindings(
    report.findings.filter(
      (f) => f.severity === "note" && !f.group, // group notes are in the tables above
    ),
  );
  if (notes.length > 0) out.push(...details(`Notes (${notes.length})`, findingTable(notes)));

  out.push(
    `<sub>claimcheck report format ${report.version}; ${report.summary.comparisons} value comparisons.</sub>`,
  );
  // Escaped pieces side by side could still spell a log command: the whole text is checked.
  return `${neutraliseCommands(out.join("\n"), MARKUP)}\n`;
};

/** validate's result, or report's on invalid input: the problems, and that nothing was compared. */
function validationMarkdown(report: ReportResult): string {
  const errors = report.summary.severities.error;
  const out = [
    errors > 0
      ? "## claimcheck: the claims files are invalid"
      : "## claimcheck: the claims files are valid",
    "",
    `${errors > 0 ? ":x:" : ":white_check_mark:"} ${cell(validationLine(report) ?? "")}.`,
    "",
  ];
  const problems = sortFindings(report.findings);
  if (problems.length > 0)
    out.push(`### Problems (${problems.length})`, "", ...findingTable(problems), "");
  return `${neutraliseCommands(out.join("\n"), MARKUP)}\n`;
}

function details(summary: string, body: string[]): string[] {
  // The blank line after <summary> lets GitHub render the Markdown table inside.
  return ["<details>", `<summary>${cell(summary)}</summary>`, "", ...body, "", "</details>", ""];
}

/** One row per fact: the values (differing words marked) with their sources, and where. */
function groupTable(list: readonly GroupResult[], withDifference: boolean): string[] {
  const head = withDifference
    ? ["| Fact | Values (sources) | Difference | Status |", "| --- | --- | --- | --- |"]
    : ["| Fact | Value (sources) | Where |", "| --- | --- | --- |"];
  const rows = list.slice(0, ROW_CAP).map((g) => {
    const fact = `${cell(g.subjectLabel)}<br>${cell(g.propertyLabel)}${g.asOf ? ` (as of ${cell(g.asOf)})` : ""}`;
    const values = g.values.map((v, i) => valueCell(v, i === 0)).join("<br>");
    if (!withDifference) {
      const at = g.values
        .flatMap((v) => v.claims)
        .map((c) => `${cell(c.claimsFile)}:${c.line}`)
        .join("<br>");
      return `| ${fact} | ${values} | ${at} |`;
    }
    const kind = cell(describeKind(g.kind));
    const status = g.acknowledged ? "acknowledged" : g.verdict === "conflict" ? "**new**" : "";
    return `| ${fact} | ${values} | ${kind} | ${status} |`;
  });
  return [...head, ...rows, ...capLine(list.length)];
}

function valueCell(v: ValueCluster, isReference: boolean): string {
  const parts = markedParts(v, isReference);
  const shown = parts
    ? parts.map((p) => (p.marked ? `<mark>${cell(p.text)}</mark>` : cell(p.text))).join("")
    : cell(v.display);
  const mark = isReference || v.relation === "agree" ? "" : v.relation === "conflict" ? " ✗" : " ≈";
  const detail = !isReference && v.detail ? ` <sub>${cell(v.detail)}</sub>` : "";
  const where = isReference
    ? ""
    : ` <sub>${v.claims.map((c) => `${cell(c.claimsFile)}:${c.line}`).join(", ")}</sub>`;
  return `${shown}${mark} (${cell(v.sources.join(", "))})${detail}${where}`;
}

function findingTable(list: readonly Finding[]): string[] {
  const rows = list.slice(0, ROW_CAP).map((f) => {
    const at = `${cell(f.location.file)}:${f.location.line}:${f.location.column}`;
    return `| ${at} | ${f.severity} | ${cell(ruleLabel(f))} | ${cell(f.message)} |`;
  });
  return [
    "| Where | Severity | Rule | Message |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...capLine(list.length),
  ];
}

function capLine(total: number): string[] {
  return total > ROW_CAP ? ["", `… and ${total - ROW_CAP} more, not listed here.`] : [];
}
