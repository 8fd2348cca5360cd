import { describe, expect, it } from "vitest";
import { header, makeProject, runCli } from "../helpers/project.js";

/** One article stating the mission's observer count twice, as `first` and `second`. */
function twoCounts(text: string, first: [number, string], second: [number, string]): string {
  const claim = (id: string, [value, quote]: [number, string]) =>
    `  - {id: ${id}, subject: cis_observation_mission_2024, property: observer_count, value: ${value}, evidence: "${quote}"}\n`;
  return makeProject({
    "sources/a.txt": text,
    "claims/a.yaml": `${header("sources/a.txt")}claims:\n${claim("a1", first)}${claim("a2", second)}`,
  });
}

describe("an article that contradicts itself", () => {
  it("is a within-source conflict even when no other article states the fact", () => {
    const root = twoCounts(
      "The mission had 170 observers. Later it had 400 observers.\n",
      [170, "170 observers"],
      [400, "400 observers"],
    );
    const run = runCli(["--root", root, "report", "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    // One source, two values that cannot both be true: a conflict, not a single-source fact.
    expect(report.groups[0].verdict).toBe("conflict");
    expect(report.groups[0].selfContradicting).toEqual(["Test"]);
    const within = report.findings.filter(
      (f: { ruleId: string }) => f.ruleId === "within-source-conflict",
    );
    expect(within).toHaveLength(1);
    expect(within[0].message).toContain('Test says both "170" and "400"');
    expect(within[0].location.line).toBe(8);
  });

  it("is not one when the two values agree (a count and the same count in words)", () => {
    const root = twoCounts(
      "The mission had 170 observers, one hundred and seventy observers.\n",
      [170, "170 observers"],
      [170, "one hundred and seventy observers"],
    );
    const run = runCli(["--root", root, "report", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("within-source-conflict");
  });
});
