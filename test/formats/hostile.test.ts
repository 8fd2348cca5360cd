/**
 * Hostile strings in every CI format: a claim value, evidence, outlet, label or file name holding
 * a newline and a workflow command, percent escapes, stop-commands, a legacy `##[...]` command,
 * pipes, backticks, HTML, `]]>`, characters XML cannot carry, an ANSI sequence and a CR. Each
 * format is read back the way its consumer reads it.
 */
import { describe, expect, it } from "vitest";
import { ANNOTATIONS_PER_TYPE } from "../../src/report/formats/github.js";
import {
  hostileReport,
  markdownTables,
  parseJunit,
  rawControls,
  render,
  runnerCommands,
  sarifErrors,
  TOKEN,
} from "./helpers.js";

const report = hostileReport();
const FRAME = new Set([
  "::group::claimcheck report",
  `::stop-commands::${TOKEN}`,
  `::${TOKEN}::`,
  "::endgroup::",
]);

describe("github: nothing from a file can run a workflow command", () => {
  it("executes only the annotations and the frame claimcheck prints", async () => {
    const out = await render("github", report);
    const executed = runnerCommands(out);
    expect(executed.filter((c) => c.legacy)).toEqual([]);
    const names = executed.map((c) => c.name);
    expect(new Set(names)).toEqual(
      new Set(["error", "warning", "notice", "group", "stop-commands", TOKEN, "endgroup"]),
    );
    const errors = report.findings.filter((f) => f.severity === "error").length;
    const warnings = report.findings.filter((f) => f.severity === "warning").length;
    expect(names.filter((n) => n === "error")).toHaveLength(errors);
    expect(names.filter((n) => n === "warning")).toHaveLength(warnings);
    // 14 notes: capped at 10 notices, the last one counting the rest.
    expect(names.filter((n) => n === "notice")).toHaveLength(ANNOTATIONS_PER_TYPE);
  });

  it("starts no line with :: except its own annotations and frame", async () => {
    const out = await render("github", report);
    for (const line of out.split(/\r\n|\r|\n/)) {
      const t = line.trimStart();
      if (!t.startsWith("::")) continue;
      const own = FRAME.has(t) || /^::(error|warning|notice) [^:]*::/.test(t);
      expect(own, `unexpected command line: ${JSON.stringify(line)}`).toBe(true);
    }
    expect(rawControls(out)).toEqual([]);
  });

  it("escapes rather than drops: the runner reads back the original text", async () => {
    const out = await render("github", report);
    const conflict = runnerCommands(out).find(
      (c) => c.name === "error" && c.data.startsWith("Conflict"),
    );
    expect(conflict).toBeDefined();
    expect(conflict!.props.file).toBe("claims/we:ird,\n100% <b>|`x` ]]>.yaml");
    expect(conflict!.props.line).toBe("20");
    expect(conflict!.props.endColumn).toBe("9");
    // A line of the text that starts with `::` shows its first colon as \u{3a}, and `##[` its
    // bracket as \u{5b}: the runner would not execute them inside an annotation, but a reader
    // who copies the text into a log would.
    expect(conflict!.props.title).toContain(
      "conflict: Subject x\n\\u{3a}:error::pwned %0A ::stop-commands::x",
    );
    expect(conflict!.data).toContain(
      "\\u{3a}:error::pwned %0A ::stop-commands::x ##\\u{5b}set-output name=x]y",
    );
    // Control characters are shown, not passed: ESC and CR become \u{…}.
    expect(conflict!.data).toContain("\\u{1b}[31mred");
    expect(conflict!.data).toContain("\\u{d}::warning::cr");
  });
});

describe("markdown: tables keep their shape and no markup gets through", () => {
  it("keeps every row's column count", async () => {
    const md = await render("markdown", report);
    const tables = markdownTables(md);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) for (const n of t.rows) expect(n).toBe(t.columns);
  });

  it("escapes HTML, backticks and control characters", async () => {
    const md = await render("markdown", report);
    expect(md).not.toContain("<script");
    expect(md).not.toContain("<b>");
    expect(md).toContain("&lt;script&gt;");
    expect(md).not.toMatch(/(?<!\\)`tick/);
    expect(rawControls(md)).toEqual([]);
    for (const line of md.split("\n")) expect(line.trimStart().startsWith("::")).toBe(false);
  });
});

describe("sarif: valid against the SARIF 2.1.0 schema", () => {
  it("validates, with one result per finding and a percent-encoded uri", async () => {
    const log = JSON.parse(await render("sarif", report));
    expect(sarifErrors(log)).toEqual([]);
    const run = log.runs[0];
    // Notes stay out of code scanning (acknowledged ones stay in, as suppressed results).
    const shown = report.findings.filter((f) => f.severity !== "note" || f.acknowledged);
    expect(shown.length).toBeLessThan(report.findings.length);
    expect(run.results).toHaveLength(shown.length);
    const uris: string[] = run.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain("claims/we%3Aird%2C%0A100%25%20%3Cb%3E%7C%60x%60%20%5D%5D%3E.yaml");
    expect(JSON.stringify(log)).not.toContain("\\u001b");
    const ruleIds = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    for (const r of run.results) expect(ruleIds.has(r.ruleId)).toBe(true);
  });
});

describe("junit: well-formed, and the counts survive", () => {
  it("parses back with the right testcases, failures and skips", async () => {
    const xml = await render("junit", report);
    const { valid, doc } = parseJunit(xml);
    expect(valid).toBe(true);
    const suites = doc.testsuites.testsuite as {
      testcase?: { failure?: unknown; skipped?: unknown }[];
    }[];
    const cases = suites.flatMap((s) => s.testcase ?? []);
    // 5 facts + 3 file findings (2 warnings, 1 error).
    expect(cases).toHaveLength(8);
    expect(cases.filter((c) => c.failure)).toHaveLength(2);
    expect(cases.filter((c) => c.skipped)).toHaveLength(1);
    expect(Number(doc.testsuites.failures)).toBe(2);
    expect(xml).not.toContain("]]>");
    expect(xml).not.toContain("<script");
    expect(rawControls(xml)).toEqual([]);
  });
});

describe("line: one finding a line", () => {
  it("prints each finding on exactly one line, control characters escaped", async () => {
    const out = await render("line", report);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(report.findings.length);
    expect(rawControls(out)).toEqual([]);
    for (const l of lines) expect(l).toMatch(/^claims\/.*?:\d+:\d+: (error|warning|note) \S+ /);
  });
});
