/**
 * The workflow, run for real: the steps of .github/workflows/claims.yml that call claimcheck, read
 * from the file and run with bash as GitHub runs them (`npx claimcheck` is the built
 * dist/claimcheck.js here; `npm run build` first), in a temporary git repository whose feature
 * branch introduces a new conflict. Checks the annotation, the job summary, the SARIF file and the
 * exit code that fails the job.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runnerCommands, sarifErrors } from "../formats/helpers.js";
import { BIN, copyBundled, REPO } from "../helpers/project.js";
import { ACK_BUNDLED, AZERNEWS, git, initRepo, setClaimValue } from "./helpers.js";

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(readFileSync(join(REPO, ".github/workflows/claims.yml"), "utf8")) as {
  on: Record<string, { paths?: string[] }>;
  permissions: Record<string, string>;
  jobs: { claims: { steps: Step[] } };
};
const steps = workflow.jobs.claims.steps;
const claimcheckSteps = steps.filter((s) => s.run?.includes("npx claimcheck"));

/** Run one workflow step's script as the runner does (bash -eo pipefail), GitHub's env simulated. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const script = step.run!.replaceAll("npx claimcheck", `"${process.execPath}" "${BIN}"`);
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the workflow file", () => {
  it("runs on pull requests and pushes touching claims/ or sources/", () => {
    for (const event of ["pull_request", "push"]) {
      expect(workflow.on[event]?.paths).toEqual(["claims/**", "sources/**"]);
    }
    expect(workflow.permissions["security-events"]).toBe("write");
  });

  it("checks out the full history, sets up Node 20 with the npm cache, installs with npm ci", () => {
    expect(steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(steps[1]).toMatchObject({
      uses: "actions/setup-node@v4",
      with: { "node-version": 20, cache: "npm" },
    });
    expect(steps.some((s) => s.run === "npm ci")).toBe(true);
  });

  it("validates, then reports github, markdown and sarif, and uploads the SARIF even when the report fails", () => {
    expect(claimcheckSteps.map((s) => s.run!.split(/\s+/).slice(0, 3).join(" "))).toEqual([
      "npx claimcheck validate",
      "npx claimcheck report",
    ]);
    const report = claimcheckSteps[1]!.run!;
    for (const f of ["github", "markdown", "sarif"]) expect(report).toContain(`--format ${f}`);
    expect(report).toContain("--output sarif=claimcheck.sarif");
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload).toMatchObject({ with: { sarif_file: "claimcheck.sarif" } });
    expect(upload!.if).toContain("always()");
  });
});

describe("the workflow on a pull request that introduces a new conflict", {
  timeout: 120_000,
}, () => {
  let root: string;
  let summaryFile: string;
  let valueLine: number;
  let results: { name: string; code: number | null; stdout: string; stderr: string }[];

  beforeAll(() => {
    expect(existsSync(BIN), "build first: npm run build").toBe(true);
    root = copyBundled();
    // The base branch: the bundled articles with their three conflicts acknowledged.
    writeFileSync(join(root, "claims/acknowledged.yaml"), ACK_BUNDLED);
    initRepo(root);
    // The pull request: Azernews now dates the election a day later than the other sources.
    git(root, "checkout", "-q", "-b", "feature");
    valueLine = setClaimValue(root, AZERNEWS, "azn-election-date", '"2024-02-08"');
    git(root, "commit", "-q", "-am", "Azernews: election date");
    // The runner keeps the summary file outside the workspace.
    summaryFile = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "step-summary.md");
    writeFileSync(summaryFile, "");
    const env = { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: "true", CHANGED_SINCE: "main" };
    results = claimcheckSteps.map((s) => ({ name: s.name ?? "", ...runStep(s, root, env) }));
  }, 120_000);

  it("passes validation (exit 0)", () => {
    expect(results[0]!.code, results[0]!.stdout + results[0]!.stderr).toBe(0);
  });

  it("fails the report step with exit 1", () => {
    expect(results[1]!.code, results[1]!.stderr).toBe(1);
  });

  it("annotates the new conflict on the changed claim's line", () => {
    const errors = runnerCommands(results[1]!.stdout).filter((c) => c.name === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.props).toMatchObject({ file: AZERNEWS, line: String(valueLine) });
    expect(errors[0]!.props.title).toBe(
      "conflict: 2024 Azerbaijani extraordinary presidential election — date",
    );
    expect(errors[0]!.data).toContain('"2024-02-08" (Azernews) conflicts with "2024-02-07"');
  });

  it("shows the acknowledged conflicts the pull request touches as notices, and only the touched facts", () => {
    const out = results[1]!.stdout;
    const notices = runnerCommands(out).filter((c) => c.name === "notice");
    expect(notices.some((n) => n.props.title?.startsWith("conflict (acknowledged)"))).toBe(true);
    expect(out).toMatch(/^claimcheck: \d+ facts left out/m);
    expect(results[1]!.stderr).toMatch(
      /--changed-since main: \d+ of \d+ facts touch the 1 changed file/,
    );
  });

  it("appends the job summary, with the new conflict marked new", () => {
    const md = readFileSync(summaryFile, "utf8");
    expect(md).toContain("## claimcheck: do the sources agree?");
    expect(md).toContain("**1 unacknowledged conflict**");
    expect(md).toMatch(
      /\| 2024 Azerbaijani extraordinary presidential election<br>date \| 2024\\-02\\-07 \(MENAFN\\-Trend, Trend\)<br>2024\\-02\\-08 ✗ \(Azernews\) <sub>1 day apart<\/sub>.*\| \*\*new\*\* \|$/m,
    );
    expect(md).toMatch(/<mark>Union<\/mark> of Independent States ✗.*\| acknowledged \|$/m);
    expect(md).toMatch(/> \d+ facts left out/);
    // Markdown went to the summary, not to the log.
    expect(results[1]!.stdout).not.toContain("## claimcheck");
  });

  it("writes a valid SARIF file with the new conflict at the changed line", () => {
    const log = JSON.parse(readFileSync(join(root, "claimcheck.sarif"), "utf8"));
    expect(sarifErrors(log)).toEqual([]);
    const errors = log.runs[0].results.filter((r: { level: string }) => r.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: AZERNEWS },
      region: { startLine: valueLine },
    });
  });
});
