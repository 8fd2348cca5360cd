/**
 * Small helpers the CI formats share (github, markdown, sarif, junit, line): the words for a
 * fact, the one-line totals, the parts of a value that differ from the majority. Pure functions
 * of the report; escaping stays with each format, which knows its sink.
 */
import { withThousands } from "../../compare/group-findings.js";
import type { GroupResult, ValueCluster, Verdict } from "../../compare/result.js";
import type { DiffPart, Finding } from "../../findings/finding.js";
import type { ReportResult } from "../report-result.js";
import type { FormatContext } from "./types.js";

/** `Subject — property (as of …)`, the words a reader knows a fact by. */
export function factLabel(g: GroupResult): string {
  return `${g.subjectLabel} — ${g.propertyLabel}${g.asOf ? ` (as of ${g.asOf})` : ""}`;
}

/** Each group by its key, for findings that name their group. */
export function groupsByKey(report: ReportResult): Map<string, GroupResult> {
  return new Map(report.groups.map((g) => [g.key, g]));
}

/** The fact a finding is about, or undefined for findings about a file. */
export function findingFact(
  f: Finding,
  groups: ReadonlyMap<string, GroupResult>,
): string | undefined {
  const g = f.group ? groups.get(f.group) : undefined;
  return g ? factLabel(g) : undefined;
}

/** The rule id, marked when a reviewer acknowledged the discrepancy. */
export function ruleLabel(f: Finding): string {
  return f.acknowledged ? `${f.ruleId} (acknowledged)` : f.ruleId;
}

/** `3 in conflict (1 acknowledged), 0 compatible, 19 agree, 75 single-source`. */
export function verdictTotals(report: ReportResult): string {
  const v = report.summary.verdicts;
  const ack = report.summary.acknowledged ? ` (${report.summary.acknowledged} acknowledged)` : "";
  return `${v.conflict} in conflict${ack}, ${v.compatible} compatible, ${v.agree} agree, ${v["single-source"]} single-source`;
}

/** The sentence about facts the filters (or --changed-since) left out, or undefined if none. */
export function leftOutLine(report: ReportResult): string | undefined {
  const n = report.summary.leftOut;
  if (n <= 0) return undefined;
  return `${n} fact${n === 1 ? "" : "s"} left out by filters or --changed-since (not compared in this report)`;
}

/** The sentence about the baseline, or undefined without one. */
export function baselineLine(report: ReportResult): string | undefined {
  const b = report.baseline;
  if (!b) return undefined;
  const broken = b.invalid ? " (the baseline's own files are invalid: its report is partial)" : "";
  return `against ${b.ref} (${b.commit.slice(0, 12)}): ${b.new} new, ${b.unchanged} unchanged, ${b.fixed.length} fixed${broken}`;
}

/** The sentence about a partial report, or undefined for a complete one. */
export function partialLine(report: ReportResult): string | undefined {
  if (!report.partial) return undefined;
  return `partial report: ${report.invalidFiles.length} file(s) could not be read (${report.invalidFiles.join(", ")})`;
}

/**
 * The closing sentence of a report in which nothing was compared (validate, or report on invalid
 * input): how many errors in how many files, or that every file is valid. Undefined otherwise.
 */
export function validationLine(report: ReportResult): string | undefined {
  if (!report.validationOnly) return undefined;
  const { error, warning } = report.summary.severities;
  const warnings = warning > 0 ? `, ${count(warning, "warning")}` : "";
  if (error === 0) {
    const claims = report.sources.reduce((n, s) => n + s.claims, 0);
    return `${count(report.sources.length, "claims file")}, ${count(claims, "claim")}: all valid, every quote found${warning > 0 ? ` (${count(warning, "warning")})` : ""}`;
  }
  const files = new Set(
    report.findings.filter((f) => f.severity === "error").map((f) => f.location.file),
  );
  return `${count(error, "error")} in ${count(files.size, "file")}${warnings}: nothing was compared; fix ${error === 1 ? "it" : "them"}, or run report with --keep-going to compare the valid files`;
}

/** `1 file`, `2 files`, `1,000 claims`. */
export function count(n: number, word: string): string {
  return `${withThousands(n)} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The sources of a value, each marked `[year from publication]` (or `annotator`) when its own
 * text does not give the date's year.
 */
export function sourcesWithYears(v: ValueCluster): string {
  const from = new Map<string, string>();
  for (const c of v.claims) if (c.yearSource) from.set(c.source, c.yearSource);
  if (from.size === 0) return v.sources.join(", ");
  return v.sources.map((s) => (from.has(s) ? `${s} [year from ${from.get(s)}]` : s)).join(", ");
}

/** How each source writes a value merged from several written forms: `"Foreign Ministry" — Azernews`. */
export function formLines(v: ValueCluster): string[] {
  return (v.forms ?? []).map((f) => `"${f.text}" — ${f.sources.join(", ")}`);
}

/** What a conflict's row says beyond its verdict: a tie, and sources that contradict themselves. */
export function conflictNotes(g: GroupResult): string[] {
  const notes: string[] = [];
  if (g.timeline) notes.push(`out of time: ${g.timeline}`);
  if (g.tie) notes.push("tie: no majority");
  if (g.selfContradicting.length > 0)
    notes.push(`contradicts itself: ${g.selfContradicting.join(", ")}`);
  return notes;
}

/** Whether a value is marked as standing apart: a conflicting value, or any value of a tie. */
export function marksConflict(g: GroupResult, v: ValueCluster): boolean {
  return v.relation === "conflict" || (g.tie && v.relation === "reference");
}

/** A group is still open when it fails by default: an unacknowledged conflict. */
export function isOpenConflict(g: GroupResult): boolean {
  return g.verdict === "conflict" && !g.acknowledged;
}

export function groupsWith(report: ReportResult, verdict: Verdict): GroupResult[] {
  return report.groups.filter((g) => g.verdict === verdict);
}

/**
 * A value split into the parts shared with the majority value and the parts only it has
 * (`marked: true`); the majority's own words are dropped. Undefined when there is no diff.
 */
export function markedParts(
  v: ValueCluster,
  isReference: boolean,
): { text: string; marked: boolean }[] | undefined {
  if (isReference || v.relation === "agree" || v.relation === "reference") return undefined;
  const parts: DiffPart[] | undefined = v.charDiff ?? v.wordDiff;
  if (!parts) return undefined;
  return parts.filter((p) => p.op !== -1).map((p) => ({ text: p.text, marked: p.op === 1 }));
}

/** A path from the project root as the repository names it (see FormatContext.repoPrefix). */
export function repoPath(ctx: FormatContext, file: string): string {
  return `${ctx.repoPrefix ?? ""}${file}`;
}

/** Where a claim is: `claims/x.yaml:12:7`. */
export function where(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}
