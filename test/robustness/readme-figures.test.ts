/** The README's Reliability section quotes the figures the robustness tests actually run. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DIFF_LENGTH } from "../../src/compare/diff.js";
import { MAX_LISTED_OCCURRENCES } from "../../src/ground/locate-quote.js";
import { NEAR_MISS_BUDGET } from "../../src/ground/near-miss.js";
import { MAX_NESTING_DEPTH } from "../../src/load/yaml-document.js";
import { MAX_LISTED_NUMBERS } from "../../src/load/yaml-strict.js";
import { MAX_LISTED_UNKNOWN_KEYS } from "../../src/validate/schema-findings.js";
import { REPO } from "../helpers/project.js";
import {
  ESCAPE_RUNS,
  FMT_KILL_ITERATIONS,
  FUZZ_RUNS,
  KILL_ITERATIONS,
  REPORT_KILL_ITERATIONS,
} from "./figures.js";

const readme = readFileSync(join(REPO, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Reliability"));
const n = (x: number) => x.toLocaleString("en-US");

describe("README: Reliability", () => {
  it("exists", () => {
    expect(readme).toContain("## Reliability");
  });

  it("counts the bad-input corpus as it is", () => {
    const cases = readdirSync(join(REPO, "test/fixtures/bad-inputs"), {
      withFileTypes: true,
    }).filter((d) => d.isDirectory()).length;
    expect(section).toContain(`**Bad inputs: ${n(cases)}**`);
  });

  it("gives the fuzz runs of fuzz.test.ts", () => {
    // Three idempotence properties and the origin-table property use FUZZ_RUNS.idempotence.
    const { idempotence, ...others } = FUZZ_RUNS;
    const total = Object.values(others).reduce((a, b) => a + b, 0) + 4 * idempotence;
    const properties = Object.keys(others).length + 4;
    expect(section).toContain(
      `**Fuzz: ${n(total)} generated cases over ${properties} properties**`,
    );
    for (const runs of [
      FUZZ_RUNS.randomDocuments,
      FUZZ_RUNS.tokenSoup,
      FUZZ_RUNS.unicodeFields,
      FUZZ_RUNS.mutations,
      FUZZ_RUNS.dates,
      FUZZ_RUNS.quantities,
      FUZZ_RUNS.names,
      FUZZ_RUNS.texts,
    ])
      expect(section).toContain(`(${n(runs)})`);
    expect(section).toContain(`${n(idempotence)} each`);
    expect(section).toContain(`${n(7 * ESCAPE_RUNS)} cases (7 properties × ${n(ESCAPE_RUNS)})`);
  });

  it("gives the kill-during-write runs", () => {
    const total = KILL_ITERATIONS + FMT_KILL_ITERATIONS + REPORT_KILL_ITERATIONS;
    expect(section).toContain(`**Kill during write: ${n(total)} processes killed`);
    expect(section).toContain(
      `${n(KILL_ITERATIONS)}\n  children rewriting a file with the atomic writer, ${FMT_KILL_ITERATIONS} \`fmt\` runs and ${REPORT_KILL_ITERATIONS} \`report -o\` runs`,
    );
  });

  it("states each limit as the code has it", () => {
    const limits = section.slice(section.indexOf("### Limits"));
    for (const [what, value] of [
      ["occurrences of an ambiguous quote listed", MAX_LISTED_OCCURRENCES],
      ["unknown keys listed", MAX_LISTED_UNKNOWN_KEYS],
      ["levels of nesting", MAX_NESTING_DEPTH],
      ["characters diffed", MAX_DIFF_LENGTH],
      ["characters of an article read by the near-miss search", NEAR_MISS_BUDGET],
      ["numbers too large to read listed", MAX_LISTED_NUMBERS],
    ] as const)
      expect(limits, what).toContain(`| ${what} | ${n(value)} |`);
  });
});
