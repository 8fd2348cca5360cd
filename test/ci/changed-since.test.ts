/**
 * --changed-since REF in a real temporary git repository: only the facts with a claim in a file
 * changed since REF (committed on the branch, or not committed yet), plus a line saying how many
 * were left out; a clear error (exit 2) when git cannot answer.
 */
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportResult } from "../../src/report/report-result.js";
import { copyBundled, runCli } from "../helpers/project.js";
import { AZERNEWS, git, initRepo, TREND } from "./helpers.js";

const touches = (file: string) => (g: ReportResult["groups"][number]) =>
  g.values.some((v) => v.claims.some((c) => c.claimsFile === file));

let full: ReportResult;
let root: string;

beforeAll(() => {
  root = copyBundled();
  full = JSON.parse(runCli(["report", "--format", "json"], { cwd: root }).stdout) as ReportResult;
  initRepo(root);
  appendFileSync(join(root, AZERNEWS), "# reviewed again\n");
  git(root, "commit", "-q", "-am", "touch the Azernews claims");
}, 60_000);

describe("--changed-since in a git repository", { timeout: 60_000 }, () => {
  it("reports only the facts with a claim in the changed file, and how many were left out", () => {
    const r = runCli(["report", "--format", "json", "--changed-since", "HEAD~1"], { cwd: root });
    const report = JSON.parse(r.stdout) as ReportResult;
    const expected = full.groups.filter(touches(AZERNEWS)).map((g) => g.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(report.groups.map((g) => g.key)).toEqual(expected);
    expect(report.summary.leftOut).toBe(full.groups.length - expected.length);
    expect(r.stderr).toContain(
      `--changed-since HEAD~1: ${expected.length} of ${full.groups.length} facts touch the 1 changed file(s); ${full.groups.length - expected.length} left out`,
    );
    // Still fails: the Azernews file takes part in two of the bundled conflicts.
    expect(r.code).toBe(1);
  });

  it("adds files changed but not committed", () => {
    const dirty = copyBundled();
    initRepo(dirty);
    appendFileSync(join(dirty, TREND), "# not committed\n");
    const r = runCli(["report", "--format", "json", "--changed-since", "HEAD"], { cwd: dirty });
    const report = JSON.parse(r.stdout) as ReportResult;
    expect(report.groups.map((g) => g.key)).toEqual(
      full.groups.filter(touches(TREND)).map((g) => g.key),
    );
  });

  it("says how many facts were left out in the table and markdown formats", () => {
    const table = runCli(["report", "--changed-since", "HEAD~1"], { cwd: root });
    expect(table.stdout).toMatch(/\d+ facts left out by filters/);
    const md = runCli(["report", "--format", "markdown", "--changed-since", "HEAD~1"], {
      cwd: root,
    });
    expect(md.stdout).toMatch(/> \d+ facts left out by filters or \\-\\-changed\\-since/);
    const gh = runCli(["report", "--format", "github", "--changed-since", "HEAD~1"], { cwd: root });
    expect(gh.stdout).toMatch(/^claimcheck: \d+ facts left out/m);
  });

  it("reports no facts, all left out, when nothing changed", () => {
    const r = runCli(["report", "--format", "json", "--changed-since", "HEAD"], { cwd: root });
    const report = JSON.parse(r.stdout) as ReportResult;
    expect(report.groups).toEqual([]);
    expect(report.summary.leftOut).toBe(full.groups.length);
    expect(r.code).toBe(0);
  });

  it("reports every fact when the vocabulary changed", () => {
    const vocab = copyBundled();
    initRepo(vocab);
    appendFileSync(join(vocab, "claims/vocabulary.yaml"), "# touched\n");
    const r = runCli(["report", "--format", "json", "--changed-since", "HEAD"], { cwd: vocab });
    expect((JSON.parse(r.stdout) as ReportResult).groups).toHaveLength(full.groups.length);
    expect(r.stderr).toContain("claims/vocabulary.yaml changed, so every fact is reported");
  });

  it("fails with exit 2 and a clear message for an unknown ref", () => {
    const r = runCli(["report", "--changed-since", "no-such-branch"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown git ref "no-such-branch"');
    expect(r.stdout).toBe("");
  });

  it("refuses a ref that looks like an option", () => {
    const r = runCli(["report", "--changed-since=--output=x"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not a git ref");
  });

  it("fails with exit 2 outside a git repository", () => {
    const bare = mkdtempSync(join(tmpdir(), "claimcheck-nogit-"));
    const project = copyBundled();
    writeFileSync(join(bare, "x"), "");
    const r = runCli(["report", "-C", project, "--changed-since", "HEAD"], {
      cwd: bare,
      env: { GIT_CEILING_DIRECTORIES: tmpdir() },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--changed-since HEAD: finding the git repository failed: .*not a git repository/,
    );
  });
});
