/**
 * GitHub Actions workflow commands: one annotation per finding, on the claim's line in its YAML
 * file, so a pull request shows each discrepancy where it was written.
 *
 * Safety. Every property value and message is escaped as the official toolkit does (`%` first,
 * CR, LF; `:` and `,` too in properties), so nothing from a claim or an article can end the
 * annotation line and start a command of its own; control characters are shown as \u{…}.
 * Everything else this format prints (the totals and the per-fact details, which repeat values
 * and names from the files) sits between `::stop-commands::TOKEN` and `::TOKEN::` with the run's
 * random token, so the runner executes nothing there. The annotations themselves stay outside
 * that block: inside it, the runner would ignore them too.
 *
 * Limits. GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50
 * per job); the rest stay in the log only. Errors and warnings are all printed, in file order.
 * Notices are capped at NOTICE_CAP: discrepancy notes (acknowledged conflicts, compatible values,
 * variants) come before the many single-source notes, and when there are more, the last slot is
 * one notice that counts the rest and points at the job summary.
 */

import { type Finding, type Severity, sortFindings } from "../../findings/finding.js";
import { ruleInfo } from "../../findings/rules.js";
import {
  escapeTerminal,
  escapeWorkflowData,
  escapeWorkflowProperty,
  neutraliseCommands,
  PLAIN,
  visibleControls,
} from "../escape.js";
import type { ReportResult } from "../report-result.js";
import {
  baselineLine,
  conflictNotes,
  factLabel,
  findingFact,
  formLines,
  groupsByKey,
  leftOutLine,
  markedParts,
  partialLine,
  repoPath,
  ruleLabel,
  sourcesWithYears,
  validationLine,
  verdictTotals,
} from "./common.js";
import type { FormatContext, Formatter } from "./types.js";

/** Annotations GitHub shows per type and step. */
export const ANNOTATIONS_PER_TYPE = 10;
/** Notices printed at most; the last one counts any left out. */
export const NOTICE_CAP = ANNOTATIONS_PER_TYPE;
/** Related locations listed in one annotation's message. */
const RELATED_SHOWN = 5;

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", note: "notice" };

export const formatGithub: Formatter = (report, ctx) => {
  const groups = groupsByKey(report);
  // With a baseline, only what the pull request brought is annotated; the log lists everything.
  const findings = sortFindings(
    report.baseline ? report.findings.filter((f) => f.baseline === "new") : report.findings,
  );
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const notes = findings.filter((f) => f.severity === "note");
  const shownNotes = pickNotices(notes);

  const out: string[] = [];
  for (const f of [...errors, ...warnings, ...shownNotes]) out.push(annotation(f, groups, ctx));
  const notShown = notes.length - shownNotes.length;
  if (notShown > 0) {
    const single = notes.filter((f) => !shownNotes.includes(f) && f.ruleId === "single-source");
    out.push(
      command("notice", { title: "claimcheck: more notes" }, [
        `${notShown} more note(s) not annotated (${single.length} single-source), because GitHub shows at most ${ANNOTATIONS_PER_TYPE} notices per step.`,
        "See the job summary (markdown format) or run `claimcheck report` for all of them.",
      ]),
    );
  }

  // The rest is for the log and repeats text from the files: commands are off while it prints.
  out.push("::group::claimcheck report");
  out.push(`::stop-commands::${ctx.token}`);
  out.push(
    neutraliseCommands(
      details(report, errors.length, warnings.length, notes.length).join("\n"),
      PLAIN,
    ),
  );
  out.push(`::${ctx.token}::`);
  out.push("::endgroup::");
  return `${out.join("\n")}\n`;
};

/** Discrepancy notes first, single-source facts last; at most NOTICE_CAP in all, counting the summary notice. */
function pickNotices(notes: readonly Finding[]): Finding[] {
  if (notes.length <= NOTICE_CAP) return [...notes];
  const rank = (f: Finding) => (f.acknowledged ? 0 : f.ruleId === "single-source" ? 2 : 1);
  const ordered = [...notes].sort((a, b) => rank(a) - rank(b));
  return sortFindings(ordered.slice(0, NOTICE_CAP - 1));
}

function annotation(
  f: Finding,
  groups: ReturnType<typeof groupsByKey>,
  ctx: FormatContext,
): string {
  const fact = findingFact(f, groups);
  const props: Record<string, string | number | undefined> = {
    // GitHub places an annotation by its path from the repository's top, not from --root.
    file: repoPath(ctx, f.location.file),
    line: f.location.line,
    endLine: f.location.endLine,
    col: f.location.column,
    endColumn: f.location.endColumn,
    title: fact ? `${ruleLabel(f)}: ${fact}` : `${ruleLabel(f)}: ${ruleInfo(f.ruleId).summary}`,
  };
  const lines = [f.message];
  for (const r of f.related.slice(0, RELATED_SHOWN))
    lines.push(`${repoPath(ctx, r.file)}:${r.line}:${r.column}: ${r.message}`);
  if (f.related.length > RELATED_SHOWN)
    lines.push(`… and ${f.related.length - RELATED_SHOWN} more`);
  if (f.acknowledged)
    lines.push("Acknowledged in claims/acknowledged.yaml: shown, does not fail the run.");
  else if (f.severity !== "note" && ruleInfo(f.ruleId).help) lines.push(ruleInfo(f.ruleId).help);
  return command(COMMAND[f.severity], props, lines);
}

/** `::name k=v,…::message`, with every value and the message escaped for the runner. */
function command(
  name: string,
  props: Record<string, string | number | undefined>,
  messageLines: readonly string[],
): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeWorkflowProperty(shown(String(v)))}`);
  const message = escapeWorkflowData(messageLines.map(shown).join("\n"));
  return `::${name}${list.length ? ` ${list.join(",")}` : ""}::${message}`;
}

/**
 * Text as an annotation shows it: hidden characters as \u{…}, and no `##[` even though the
 * runner, having read the line as an annotation, would not look for one.
 */
function shown(text: string): string {
  return neutraliseCommands(visibleControls(text), PLAIN);
}

/** Plain log lines: totals, left-out facts, and each discrepancy with its values and sources. */
function details(report: ReportResult, errors: number, warnings: number, notes: number): string[] {
  const t = escapeTerminal;
  const validation = validationLine(report);
  const lines = [
    validation
      ? `claimcheck: ${validation}`
      : `claimcheck: ${report.groups.length} facts compared across ${report.sources.length} sources: ${verdictTotals(report)}`,
    `claimcheck: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)`,
  ];
  const baseline = baselineLine(report);
  if (baseline) lines.push(`claimcheck: ${t(baseline)}`);
  const leftOut = leftOutLine(report);
  if (leftOut) lines.push(`claimcheck: ${leftOut}`);
  const partial = partialLine(report);
  if (partial) lines.push(`claimcheck: ${t(partial)}`);
  if (errors > ANNOTATIONS_PER_TYPE)
    lines.push(
      `claimcheck: GitHub shows the first ${ANNOTATIONS_PER_TYPE} of the ${errors} error annotations; all are listed in the job summary`,
    );
  for (const f of report.baseline?.fixed ?? []) {
    if (f.severity === "note") continue;
    lines.push(
      `claimcheck: fixed: ${t(f.location.file)}:${f.location.line}:${f.location.column}: ${f.severity} ${t(f.ruleId)} ${t(f.message)}`,
    );
  }
  for (const g of report.groups) {
    if (g.verdict !== "conflict" && g.verdict !== "compatible") continue;
    const status = g.acknowledged ? " (acknowledged)" : "";
    const notes = conflictNotes(g)
      .map((n) => `; ${t(n)}`)
      .join("");
    lines.push("", `${g.verdict}${status}: ${t(factLabel(g))}${notes}`);
    g.values.forEach((v, i) => {
      const parts = markedParts(v, i === 0);
      const shown = parts
        ? parts.map((p) => (p.marked ? `[${t(p.text)}]` : t(p.text))).join("")
        : t(v.display);
      const at = v.claims.map((c) => `${t(c.claimsFile)}:${c.line}`).join(", ");
      lines.push(
        `  ${i === 0 ? (g.tie ? "tied" : "majority") : v.relation}: ${shown} — ${t(sourcesWithYears(v))} (${at})`,
      );
      for (const form of formLines(v)) lines.push(`    ${t(form)}`);
    });
  }
  return lines;
}
