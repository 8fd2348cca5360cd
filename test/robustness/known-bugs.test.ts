/**
 * Problems the robustness work found in src/load/ and src/validate/, now fixed: each test states
 * the behaviour wanted, so that it stays.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { carefulParse, parseYamlFile } from "../../src/load/yaml-file.js";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject } from "../helpers/project.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const ARTICLE = "Azerbaijan has registered 7 candidates to run in the election.\n";
const CLAIMS = `${header("sources/a.txt")}claims:
  - id: t-candidates
    subject: azerbaijan_presidential_election_2024
    property: registered_candidates
    value: 7
    evidence: Azerbaijan has registered 7 candidates
`;

async function errorsOf(claims: string) {
  const root = makeProject({ "claims/a.yaml": claims, "sources/a.txt": ARTICLE });
  made.push(root);
  const { findings } = await checkProject({ root });
  return findings.filter((f) => f.severity === "error");
}

describe("regressions found by the robustness work (src/load, src/validate)", () => {
  it("a duplicated key's value is located where YAML took it from: the last occurrence", async () => {
    // YAML keeps the second `source` (sources/b.txt), but the finding about it points at line 1.
    const errors = await errorsOf(
      CLAIMS.replace("short_name: Test\n", "short_name: Test\nsource: sources/b.txt\n"),
    );
    const missing = errors.find((f) => f.ruleId === "source-missing");
    expect(missing?.message).toContain("sources/b.txt");
    expect(missing?.location).toMatchObject({ line: 4, column: 9 });
  });

  it("a dateline date in words: the message says what a date looks like", async () => {
    // Today: 'dateline.date: expected a different value, got "Feb 5"' (a union of two patterns).
    const errors = await errorsOf(
      CLAIMS.replace("title: A test article", "title: A test article\ndateline:\n  date: Feb 5"),
    );
    expect(errors.map((f) => f.message)).toEqual([
      expect.stringMatching(/^dateline\.date: expected a date like .*got "Feb 5"/),
    ]);
  });

  it("nesting too deep is reported in words, not as a stack overflow", () => {
    // Today: "Maximum call stack size exceeded", at a column that depends on the stack size.
    const { findings } = parseYamlFile(
      "a.yaml",
      `value: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => /call stack/i.test(f.message))).toBe(false);
    expect(findings.some((f) => /nest/i.test(f.message))).toBe(true);
  });

  it("an alias with no anchor is located at the alias, not at 1:1", () => {
    const { findings } = parseYamlFile("a.yaml", "source: sources/a.txt\noutlet: *nowhere\n");
    expect(findings[0]?.location).toMatchObject({ line: 2, column: 9 });
  });

  it("a text that starts with a byte-order mark gets the same positions on both paths", () => {
    // Latent: readTextSync strips the mark, so no CLI run sees this; any other caller would.
    const text = "\ufeffsource:\n  - 0\noutlet: x\n";
    expect(parseYamlFile("a.yaml", text).locate(["outlet"])).toEqual(
      carefulParse("a.yaml", text).locate(["outlet"]),
    );
  });
});
