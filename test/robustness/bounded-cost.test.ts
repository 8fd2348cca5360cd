/**
 * Inputs that once made a run's time or memory grow without bound (issue 22): each now stays
 * within a documented limit, and what lies past the limit is counted or refused with a located
 * error. Sizes are scaled down from the attacks; each test shows the bound by what the output
 * holds (how much is listed, what is refused), never by timing.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_LISTED_OCCURRENCES } from "../../src/ground/locate-quote.js";
import { header, makeProject } from "../helpers/project.js";
import { runCliAsync, STACK_TRACE } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  made.push(root);
  return root;
}

describe("one short quote repeated throughout a long article", () => {
  /** An article of `lines` lines "ab", and `claims` claims quoting "ab". */
  function repeatedQuote(lines: number, claims: number): string {
    const items = Array.from(
      { length: claims },
      (_, i) => `  - {id: c${i}, subject: cis, property: name, value: ab, evidence: ab}`,
    );
    return project({
      "sources/a.txt": "ab\n".repeat(lines),
      "claims/a.yaml": `${header("sources/a.txt")}claims:\n${items.join("\n")}\n`,
    });
  }

  it("validate counts the occurrences and lists the first few", async () => {
    const run = await runCliAsync(["--root", repeatedQuote(20_000, 3), "validate"], {
      timeoutMs: 30_000,
    });
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0); // ambiguity is a warning
    const lines = Array.from({ length: MAX_LISTED_OCCURRENCES }, (_, i) => i + 1).join(", ");
    expect(run.stdout).toContain(
      `the quote for claim "c0" occurs 20000 times in sources/a.txt (lines ${lines} and ${20_000 - MAX_LISTED_OCCURRENCES} more); add a prefix or suffix to pick one`,
    );
  }, 40_000);

  it("SARIF and GitHub output stay the same size whatever the number of occurrences", async () => {
    const sizes = [];
    for (const lines of [2_000, 20_000]) {
      const root = repeatedQuote(lines, 3);
      const sarif = await runCliAsync(["--root", root, "report", "-f", "sarif"], {
        timeoutMs: 30_000,
      });
      const github = await runCliAsync(["--root", root, "report", "-f", "github"], {
        timeoutMs: 30_000,
      });
      expect(sarif.code).toBe(0);
      expect(github.code).toBe(0);
      const results = JSON.parse(sarif.stdout).runs[0].results.filter(
        (r: { ruleId: string }) => r.ruleId === "quote-ambiguous",
      );
      expect(results).toHaveLength(3);
      for (const r of results) expect(r.relatedLocations).toHaveLength(MAX_LISTED_OCCURRENCES);
      sizes.push([sarif.stdout.length, github.stdout.length]);
    }
    // Ten times the occurrences: the same output but for the counts' digits (the temporary
    // folder's name and the github format's token differ too).
    const [small, large] = sizes as [number[], number[]];
    for (const k of [0, 1]) expect(Math.abs(large[k]! - small[k]!)).toBeLessThan(100);
  }, 120_000);
});
