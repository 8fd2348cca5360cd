/**
 * Helpers for the output-format tests: a fixed format context, the bundled report, a report full
 * of hostile strings, and checkers that read each format the way its consumer does (GitHub's
 * runner, a Markdown table, the SARIF schema, a JUnit XML parser).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { GroupResult, ValueCluster, Verdict } from "../../src/compare/result.js";
import { countBySeverity, type Finding } from "../../src/findings/finding.js";
import { runReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import { type FormatName, loadFormatter } from "../../src/report/formats/index.js";
import type { FormatContext } from "../../src/report/formats/types.js";
import { REPORT_VERSION, type ReportResult } from "../../src/report/report-result.js";
import { REPO } from "../helpers/project.js";

/** The stop-commands token in tests; a real run uses 16 random bytes. */
export const TOKEN = "test-token-0123456789abcdef";

export const CTX: FormatContext = {
  colors: makeColors(false),
  width: 100,
  token: TOKEN,
  version: "0.0.0-test",
};

export async function render(format: FormatName, report: ReportResult): Promise<string> {
  return (await loadFormatter(format))(report, CTX);
}

let bundled: Promise<ReportResult> | undefined;
/** The report on the bundled articles, computed in-process once per test file. */
export function bundledReport(): Promise<ReportResult> {
  bundled ??= runReport({ root: REPO }).then((r) => r.report());
  return bundled;
}

/** Everything that has broken a CI format somewhere, in one string. */
export const HOSTILE =
  "x\n::error::pwned %0A ::stop-commands::x ##[set-output name=x]y | `tick` <script>alert(1)</script> ]]> \u0000\u0001\u000b\u001b[31mred\u001b[0m \r::warning::cr & \"q\" 'a' ,:= \ud800 \u202e";
const HOSTILE_FILE = `claims/we:ird,\n100% <b>|\`x\` ]]>.yaml`;

/** A report whose every string from a file is hostile: what a malicious claims file could make. */
export function hostileReport(): ReportResult {
  const claim = (n: number, file = HOSTILE_FILE) => ({
    claimId: `c${n}${HOSTILE}`,
    source: `Src ${HOSTILE}`,
    claimsFile: file,
    line: n,
    column: 3,
    endLine: n,
    endColumn: 9,
    sourcePath: `sources/${HOSTILE}.txt`,
    evidence: `Evidence ${HOSTILE}`,
    raw: `Raw ${HOSTILE}`,
  });
  const value = (display: string, relation: ValueCluster["relation"], n: number): ValueCluster => ({
    display,
    relation,
    ...(relation === "reference" || relation === "agree"
      ? {}
      : {
          kind: "different-word" as const,
          detail: `Detail ${HOSTILE}`,
          wordDiff: [
            { op: -1 as const, text: `Ref ${HOSTILE}` },
            { op: 1 as const, text: `Other ${HOSTILE}` },
            { op: 0 as const, text: ` tail ${HOSTILE}` },
          ],
        }),
    sources: [`Src ${HOSTILE}`],
    claims: [claim(n)],
  });
  const group = (i: number, verdict: Verdict, acknowledged = false): GroupResult => ({
    key: `subj${i}${HOSTILE}/prop`,
    subject: `subj${i}${HOSTILE}`,
    subjectLabel: `Subject ${HOSTILE}`,
    property: "prop",
    propertyLabel: `Property ${HOSTILE}`,
    asOf: i === 0 ? `2024-02-06${HOSTILE}` : undefined,
    valueType: "text",
    cardinality: i === 1 ? "multiple" : "single",
    verdict,
    kind: verdict === "conflict" || verdict === "compatible" ? "different-word" : undefined,
    values:
      verdict === "single-source" || verdict === "agree"
        ? [value(`Ref ${HOSTILE}`, "reference", 10 + i)]
        : [
            value(`Ref ${HOSTILE}`, "reference", 10 + i),
            value(`Other ${HOSTILE}`, verdict === "conflict" ? "conflict" : "compatible", 20 + i),
          ],
    standApart: verdict === "conflict" ? [`Src ${HOSTILE}`] : [],
    tie: false,
    sourceCount: 2,
    acknowledged,
    selfContradicting: [],
  });
  const groups = [
    group(0, "conflict"),
    group(1, "conflict", true),
    group(2, "compatible"),
    group(3, "agree"),
    group(4, "single-source"),
  ];
  const related = [{ file: HOSTILE_FILE, line: 10, column: 3, message: `Related ${HOSTILE}` }];
  const at = (line: number) => ({
    file: HOSTILE_FILE,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
  });
  const findings: Finding[] = [
    {
      ruleId: "conflict",
      severity: "error",
      message: `Conflict ${HOSTILE}`,
      location: at(20),
      related,
      group: groups[0]!.key,
      diff: groups[0]!.values[1]!.wordDiff,
    },
    {
      ruleId: "within-source-conflict",
      severity: "error",
      message: `Within ${HOSTILE}`,
      location: at(20),
      related,
      group: groups[0]!.key,
    },
    {
      ruleId: "conflict",
      severity: "note",
      acknowledged: true,
      message: `Acknowledged ${HOSTILE}`,
      location: at(21),
      related,
      group: groups[1]!.key,
    },
    {
      ruleId: "compatible",
      severity: "note",
      message: `Compatible ${HOSTILE}`,
      location: at(22),
      related,
      group: groups[2]!.key,
    },
    {
      ruleId: "acknowledged-stale",
      severity: "warning",
      message: `Stale ${HOSTILE}`,
      location: { file: "claims/acknowledged.yaml", line: 2, column: 5 },
      related: [],
      path: "acknowledged[0]",
    },
    {
      ruleId: "quote-not-found",
      severity: "error",
      message: `Quote ${HOSTILE}`,
      location: at(30),
      related: [],
      path: `claims[0]${HOSTILE}`,
    },
    {
      ruleId: `unknown-rule${HOSTILE}`,
      severity: "warning",
      message: `Unknown ${HOSTILE}`,
      location: at(31),
      related: [],
    },
  ];
  for (let i = 0; i < 12; i++) {
    findings.push({
      ruleId: "single-source",
      severity: "note",
      message: `Single ${i} ${HOSTILE}`,
      location: at(40 + i),
      related: [],
      group: groups[4]!.key,
    });
  }
  return {
    format: "claimcheck-report",
    version: REPORT_VERSION,
    sources: [
      {
        shortName: `Src ${HOSTILE}`,
        outlet: `Outlet ${HOSTILE}`,
        claimsFile: HOSTILE_FILE,
        sourcePath: `sources/${HOSTILE}.txt`,
        published: "2024-02-06",
        title: `Title ${HOSTILE}`,
        claims: 3,
      },
    ],
    groups,
    findings,
    agreement: [],
    summary: {
      verdicts: { conflict: 2, compatible: 1, agree: 1, "single-source": 1 },
      acknowledged: 1,
      severities: countBySeverity(findings),
      comparisons: 4,
      leftOut: 3,
    },
    partial: true,
    validationOnly: false,
    invalidFiles: [HOSTILE_FILE],
  };
}

// --- GitHub's runner, as far as commands go (actions/runner ActionCommand.cs, ActionCommandManager.cs)

const REGISTERED = new Set([
  "add-mask",
  "add-matcher",
  "add-path",
  "debug",
  "echo",
  "endgroup",
  "error",
  "group",
  "internal-set-repo-path",
  "notice",
  "remove-matcher",
  "save-state",
  "set-env",
  "set-output",
  "stop-commands",
  "warning",
]);

export interface RunnerCommand {
  name: string;
  props: Record<string, string>;
  data: string;
  line: string;
  /** The legacy `##[name]` form, which the runner finds anywhere in a line. */
  legacy: boolean;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}
function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}

function parseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const input = line.trimStart();
  if (!input.startsWith("::")) return undefined;
  const end = input.indexOf("::", 2);
  if (end < 0) return undefined;
  const info = input.slice(2, end);
  const space = info.indexOf(" ");
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const props: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) props[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { name, props, data: unescapeData(input.slice(end + 2)), line, legacy: false };
}

function parseV1(line: string, registered: Set<string>): RunnerCommand | undefined {
  const m = /##\[([^\]\s;]+)[^\]]*\](.*)/.exec(line);
  if (!m || !registered.has(m[1]!.toLowerCase())) return undefined;
  return { name: m[1]!.toLowerCase(), props: {}, data: m[2]!, line, legacy: true };
}

/**
 * What .NET's culture-aware comparison (the runner's StartsWith and IndexOf) does not see:
 * controls and format characters, variation selectors. Left out before parsing, to read a line
 * as the runner may.
 */
const UNSEEN = /[\p{Cf}\p{Cc}\p{Variation_Selector}]/gu;

/** The commands a runner would execute for this stdout, honouring stop-commands. */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const executed: RunnerCommand[] = [];
  const registered = new Set(REGISTERED);
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    // Line breaks ended the line already; tabs are leading space the runner trims anyway.
    const line = raw.replace(UNSEEN, (ch) => (ch === "\t" ? ch : ""));
    const cmd = parseV2(line, registered) ?? parseV1(line, registered);
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.name === stopToken.toLowerCase()) {
        registered.delete(cmd.name);
        stopToken = undefined;
        executed.push(cmd);
      }
      continue;
    }
    if (cmd.name === "stop-commands") {
      stopToken = cmd.data;
      registered.add(cmd.data.toLowerCase());
    }
    executed.push(cmd);
  }
  return executed;
}

// --- Markdown tables

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === "\\" && i + 1 < row.length) {
      cell += ch + row[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  // A row starts and ends with a pipe: drop the empty edges.
  return cells.slice(1, -1);
}

/** Each table in the Markdown: its header's column count and every row's. */
export function markdownTables(md: string): { columns: number; rows: number[] }[] {
  const tables: { columns: number; rows: number[] }[] = [];
  let current: { columns: number; rows: number[] } | undefined;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    const n = tableCells(line).length;
    if (!current) {
      current = { columns: n, rows: [] };
      tables.push(current);
    } else current.rows.push(n);
  }
  return tables;
}

// --- SARIF

let validator: ReturnType<Ajv["compile"]> | undefined;
/** Schema errors for a SARIF log, against the SARIF 2.1.0 schema in test/fixtures; [] when valid. */
export function sarifErrors(log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(REPO, "test/fixtures/sarif-2.1.0.json"), "utf8"));
    const ajv = new Ajv({ strict: false, allErrors: true });
    // RFC 3986 characters only, with well-formed percent escapes.
    const uriRef = (s: string) =>
      /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s);
    ajv.addFormat("uri-reference", uriRef);
    ajv.addFormat("uri", (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriRef(s));
    ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
    validator = ajv.compile(schema);
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

// --- JUnit

export function parseJunit(xml: string) {
  const valid = XMLValidator.validate(xml);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  });
  return { valid, doc: valid === true ? parser.parse(xml) : undefined };
}

/** Control, bidi-override and XML-invalid characters left in text (line feeds and tabs allowed). */
export function rawControls(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const control = (c < 0x20 && ch !== "\n" && ch !== "\t") || (c >= 0x7f && c <= 0x9f);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (control || bidi || c === 0xfffe || c === 0xffff) found.push(`U+${c.toString(16)}`);
  }
  return found;
}
