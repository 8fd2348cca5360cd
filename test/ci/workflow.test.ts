/**
 * The workflow, run for real: the steps of .github/workflows/claims.yml that call claimcheck, read
 * from the file and run with bash as GitHub runs them (`npx claimcheck` is the built
 * dist/claimcheck.js here; `npm run build` first), in a temporary git repository: a base commit
 * with the bundled articles and their conflicts, and pull requests that add a conflict, fix one,
 * or touch nothing in conflict. Checks what is new, unchanged and fixed, the annotations, the job
 * summary, the SARIF file and the exit code that fails the job.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runnerCommands, sarifErrors } from "../formats/helpers.js";
import { BIN, copyBundled, REPO } from "../helpers/project.js";
import { AZERNEWS, git, initRepo, setClaimValue, TREND } from "./helpers.js";

interface Step {
  name?: string;
  run?: string;
  "continue-on-error"?: boolean;
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

  it("validates with annotations, then reports github, markdown and sarif against a baseline", () => {
    expect(claimcheckSteps.map((s) => s.run!.match(/npx claimcheck \w+/)?.[0])).toEqual([
      "npx claimcheck validate",
      "npx claimcheck report",
    ]);
    expect(claimcheckSteps[0]!.run).toContain("--format github --format markdown");
    const report = claimcheckSteps[1]!.run!;
    for (const f of ["github", "markdown", "sarif"]) expect(report).toContain(`--format ${f}`);
    expect(report).toContain("--output sarif=claimcheck.sarif");
    expect(report).toContain('--baseline "$BASELINE"');
  });

  it("uploads the SARIF even when the report fails, and never fails on the upload", () => {
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload).toMatchObject({
      with: { sarif_file: "claimcheck.sarif" },
      "continue-on-error": true,
    });
    expect(upload!.if).toContain("always()");
    // A fork's pull request gets no token that could upload: the step is skipped there.
    expect(upload!.if).toContain(
      "github.event.pull_request.head.repo.full_name == github.repository",
    );
  });
});

/** The base branch: the bundled articles, committed on main, their conflicts unacknowledged. */
function baseRepository(): string {
  const root = copyBundled();
  initRepo(root);
  return root;
}

/** MENAFN corrects its article: "Union of Independent States" becomes the Commonwealth's name. */
function fixUnionName(root: string): void {
  for (const file of [
    "sources/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt",
    "claims/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.yaml",
  ]) {
    const path = join(root, file);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replaceAll(
        "Union of Independent States",
        "Commonwealth of Independent States",
      ),
    );
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The claimcheck steps of the workflow, on a pull request against main. */
function runPullRequest(root: string): { validate: Run; report: Run; summary: string } {
  const summaryFile = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "step-summary.md");
  writeFileSync(summaryFile, "");
  // What GitHub sets for `format('origin/{0}', github.base_ref)`; here the base is a local branch.
  const env = { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: "true", BASELINE: "main" };
  const [validate, report] = claimcheckSteps.map((s) => runStep(s, root, env));
  return { validate: validate!, report: report!, summary: readFileSync(summaryFile, "utf8") };
}

describe("the workflow on a pull request that adds one conflict and fixes two", {
  timeout: 120_000,
}, () => {
  let root: string;
  let valueLine: number;
  let run: ReturnType<typeof runPullRequest>;

  beforeAll(() => {
    expect(existsSync(BIN), "build first: npm run build").toBe(true);
    root = baseRepository();
    git(root, "checkout", "-q", "-b", "feature");
    // Azernews now dates the election a day later than the other sources: a new conflict.
    valueLine = setClaimValue(root, AZERNEWS, "azn-election-date", '"2024-02-08"');
    fixUnionName(root);
    git(root, "commit", "-q", "-am", "Azernews: election date; MENAFN: the CIS's name");
    run = runPullRequest(root);
  }, 120_000);

  it("passes validation (exit 0) and fails the report step (exit 1) on the new conflict", () => {
    expect(run.validate.code, run.validate.stdout + run.validate.stderr).toBe(0);
    expect(run.report.code, run.report.stderr).toBe(1);
    expect(run.report.stderr).toMatch(
      /--baseline: against main \([0-9a-f]{12}\): \d+ new, \d+ unchanged, \d+ fixed/,
    );
  });

  it("annotates only what the pull request brought: the new conflict on the changed line", () => {
    const errors = runnerCommands(run.report.stdout).filter((c) => c.name === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.props).toMatchObject({ file: AZERNEWS, line: String(valueLine) });
    expect(errors[0]!.props.title).toBe(
      "conflict: 2024 Azerbaijani extraordinary presidential election — date",
    );
    expect(errors[0]!.data).toContain('"2024-02-08" (Azernews) conflicts with "2024-02-07"');
    // The conflicts already on main (llham) are in the log, not annotated.
    expect(run.report.stdout).toContain("conflict: Ilham Aliyev — name");
  });

  it("leads the job summary with what is new and what was fixed", () => {
    const md = run.summary;
    expect(md).toContain("## claimcheck: the claims files are valid");
    const report = md.slice(md.indexOf("## claimcheck: do the sources agree?"));
    expect(report).toMatch(
      /Against main \\\([0-9a-f]{12}\\\): \d+ new, \d+ unchanged, [1-9]\d* fixed\./,
    );
    expect(report).toContain("**1 new conflict finding** in this change");
    const newAt = report.search(/### New in this change \(\d+\)/);
    const fixedAt = report.indexOf("### Fixed by this change (");
    const conflictsAt = report.indexOf("### Conflicts (");
    expect(newAt).toBeGreaterThan(0);
    expect(fixedAt).toBeGreaterThan(newAt);
    expect(conflictsAt).toBeGreaterThan(fixedAt);
    const fixed = report.slice(fixedAt, conflictsAt);
    expect(fixed).toContain("Union of Independent States");
    expect(fixed).not.toContain("llham");
    // Each conflict's status: new for the date, unchanged for llham.
    expect(report).toMatch(/2024\\-02\\-08 ✗ \(Azernews.*\| \*\*new\*\* \|$/m);
    expect(report).toMatch(/<mark>l<\/mark>lham Aliyev ✗.*\| unchanged \|$/m);
    expect(report).not.toMatch(/<mark>Union<\/mark>/);
  });

  it("writes a valid SARIF file, each result with its baseline state", () => {
    const log = JSON.parse(readFileSync(join(root, "claimcheck.sarif"), "utf8"));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as {
      level: string;
      baselineState: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
    }[];
    const fresh = results.filter((r) => r.baselineState === "new" && r.level === "error");
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.locations[0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: AZERNEWS },
      region: { startLine: valueLine },
    });
    expect(results.some((r) => r.baselineState === "unchanged" && r.level === "error")).toBe(true);
    // Notes (single-source facts) stay out of code scanning.
    expect(results.every((r) => r.level !== "note")).toBe(true);
  });
});

describe("the workflow on a pull request that brings no conflict", { timeout: 120_000 }, () => {
  it("passes, although main has unacknowledged conflicts, and says what it fixed", () => {
    const root = baseRepository();
    git(root, "checkout", "-q", "-b", "fix");
    fixUnionName(root);
    git(root, "commit", "-q", "-am", "MENAFN: the CIS's name");
    const run = runPullRequest(root);
    expect(run.report.code, run.report.stdout + run.report.stderr).toBe(0);
    expect(runnerCommands(run.report.stdout).filter((c) => c.name === "error")).toEqual([]);
    expect(run.summary).toMatch(
      /Against main \\\([0-9a-f]{12}\\\): \d+ new, \d+ unchanged, [1-9]\d* fixed/,
    );
    expect(run.summary).toContain("No new conflicts (");
  });

  it("without a baseline (a first push), fails on the conflicts already there", () => {
    const root = baseRepository();
    const summaryFile = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "s.md");
    const r = runStep(claimcheckSteps[1]!, root, {
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: "true",
      BASELINE: "0000000000000000000000000000000000000000",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("--baseline");
  });

  it("on a push to main, compares with the commit before it", () => {
    const root = baseRepository();
    const before = git(root, "rev-parse", "HEAD").trim();
    appendFileSync(join(root, TREND), "# Reviewed against the article.\n");
    git(root, "commit", "-q", "-am", "Trend: reviewed");
    const summaryFile = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "s.md");
    const r = runStep(claimcheckSteps[1]!, root, {
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: "true",
      BASELINE: before,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`against ${before} (${before.slice(0, 12)}): 0 new`);
  });
});
