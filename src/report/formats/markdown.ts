/**
 * The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`) or a pull
 * request comment: the totals; with a baseline, what the pull request brought and what it fixed;
 * the conflicts as a table with the words that differ marked and their status (open, new,
 * unchanged, acknowledged with its reason); the other problems; then collapsible sections for
 * compatible values, agreements and single-source facts. Claim locations link to their line when
 * the run knows the repository's address (GitHub Actions).
 *
 * Every table cell goes through escapeMarkdownCell, so a pipe, a backtick or HTML in a claim
 * cannot break the table or inject markup; text inside raw HTML (`<summary>`), where backslash
 * escapes are not read, goes through escapeMarkdownHtml; no line starts with text from a file.
 *
 * A step summary may hold 1 MiB: each table lists at most ROW_CAP rows and says how many it left
 * out.
 */
import { describeKind } from "../../compare/group-findings.js";
import type { ClaimRef, GroupResult, ValueCluster } from "../../compare/result.js";
import { type Finding, sortFindings } from "../../findings/finding.js";
import {
  escapeMarkdownCell as cell,
  escapeMarkdownHtml,
  MARKUP,
  neutraliseCommands,
} from "../escape.js";
import type { ReportResult } from "../report-result.js";
import {
  baselineLine,
  conflictNotes,
  count,
  formLines,
  groupsWith,
  leftOutLine,
  markedParts,
  marksConflict,
  partialLine,
  repoPath,
  ruleLabel,
  sourcesWithYears,
  validationLine,
  verdictTotals,
} from "./common.js";
import type { FormatContext, Formatter } from "./types.js";

/** Rows listed at most per table, to stay well inside the 1 MiB step-summary limit. */
export const ROW_CAP = 300;

export const formatMarkdown: Formatter = (report, ctx) => {
  const md = report.validationOnly ? validationMarkdown(report, ctx) : fullMarkdown(report, ctx);
  // Escaped pieces side by side could still spell a log command: the whole text is checked.
  return `${neutraliseCommands(md.join("\n"), MARKUP)}\n`;
};

function fullMarkdown(report: ReportResult, ctx: FormatContext): string[] {
  const out: string[] = ["## claimcheck: do the sources agree?", ""];
  const v = report.summary.verdicts;
  out.push(
    `**${report.groups.length} facts** compared across **${report.sources.length} sources**: ${verdictTotals(report)}.`,
    "",
  );
  const baseline = report.baseline;
  const newConflicts = report.findings.filter(
    (f) =>
      (f.ruleId === "conflict" || f.ruleId === "within-source-conflict") &&
      !f.acknowledged &&
      f.baseline === "new",
  ).length;
  const open = report.groups.filter((g) => g.verdict === "conflict" && !g.acknowledged).length;
  if (baseline) {
    const line = baselineLine(report) ?? "";
    out.push(`${cell(line.charAt(0).toUpperCase() + line.slice(1))}.`, "");
    out.push(
      newConflicts > 0
        ? `:x: **${count(newConflicts, "new conflict finding")}** in this change: check each source's evidence; if a discrepancy is real and explained, acknowledge it in \`claims/acknowledged.yaml\`.`
        : `:white_check_mark: No new conflicts${open > 0 ? ` (${count(open, "conflict")} already on the base, not counted)` : ""}.`,
      "",
    );
  } else {
    out.push(
      open > 0
        ? `:x: **${count(open, "unacknowledged conflict")}**: check each source's evidence; if a discrepancy is real and explained, acknowledge it in \`claims/acknowledged.yaml\`.`
        : v.conflict > 0
          ? ":white_check_mark: Every conflict is acknowledged."
          : ":white_check_mark: No conflicts.",
      "",
    );
  }
  const leftOut = leftOutLine(report);
  if (leftOut) out.push(`> [!NOTE]`, `> ${cell(leftOut)}`, "");
  const partial = partialLine(report);
  if (partial) out.push(`> [!WARNING]`, `> ${cell(partial)}`, "");

  if (baseline) {
    const brought = sortFindings(
      report.findings.filter((f) => f.baseline === "new" && f.severity !== "note"),
    );
    if (brought.length > 0)
      out.push(`### New in this change (${brought.length})`, "", ...findingTable(brought, ctx), "");
    const fixed = sortFindings(baseline.fixed.filter((f) => f.severity !== "note"));
    if (fixed.length > 0) {
      // Where they were: on the base, whose lines may differ, so no link.
      out.push(
        `### Fixed by this change (${fixed.length})`,
        "",
        ...findingTable(fixed, { ...ctx, linkBase: undefined }),
        "",
      );
    }
  }

  const conflicts = groupsWith(report, "conflict");
  if (conflicts.length > 0) {
    out.push(`### Conflicts (${conflicts.length})`, "");
    out.push(...groupTable(conflicts, report, ctx, true));
    out.push("");
  }

  const problems = sortFindings(
    report.findings.filter((f) => f.severity !== "note" && f.ruleId !== "conflict"),
  );
  if (problems.length > 0) {
    out.push(`### Problems (${problems.length})`, "");
    out.push(...findingTable(problems, ctx));
    out.push("");
  }

  const compatible = groupsWith(report, "compatible");
  if (compatible.length > 0)
    out.push(
      ...details(
        `Compatible values (${compatible.length})`,
        groupTable(compatible, report, ctx, true),
      ),
    );
  const agree = groupsWith(report, "agree");
  if (agree.length > 0)
    out.push(...details(`Agreements (${agree.length})`, groupTable(agree, report, ctx, false)));
  const single = groupsWith(report, "single-source");
  if (single.length > 0)
    out.push(
      ...details(`Single-source facts (${single.length})`, groupTable(single, report, ctx, false)),
    );
  const notes = sortFindings(
    report.findings.filter(
      (f) => f.severity === "note" && !f.group, // group notes are in the tables above
    ),
  );
  if (notes.length > 0) out.push(...details(`Notes (${notes.length})`, findingTable(notes, ctx)));

  out.push(
    `<sub>claimcheck report format ${report.version}; ${report.summary.comparisons} value comparisons.</sub>`,
  );
  return out;
}

/** validate's result, or report's on invalid input: the problems, and that nothing was compared. */
function validationMarkdown(report: ReportResult, ctx: FormatContext): string[] {
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
    out.push(`### Problems (${problems.length})`, "", ...findingTable(problems, ctx), "");
  return out;
}

function details(summary: string, body: string[]): string[] {
  // The blank line after <summary> lets GitHub render the Markdown table inside. Inside the
  // HTML element, backslash escapes would show: the text is escaped as HTML.
  return [
    "<details>",
    `<summary>${escapeMarkdownHtml(summary)}</summary>`,
    "",
    ...body,
    "",
    "</details>",
    "",
  ];
}

/** One row per fact: the values (differing words marked) with their sources, and where. */
function groupTable(
  list: readonly GroupResult[],
  report: ReportResult,
  ctx: FormatContext,
  withDifference: boolean,
): string[] {
  const head = withDifference
    ? ["| Fact | Values (sources) | Difference | Status |", "| --- | --- | --- | --- |"]
    : ["| Fact | Value (sources) | Where |", "| --- | --- | --- |"];
  const newGroups = report.baseline
    ? new Set(report.findings.filter((f) => f.baseline === "new" && f.group).map((f) => f.group))
    : undefined;
  const rows = list.slice(0, ROW_CAP).map((g) => {
    const fact = `${cell(g.subjectLabel)}<br>${cell(g.propertyLabel)}${g.asOf ? ` (as of ${cell(g.asOf)})` : ""}`;
    const values = g.values.map((v, i) => valueCell(v, i === 0, g, ctx)).join("<br>");
    if (!withDifference) {
      const at = g.values
        .flatMap((v) => v.claims)
        .map((c) => claimLink(c, ctx))
        .join("<br>");
      return `| ${fact} | ${values} | ${at} |`;
    }
    const kind = [...conflictNotes(g).map((n) => `**${cell(n)}**`), cell(describeKind(g.kind))]
      .filter(Boolean)
      .join("<br>");
    return `| ${fact} | ${values} | ${kind} | ${status(g, newGroups)} |`;
  });
  return [...head, ...rows, ...capLine(list.length)];
}

/** Acknowledged (with the reviewer's reason), or for a conflict: new, unchanged or open. */
function status(g: GroupResult, newGroups: ReadonlySet<string | undefined> | undefined): string {
  if (g.acknowledgement) {
    const { reason, reviewer, date } = g.acknowledgement;
    const by = [reviewer, date].filter(Boolean).join(", ");
    return `acknowledged: ${cell(reason)}${by ? ` <sub>(${cell(by)})</sub>` : ""}`;
  }
  if (g.acknowledged) return "acknowledged";
  if (g.verdict !== "conflict") return "";
  if (!newGroups) return "**open**";
  return newGroups.has(g.key) ? "**new**" : "unchanged";
}

function valueCell(
  v: ValueCluster,
  isReference: boolean,
  g: GroupResult,
  ctx: FormatContext,
): string {
  const parts = markedParts(v, isReference);
  const shown = parts
    ? parts.map((p) => (p.marked ? `<mark>${cell(p.text)}</mark>` : cell(p.text))).join("")
    : cell(v.display);
  const mark = marksConflict(g, v)
    ? " ✗"
    : isReference || v.relation === "agree" || g.verdict === "single-source"
      ? ""
      : " ≈";
  const detail = !isReference && v.detail ? ` <sub>${cell(v.detail)}</sub>` : "";
  const forms = formLines(v)
    .map((f) => `<br><sub>${cell(f)}</sub>`)
    .join("");
  const where =
    isReference && !g.tie ? "" : ` <sub>${v.claims.map((c) => claimLink(c, ctx)).join(", ")}</sub>`;
  return `${shown}${mark} (${cell(sourcesWithYears(v))})${detail}${where}${forms}`;
}

/** `claims/x.yaml:12`, a link to the line when the repository's address is known. */
function claimLink(c: ClaimRef, ctx: FormatContext): string {
  return lineLink(c.claimsFile, c.line, undefined, ctx);
}

function lineLink(
  file: string,
  line: number,
  column: number | undefined,
  ctx: FormatContext,
): string {
  const path = repoPath(ctx, file);
  const text = `${cell(path)}:${line}${column === undefined ? "" : `:${column}`}`;
  if (!ctx.linkBase) return text;
  // Each path segment is percent-encoded, so nothing in a file name can end the link.
  const url = `${ctx.linkBase}${path.split("/").map(encodeURIComponent).join("/")}#L${line}`;
  return `[${text}](${url.replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

function findingTable(list: readonly Finding[], ctx: FormatContext): string[] {
  const rows = list.slice(0, ROW_CAP).map((f) => {
    const at = lineLink(f.location.file, f.location.line, f.location.column, ctx);
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
