/**
 * Inputs that are valid but large enough to make a slow path hang: long names and texts that
 * conflict (edit distances, diffs and the terminal table grow faster than linearly with them),
 * and the --max-string-length limit that keeps them bounded.
 */

import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Project, Source } from "../../src/model/project.js";
import { limitStringLengths } from "../../src/pipeline/string-limit.js";
import { clip, MAX_CELL_TEXT } from "../../src/report/formats/table.js";
import { header, makeProject } from "../helpers/project.js";
import { runCliAsync, STACK_TRACE } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Deterministic letters and spaces, different for each seed: two such names conflict word by word. */
function words(length: number, seed: number): string {
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += "abcdefgh "[x % 9];
  }
  return out.trim();
}

/** Two articles that name Ilham Aliyev with long, different names: a conflict with long diffs. */
function longNamesProject(length: number): string {
  const names = [`Ilham Aliyev ${words(length, 1)}`, `Ilham Aliyev ${words(length, 2)}`];
  const files: Record<string, string> = {};
  names.forEach((name, i) => {
    files[`sources/${i}.txt`] = `President ${name} said.\n`;
    files[`claims/${i}.yaml`] = `${header(`sources/${i}.txt`).replace(
      "short_name: Test",
      `short_name: S${i}`,
    )}claims:\n  - id: s${i}-name\n    subject: ilham_aliyev\n    property: name\n    value: "${name}"\n    evidence: "${name}"\n`;
  });
  const root = makeProject(files);
  made.push(root);
  return root;
}

describe("long conflicting names", () => {
  it("under the default limit (9,000 characters each): the table report finishes", async () => {
    const root = longNamesProject(9_000);
    const run = await runCliAsync(["--root", root, "report"], { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(1); // a conflict
    expect(run.stdout).toContain("✗ conflict");
    // Each value is shown cut, not in full.
    expect(run.stdout.length).toBeLessThan(20_000);
  }, 40_000);

  it("over it (20,000 characters each): refused with a located error, exit 2", async () => {
    const root = longNamesProject(20_000);
    const run = await runCliAsync(["--root", root, "validate"], { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /10:12 +error +claims\[0\]\.value: the string is 20013 characters long, over the limit of 10000 \(raise it with --max-string-length\) +file-too-large/,
    );
  }, 40_000);

  it("the limit is configurable: --max-string-length 30 refuses short names too", async () => {
    const root = longNamesProject(100);
    const run = await runCliAsync(["--root", root, "validate", "--max-string-length", "30"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("over the limit of 30 (raise it with --max-string-length)");
  }, 20_000);

  it("a bad value for --max-string-length is a usage error", async () => {
    const run = await runCliAsync(["validate", "--max-string-length", "lots"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "option '--max-string-length <chars>' argument 'lots' is invalid. expected a positive whole number",
    );
  }, 20_000);
});

describe("limitStringLengths", () => {
  const where = { locate: () => ({ file: "claims/a.yaml", line: 1, column: 1 }) };
  const source = (overrides: Partial<Source>): Source => ({
    claimsFile: "claims/a.yaml",
    sourcePath: "sources/a.txt",
    outlet: "O",
    shortName: "A",
    shortNameGiven: true,
    published: "2024-02-06",
    title: "T",
    claims: [],
    where,
    ...overrides,
  });
  const claim = (id: string, value: string) => ({
    id,
    subject: "s",
    property: "p",
    value,
    qualifiers: {},
    evidence: { quote: "q" },
    status: "accepted" as const,
    index: 0,
    file: "claims/a.yaml",
  });
  const project = (sources: Source[]): Project => ({
    vocabulary: {
      file: "claims/vocabulary.yaml",
      entities: new Map(),
      properties: new Map(),
      hedges: {},
    },
    sources,
    acknowledgements: [],
  });

  it("leaves a project within the limit as it is", () => {
    const p = project([source({ claims: [claim("a", "short")] })]);
    const limited = limitStringLengths(p, 20);
    expect(limited.project).toBe(p);
    expect(limited.findings).toEqual([]);
  });

  it("drops a claim with a long string, keeps the file's other claims, marks the file invalid", () => {
    const p = project([source({ claims: [claim("a", "x".repeat(21)), claim("b", "ok")] })]);
    const limited = limitStringLengths(p, 20);
    expect(limited.project.sources[0]?.claims.map((c) => c.id)).toEqual(["b"]);
    expect(limited.invalidFiles).toEqual(new Set(["claims/a.yaml"]));
    expect(limited.findings.map((f) => f.message)).toEqual([
      "claims[0].value: the string is 21 characters long, over the limit of 20 (raise it with --max-string-length)",
    ]);
  });

  it("drops a whole file whose header holds a long string", () => {
    const p = project([source({ title: "t".repeat(50), claims: [claim("a", "ok")] })]);
    const limited = limitStringLengths(p, 20);
    expect(limited.project.sources).toEqual([]);
    expect(limited.findings[0]?.path).toBe("title");
  });

  // Only data holding a long string gets the located check (holdsLongString): every field that
  // check names must still be found, however deep it sits.
  it("finds a long string in every field of a claim it checks", () => {
    const long = "z".repeat(21);
    const base = claim("a", "ok");
    const cases: [string, object][] = [
      ["claims[0].id", { id: long }],
      ["claims[0].subject", { subject: long }],
      ["claims[0].property", { property: long }],
      ["claims[0].value", { value: long }],
      ["claims[0].qualifiers.unit", { qualifiers: { unit: long } }],
      ["claims[0].qualifiers.note", { qualifiers: { note: long } }],
      ["claims[0].evidence", { evidence: { quote: long } }],
      ["claims[0].evidence.quote", { evidence: { quote: long, prefix: "p" } }],
      ["claims[0].evidence.prefix", { evidence: { quote: "q", prefix: long } }],
      ["claims[0].evidence.suffix", { evidence: { quote: "q", suffix: long } }],
    ];
    for (const [path, change] of cases) {
      const limited = limitStringLengths(
        project([source({ claims: [{ ...base, ...change }, claim("b", "ok")] })]),
        20,
      );
      expect(
        limited.findings.map((f) => f.path),
        path,
      ).toEqual([path]);
      expect(limited.project.sources[0]?.claims.map((c) => c.id)).toEqual(["b"]);
    }
  });

  it("finds a long string in every field of a vocabulary entry it checks", () => {
    const long = "z".repeat(21);
    const entityCases: [string, object][] = [
      ["entities[1].id", { id: long }],
      ["entities[1].name", { name: long }],
      ["entities[1].acronym", { acronym: long }],
      ["entities[1].description", { description: long }],
      ["entities[1].aliases[2]", { aliases: ["a", "b", long] }],
      ["entities[1].variants[0]", { variants: [long] }],
    ];
    for (const [path, change] of entityCases) {
      const p = project([]);
      p.vocabulary = {
        ...p.vocabulary,
        // Keyed by id, as the vocabulary's loader keys them.
        entities: new Map(
          [
            { id: "a", type: "person" as const, name: "A" },
            { id: "b", type: "person" as const, name: "B", ...change },
          ].map((e) => [e.id, e]),
        ),
      };
      const limited = limitStringLengths(p, 20);
      expect(
        limited.findings.map((f) => f.path),
        path,
      ).toEqual([path]);
      expect([...limited.project.vocabulary.entities.keys()]).toEqual(["a"]);
    }
    for (const field of ["id", "label", "unit", "description"]) {
      const p = project([]);
      const property = {
        id: "p",
        label: "P",
        type: "text" as const,
        cardinality: "single" as const,
        [field]: long,
      };
      p.vocabulary = { ...p.vocabulary, properties: new Map([[property.id, property]]) };
      const limited = limitStringLengths(p, 20);
      expect(limited.findings.map((f) => f.path)).toEqual([`properties[0].${field}`]);
      expect(limited.project.vocabulary.properties.size).toBe(0);
    }
  });

  it("drops a vocabulary entity with a long alias", () => {
    const p = project([]);
    p.vocabulary = {
      ...p.vocabulary,
      entities: new Map([
        ["a", { id: "a", type: "person", name: "A", aliases: ["ok", "y".repeat(30)] }],
        ["b", { id: "b", type: "person", name: "B" }],
      ]),
    };
    const limited = limitStringLengths(p, 20);
    expect([...limited.project.vocabulary.entities.keys()]).toEqual(["b"]);
    expect(limited.findings[0]).toMatchObject({
      path: "entities[0].aliases[1]",
      location: { file: "claims/vocabulary.yaml" },
    });
  });
});

describe("table cells are cut", () => {
  it("clip keeps short text and cuts long text with an ellipsis", () => {
    expect(clip("short")).toBe("short");
    const cut = clip("z".repeat(MAX_CELL_TEXT + 50));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never cuts a surrogate pair in half", () => {
    const cut = clip("😀".repeat(10), 6);
    expect(cut).toBe("😀😀…");
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("a fact stated more than 120,000 times", () => {
  it("is reported, not a stack overflow: findings are gathered without spreading arguments", async () => {
    // One article, one claims file: 140,000 claims of one fact, half of them conflicting. Every
    // claim yields a finding, more than a call can take as spread arguments.
    const count = 140_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = i % 2 === 0 ? 170 : 400;
      lines.push(
        `  - {id: c${i}, subject: cis_observation_mission_2024, property: observer_count, value: ${n}, evidence: "${n} observers"}`,
      );
    }
    const root = makeProject({
      "sources/a.txt": "The mission had 170 observers. Later it had 400 observers.\n",
      "claims/a.yaml": `${header("sources/a.txt")}claims:\n${lines.join("\n")}\n`,
    });
    made.push(root);
    const run = await runCliAsync(
      ["--root", root, "report", "--max-file-size", "100000000", "--format", "json"],
      { timeoutMs: 120_000 },
    );
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.groups).toHaveLength(1);
    // One article says 170 and 400: a conflict of that article with itself, each 400 a
    // within-source conflict.
    expect(report.groups[0].verdict).toBe("conflict");
    expect(report.groups[0].selfContradicting).toEqual(["Test"]);
    const rules = new Map<string, number>();
    for (const f of report.findings) rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
    expect([...rules]).toEqual([["within-source-conflict", count / 2]]);
  }, 180_000);
});
