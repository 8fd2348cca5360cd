import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assistSources } from "../../src/assist/project.js";
import { checkProject } from "../../src/pipeline/check.js";
import { BUNDLED_ARTICLES, makeProject, REPO, runCli } from "../helpers/project.js";

/** A small hand-made article: nine statements, four covered, one by a suggested claim. */
const ARTICLE =
  "BAKU, February 5. Prosecutor General Kamran Aliyev met Zhakip Asanov.\n\n" +
  "The election is scheduled for February 7. Azerbaijan has registered seven candidates, and close to 170 observers came.\n";

const CLAIMS = `source: sources/a.txt
outlet: Test
published: "2024-02-06"
title: A test article
claims:
  # The election
  - id: t-date
    subject: azerbaijan_presidential_election_2024
    property: date
    value: "2024-02-07"
    qualifiers: {year: publication}
    evidence: The election is scheduled for February 7
  - id: t-candidates
    subject: azerbaijan_presidential_election_2024
    property: registered_candidates
    value: 7
    evidence: Azerbaijan has registered seven candidates
  - id: t-observers
    subject: cis_observation_mission_2024
    property: observer_count
    value: 170
    qualifiers: {approximate: close to}
    evidence: close to 170 observers
    status: suggested
`;

function project(): string {
  return makeProject({ "sources/a.txt": ARTICLE, "claims/a.yaml": CLAIMS });
}

describe("coverage of a hand-made article", { timeout: 60_000 }, () => {
  it("counts each statement once: covered, covered by a suggestion, uncovered", async () => {
    const result = await checkProject({ root: project() });
    const [a] = assistSources(result.project, result.grounding);
    expect(a?.coverage.counts).toEqual({ checkable: 9, covered: 4, suggested: 1, uncovered: 4 });
    expect(
      a?.coverage.statements.map((s) => [s.kind, s.spans[0]!.text, s.state, s.coveredBy]),
    ).toEqual([
      ["date", "February 5", "uncovered", []],
      ["title", "Prosecutor General", "uncovered", []],
      ["name", "Kamran Aliyev", "uncovered", []],
      ["name", "Zhakip Asanov", "uncovered", []],
      ["status", "is scheduled for", "covered", ["t-date"]],
      ["date", "February 7", "covered", ["t-date"]],
      ["name", "Azerbaijan", "covered", ["t-candidates"]],
      ["number", "seven", "covered", ["t-candidates"]],
      ["number", "close to 170", "suggested", ["t-observers"]],
    ]);
  });

  it("the header covers the headline and the dateline; an indented date line is the page's stamp, no statement", async () => {
    const root = makeProject({
      "sources/a.txt":
        "Sergey Lebedev visits Baku\n  date 2024-02-06\nBAKU, February 5. He met officials.\n",
      "claims/a.yaml": `source: sources/a.txt\noutlet: Test\npublished: "2024-02-06"\ndateline: {place: Baku, date: "--02-05", evidence: "BAKU, February 5"}\ntitle: Sergey Lebedev visits Baku\nclaims: []\n`,
    });
    const result = await checkProject({ root });
    const [a] = assistSources(result.project, result.grounding);
    // The date line is a line of its own (an indented line is never the rest of the one above),
    // so the page's date field it holds is no statement to cover.
    expect(a?.coverage.statements.map((s) => [s.spans[0]!.text, s.coveredBy])).toEqual([
      ["Sergey Lebedev", ["#title"]],
      ["February 5", ["#dateline"]],
    ]);
  });

  it("prints per article and in total, uncovered statements with their lines (real process)", () => {
    const r = runCli(["--root", project(), "coverage"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "sources/a.txt  4/9 covered (44.4%), 1 by suggested claims awaiting review",
        '  line 1    date     "February 5"',
        '  line 1    title    "Prosecutor General"',
        '  line 1    name     "Kamran Aliyev"',
        '  line 1    name     "Zhakip Asanov"',
        "total: 4/9 checkable statements covered (44.4%) in 1 article; 4 uncovered statements (claimcheck suggest SOURCE proposes claims)",
        "",
      ].join("\n"),
    );
  });

  it("--format json has a stable shape", () => {
    const r = runCli(["--root", project(), "coverage", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["version", "summary", "articles"]);
    expect(json.summary).toMatchObject({
      articles: 1,
      checkable: 9,
      covered: 4,
      suggested: 1,
      uncovered: 4,
      coverage: 0.4444,
    });
    expect(Object.keys(json.summary.byKind)).toEqual([
      "date",
      "number",
      "percent",
      "name",
      "title",
      "status",
    ]);
    expect(json.articles[0].statements[0]).toEqual({
      kind: "date",
      text: "February 5",
      state: "uncovered",
      line: 1,
      column: 7,
      start: 6,
      end: 16,
      mentions: 1,
      coveredBy: [],
    });
  });

  it("on the bundled articles: high, deterministic, and only the named articles when asked", () => {
    const all = runCli(["coverage", "--format", "json"]);
    expect(all.code).toBe(0);
    const json = JSON.parse(all.stdout);
    expect(json.summary.articles).toBe(BUNDLED_ARTICLES);
    expect(json.summary.coverage).toBeGreaterThanOrEqual(0.95);
    expect(runCli(["coverage", "--format", "json"]).stdout).toBe(all.stdout);
    const one = runCli([
      "coverage",
      "sources/2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt",
      "claims/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.yaml",
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout.match(/^\S+\.txt /gm)).toEqual([
      "sources/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt ",
      "sources/2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt ",
    ]);
    const { checkable, covered, coverage } = json.summary;
    console.log(
      `coverage of the bundled articles: ${covered}/${checkable} (${(100 * coverage).toFixed(1)}%)`,
    );
  });

  it("exit 2 with a message for an article no claims file annotates, or an unknown format", () => {
    const root = makeProject({
      "sources/a.txt": ARTICLE,
      "sources/b.txt": "x\n",
      "claims/a.yaml": CLAIMS,
    });
    const r = runCli(["--root", root, "coverage", join(root, "sources/b.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no valid claims file annotates sources\/b.txt; start one with claimcheck init/,
    );
    expect(runCli(["--root", root, "coverage", "--format", "xml"]).code).toBe(2);
  });

  it("escapes what the article says before printing it", () => {
    const root = makeProject({
      "sources/a.txt": "The vote is on February 7,\u001b[31m 2024 \u202e.\n",
      "claims/a.yaml": `source: sources/a.txt\noutlet: Test\npublished: "2024-02-06"\ntitle: T\nclaims: []\n`,
    });
    const r = runCli(["--root", root, "coverage"]);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\u202e");
    expect(readFileSync(join(root, "sources/a.txt"), "utf8")).toContain("\u001b");
  });
});

describe("coverage --format json in pieces", () => {
  it("writes exactly what the whole JSON, indented by two, would be", async () => {
    const { coverageJson, coverageJsonChunks } = await import("../../src/cli/commands/coverage.js");
    const { coverageOfSources } = await import("../../src/assist/project.js");
    const check = await checkProject({ root: REPO });
    const all = coverageOfSources(check.project, check.grounding);
    expect(all.length).toBeGreaterThan(1);
    expect(Buffer.concat([...coverageJsonChunks(all)]).toString()).toBe(
      `${JSON.stringify(coverageJson(all), null, 2)}\n`,
    );
    for (const some of [[], all.slice(0, 1)])
      expect(Buffer.concat([...coverageJsonChunks(some)]).toString()).toBe(
        `${JSON.stringify(coverageJson(some), null, 2)}\n`,
      );
  });
});
