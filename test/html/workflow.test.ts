/**
 * The claims workflow writes the review page and uploads it as an artifact, even when the report
 * step fails the job (a conflict exits 1). test/ci/workflow.test.ts runs the report step for real.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO } from "../helpers/project.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

const steps = (
  parse(readFileSync(join(REPO, ".github/workflows/claims.yml"), "utf8")) as {
    jobs: { claims: { steps: Step[] } };
  }
).jobs.claims.steps;

describe("the review page in the claims workflow", () => {
  it("is written by the report step", () => {
    const report = steps.find((s) => s.run?.includes("npx claimcheck report"));
    expect(report?.run).toContain("--format html --output html=claimcheck-report.html");
  });

  it("is uploaded as an artifact after the report step, whatever its exit code", () => {
    const i = steps.findIndex((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(i).toBeGreaterThan(steps.findIndex((s) => s.run?.includes("npx claimcheck report")));
    const upload = steps[i]!;
    expect(upload.if).toContain("always()");
    expect(upload.with).toMatchObject({
      name: "claimcheck-report",
      path: "claimcheck-report.html",
    });
  });
});
