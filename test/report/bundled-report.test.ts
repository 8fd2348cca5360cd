import { beforeAll, describe, expect, it } from "vitest";
import type { GroupResult } from "../../src/compare/result.js";
import type { ReportResult } from "../../src/report/report-result.js";
import { type CliResult, runCli as runInRepo, seedProject } from "../helpers/project.js";

/** The five seed articles alone: what this file reads is what the report says of them. */
const SEEDS = seedProject();
const runCli = (args: string[], options?: Parameters<typeof runInRepo>[1]): CliResult =>
  runInRepo(["--root", SEEDS, ...args], options);

/** The start of an ANSI escape sequence (written with fromCharCode: Biome refuses control characters in regexes). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

let report: ReportResult;
let exitCode: number | null;

beforeAll(() => {
  const r = runCli(["report", "--format", "json"]);
  exitCode = r.code;
  report = JSON.parse(r.stdout) as ReportResult;
});

const group = (key: string): GroupResult => {
  const g = report.groups.find((x) => x.key === key);
  if (!g) throw new Error(`no group ${key}; have ${report.groups.map((x) => x.key).join(", ")}`);
  return g;
};

describe("the consistency report on the five seed articles (real CLI)", () => {
  it("exits 1 because there are conflicts", () => {
    expect(exitCode).toBe(1);
    expect(report.format).toBe("claimcheck-report");
    expect(report.version).toBe(1);
    expect(report.sources).toHaveLength(5);
  });

  it("finds Union vs Commonwealth of Independent States, with the differing word and the acronym", () => {
    const g = group("cis/name");
    expect(g.verdict).toBe("conflict");
    expect(g.kind).toBe("acronym-mismatch");
    expect(g.values[0]!.display).toBe("Commonwealth of Independent States");
    const union = g.values.find((v) => v.display === "Union of Independent States")!;
    expect(union.relation).toBe("conflict");
    expect(union.sources).toEqual(["MENAFN-Trend"]);
    expect(union.wordDiff?.filter((p) => p.op !== 0).map((p) => [p.op, p.text.trim()])).toEqual([
      [-1, "Commonwealth"],
      [1, "Union"],
    ]);
    expect(g.standApart).toEqual(["MENAFN-Trend"]);
  });

  it("finds the look-alike spelling llham vs Ilham, and the article that uses both", () => {
    const g = group("ilham_aliyev/name");
    expect(g.verdict).toBe("conflict");
    expect(g.kind).toBe("look-alike");
    const odd = g.values.find((v) => v.display === "llham Aliyev")!;
    expect(odd.sources).toEqual(["Unattrib. 2018"]);
    const within = report.findings.filter(
      (f) => f.ruleId === "within-source-conflict" && f.group === "ilham_aliyev/name",
    );
    expect(within.map((f) => f.message)).toEqual([
      expect.stringContaining('Unattrib. 2018 says both "Ilham Aliyev" and "llham Aliyev"'),
    ]);
  });

  it("reads the election's status on its timeline: Azernews has it both to be held and held the day before", () => {
    const g = group("azerbaijan_presidential_election_2024/status@2024-02-06");
    expect(g.verdict).toBe("conflict");
    expect(g.kind).toBe("out-of-time");
    expect(g.timeline).toBe('"held" as of 2024-02-06, before its date 2024-02-07');
    expect(g.selfContradicting).toEqual(["Azernews"]);
    const rules = report.findings
      .filter((f) => f.group === g.key && f.severity === "error")
      .map((f) => f.ruleId)
      .sort();
    expect(rules).toEqual(["conflict", "status-timeline", "within-source-conflict"]);
  });

  it("reads titles as office and organisation: CIS Secretary General is the Commonwealth's", () => {
    const g = group("sergey_lebedev/position=o:|secretarygeneral|#cis");
    expect(g.verdict).toBe("conflict");
    const full = g.values[0]!;
    expect(full.forms).toEqual([
      { text: "CIS Secretary General", sources: ["MENAFN-Trend"] },
      {
        text: "Secretary General of the Commonwealth of Independent States",
        sources: ["Azernews", "Unattrib. 2024"],
      },
    ]);
    // Only the Union's title conflicts, as not spelling CIS; the bare title is less precise.
    const apart = g.values.filter((v) => v.relation === "conflict").map((v) => v.display);
    expect(apart).toEqual(["Secretary General of the Union of Independent States"]);
    expect(g.values.find((v) => v.display === "Secretary General")?.relation).toBe("compatible");
  });

  it("agrees on the election date, the decree date, the CEC approval and the candidate count", () => {
    const date = group("azerbaijan_presidential_election_2024/date");
    expect(date).toMatchObject({ verdict: "agree", values: [{ display: "2024-02-07" }] });
    expect(date.values[0]!.sources).toEqual(["Azernews", "MENAFN-Trend", "Trend"]);
    expect(group("decree_extraordinary_election_2024/date")).toMatchObject({
      verdict: "agree",
      values: [{ display: "2023-12-07" }],
    });
    const approval = group("aliyev_candidacy_2024/date");
    expect(approval).toMatchObject({ verdict: "agree", values: [{ display: "2023-12-19" }] });
    // "December 19" has no year in either article: the report says where the year came from.
    expect(approval.values[0]!.claims.every((c) => c.yearSource === "annotator")).toBe(true);
    const candidates = group("azerbaijan_presidential_election_2024/registered_candidates");
    expect(candidates.verdict).toBe("agree");
    expect(candidates.values).toHaveLength(1);
    const evidence = candidates.values[0]!.claims.map((c) => c.evidence).sort();
    expect(evidence).toEqual([
      expect.stringContaining("registered 7 candidates"),
      expect.stringContaining("registered seven candidates"),
    ]);
  });

  it("notes the MENAFN/Trend dateline one day before its publication date", () => {
    const notes = report.findings.filter((f) => f.ruleId === "dateline-gap");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      severity: "note",
      location: { file: expect.stringContaining("menafn-trend") },
    });
    expect(notes[0]!.message).toMatch(
      /2024-02-05 .* 1 day\(s\) before the publication date 2024-02-06/,
    );
  });

  it("lists the single-source facts", () => {
    const single = report.groups.filter((g) => g.verdict === "single-source");
    const shown = single.map((g) => `${g.key} ${g.values[0]!.display}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        "cis_observation_mission_2024/observer_count close to 170",
        "azerbaijan_presidential_election_2024/polling_stations_abroad 49",
        "azerbaijan_presidential_election_2024/foreign_countries_with_polling_stations 37",
        "sco_observation_mission_2018/polling_stations_observed nearly 400",
      ]),
    );
    expect(report.summary.verdicts["single-source"]).toBe(single.length);
  });

  it("orders conflicts first, then compatible, agree, single-source", () => {
    const order = ["conflict", "compatible", "agree", "single-source"];
    const ranks = report.groups.map((g) => order.indexOf(g.verdict));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("gives every finding a claims file location, and every source an agreement rate", () => {
    for (const f of report.findings) expect(f.location.line).toBeGreaterThan(0);
    const menafn = report.agreement.find((a) => a.source === "MENAFN-Trend")!;
    expect(menafn.rate).toBeLessThan(1);
    expect(menafn.shared).toBeGreaterThan(menafn.agreeing);
  });
});

describe("determinism and filters", () => {
  it("gives byte-identical output on two runs, in every default format", () => {
    for (const format of ["json", "table"]) {
      const a = runCli(["report", "--format", format]);
      const b = runCli(["report", "--format", format]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it("filters by verdict, subject, property and source", () => {
    const conflicts = JSON.parse(
      runCli(["report", "--format", "json", "--verdict", "conflict"]).stdout,
    ) as ReportResult;
    expect(conflicts.groups.map((g) => g.key)).toEqual(
      expect.arrayContaining(["cis/name", "ilham_aliyev/name"]),
    );
    expect(conflicts.groups.every((g) => g.verdict === "conflict")).toBe(true);
    expect(conflicts.summary.leftOut).toBeGreaterThan(0);
    const bySubject = JSON.parse(
      runCli(["report", "--format", "json", "--subject", "cis", "--property", "name"]).stdout,
    ) as ReportResult;
    expect(bySubject.groups.map((g) => g.key)).toEqual(["cis/name"]);
    const bySource = runCli([
      "report",
      "--format",
      "json",
      "--source",
      "Azernews",
      "--verdict",
      "agree",
    ]);
    expect(bySource.code).toBe(0);
    const azernews = JSON.parse(bySource.stdout) as ReportResult;
    expect(azernews.groups.every((g) => g.values.some((v) => v.sources.includes("Azernews")))).toBe(
      true,
    );
  });

  it("the table reads without colour when piped, and marks the differing word", () => {
    const r = runCli(["report"], { env: { COLUMNS: "80" } });
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain("[Union] of Independent States");
    expect(r.stdout).toContain("[l]lham Aliyev");
    // Messages in the problems list may run long (like ESLint's); the tables must fit.
    const tableLines = r.stdout.split("\n").filter((l) => /^[│┌├└]/.test(l));
    expect(tableLines.length).toBeGreaterThan(50);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("colours the table when FORCE_COLOR is set, and not when NO_COLOR is", () => {
    expect(runCli(["report"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout).toMatch(
      ANSI,
    );
    expect(
      runCli(["report"], { env: { NO_COLOR: "1", FORCE_COLOR: undefined } }).stdout,
    ).not.toMatch(ANSI);
  });
});
