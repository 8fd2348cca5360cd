/**
 * JUnit XML, for the test tabs of CI systems (GitLab, CircleCI, Jenkins): every fact is a test.
 *
 * Layout: one <testsuite> per verdict (conflict, compatible, agree, single-source), so each fact
 * appears exactly once and a suite's counts are the report's totals; a last suite, "problems",
 * holds the findings about files (invalid claims in a partial report, stale acknowledgements,
 * quotes that do not show their value). In a testcase, classname is the subject's id and name
 * the property's label (with `as of` and, for multi-valued properties, the value, so names stay
 * unique).
 *
 * An unacknowledged conflict is a <failure> whose text lists each value with its sources and
 * claim locations; an acknowledged one is <skipped>. Errors about files are failures; warnings
 * pass with their message in <system-out>. All text is escaped (no CDATA); control characters
 * are shown as \u{…}, other characters XML cannot carry become U+FFFD. No timestamps: the
 * output is deterministic.
 */

import type { GroupResult, Verdict } from "../../compare/result.js";
import { VERDICTS } from "../../compare/result.js";
import { sortFindings } from "../../findings/finding.js";
import { escapeXml, escapeXmlAttribute, visibleControls } from "../escape.js";
import type { ReportResult } from "../report-result.js";
import {
  conflictNotes,
  factLabel,
  formLines,
  leftOutLine,
  partialLine,
  sourcesWithYears,
  validationLine,
  where,
} from "./common.js";
import type { Formatter } from "./types.js";

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: string; body: string };
  skipped?: string;
  out?: string;
}

const SUITE_NAME: Record<Verdict, string> = {
  conflict: "claimcheck: conflicts",
  compatible: "claimcheck: compatible values",
  agree: "claimcheck: agreements",
  "single-source": "claimcheck: single-source facts",
};

export const formatJunit: Formatter = (report) => {
  const suites: { name: string; cases: Case[] }[] = VERDICTS.map((v) => ({
    name: SUITE_NAME[v],
    cases: report.groups.filter((g) => g.verdict === v).map((g) => groupCase(g, report)),
  }));
  suites.push({ name: "claimcheck: problems", cases: problemCases(report) });

  const count = (cases: Case[], pick: (c: Case) => unknown) => cases.filter(pick).length;
  const all = suites.flatMap((s) => s.cases);
  const notes = [leftOutLine(report), partialLine(report), validationLine(report)].filter(
    (s): s is string => !!s,
  );
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="claimcheck" tests="${all.length}" failures="${count(all, (c) => c.failure)}" errors="0" skipped="${count(all, (c) => c.skipped)}" time="0">`,
  ];
  for (const s of suites) {
    out.push(
      `  <testsuite name="${attr(s.name)}" tests="${s.cases.length}" failures="${count(s.cases, (c) => c.failure)}" errors="0" skipped="${count(s.cases, (c) => c.skipped)}" time="0">`,
    );
    if (s === suites[0] && notes.length > 0) {
      out.push("    <properties>");
      for (const n of notes) out.push(`      <property name="note" value="${attr(n)}"/>`);
      out.push("    </properties>");
    }
    for (const c of s.cases) out.push(...renderCase(c));
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
};

function renderCase(c: Case): string[] {
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}" time="0"`;
  if (!c.failure && c.skipped === undefined && c.out === undefined) return [`${open}/>`];
  const lines = [`${open}>`];
  if (c.failure)
    lines.push(
      `      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.body)}</failure>`,
    );
  if (c.skipped !== undefined) lines.push(`      <skipped message="${attr(c.skipped)}"/>`);
  if (c.out !== undefined) lines.push(`      <system-out>${text(c.out)}</system-out>`);
  lines.push("    </testcase>");
  return lines;
}

/** XML text content: control and bidi characters shown as \u{…}, the rest escaped. */
function text(s: string): string {
  return escapeXml(visibleControls(s));
}

function attr(s: string): string {
  return escapeXmlAttribute(visibleControls(s));
}

function groupCase(g: GroupResult, report: ReportResult): Case {
  let name = g.propertyLabel;
  if (g.asOf) name += ` (as of ${g.asOf})`;
  if (g.cardinality === "multiple" && g.values[0]) name += `: ${g.values[0].display}`;
  const c: Case = { classname: g.subject, name };
  const body = [
    [factLabel(g), ...conflictNotes(g)].join("; "),
    ...g.values.map(
      (v, i) =>
        `${i === 0 ? (g.tie ? "tied" : "majority") : v.relation}: ${v.display} (${sourcesWithYears(v)})${v.detail ? `: ${v.detail}` : ""}${formLines(
          v,
        )
          .map((f) => `\n  ${f}`)
          .join("")}\n${v.claims
          .map((cl) => `  ${where(cl.claimsFile, cl.line, cl.column)} ${cl.source}`)
          .join("\n")}`,
    ),
  ];
  const findings = report.findings.filter(
    (f) => f.group === g.key && (f.ruleId === "within-source-conflict" || f.ruleId === "conflict"),
  );
  if (g.verdict === "conflict") {
    const first = sortFindings(findings).find((f) => f.ruleId === "conflict");
    const message = first?.message ?? `${factLabel(g)}: the sources conflict`;
    const within = findings.filter((f) => f.ruleId === "within-source-conflict");
    const detail = [...body, ...within.map((f) => f.message)].join("\n");
    if (g.acknowledged) {
      c.skipped = `acknowledged: ${message}`;
      c.out = detail;
    } else c.failure = { message, type: "conflict", body: detail };
  } else if (g.verdict === "compatible") {
    c.out = body.join("\n");
  }
  return c;
}

function problemCases(report: ReportResult): Case[] {
  return sortFindings(report.findings.filter((f) => !f.group && f.severity !== "note")).map((f) => {
    const at = where(f.location.file, f.location.line, f.location.column);
    const c: Case = { classname: f.location.file, name: `${f.ruleId} at ${at}` };
    if (f.severity === "error")
      c.failure = { message: f.message, type: f.ruleId, body: `${at}: ${f.message}` };
    else c.out = `warning: ${at}: ${f.message}`;
    return c;
  });
}
