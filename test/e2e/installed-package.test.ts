/**
 * claimcheck as a user gets it: the packed package installed from its tarball into a new
 * repository, then the whole path the README describes, through the installed command and
 * library only: setup → init → suggest --write → validate → report, the workflow's own command
 * lines, `import ... from "claimcheck"` from a script, and its type declarations in a TypeScript
 * program. `.ci/run` packs with `npm pack` (which builds through `prepack`) and passes the tarball
 * in CLAIMCHECK_TARBALL; without it the test packs the current build itself.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO } from "../helpers/project.js";

const ARTICLES = [
  "2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt",
  "2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt",
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env = {}): Run {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, CI: undefined, ...env },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: `${r.stderr ?? ""}${r.error ?? ""}` };
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the installed package, in a new repository", { timeout: 240_000 }, () => {
  let repo: string;
  let install: Run;
  const claimcheck = (...args: string[]) =>
    run(join(repo, "node_modules/.bin/claimcheck"), args, repo);

  beforeAll(() => {
    let tarball = process.env.CLAIMCHECK_TARBALL;
    if (!tarball) {
      expect(existsSync(join(REPO, "dist/lib/index.d.ts")), "build first: npm run build").toBe(
        true,
      );
      const packs = mkdtempSync(join(tmpdir(), "claimcheck-pack-"));
      // The build is there already; packing must not rebuild dist/ under the other tests.
      const pack = run(npm, ["pack", "--ignore-scripts", "--pack-destination", packs], REPO);
      expect(pack.code, pack.stderr).toBe(0);
      tarball = join(packs, pack.stdout.trim().split("\n").pop()!);
    }
    repo = mkdtempSync(join(tmpdir(), "claimcheck-user-"));
    writeFileSync(
      join(repo, "package.json"),
      `${JSON.stringify({ name: "my-claims", private: true, type: "module" }, null, 2)}\n`,
    );
    run("git", ["init", "-q", "-b", "main"], repo);
    install = run(
      npm,
      ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", tarball],
      repo,
    );
  }, 240_000);

  it("installs without building and without an install script", () => {
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/claimcheck/i);
    const manifest = JSON.parse(
      readFileSync(join(repo, "node_modules/claimcheck/package.json"), "utf8"),
    );
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.install).toBeUndefined();
    expect(manifest.scripts.postinstall).toBeUndefined();
    for (const shipped of [
      "templates/github-workflow.yml",
      "templates/vscode-settings.json",
      "vocabulary.schema.json",
      "acknowledged.schema.json",
      "dist/lib/index.d.ts",
    ])
      expect(existsSync(join(repo, "node_modules/claimcheck", shipped)), shipped).toBe(true);
  });

  it("sets up, starts two articles, suggests, validates and reports, with the installed command", () => {
    const setup = claimcheck("setup");
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).not.toContain("npm install --save-dev claimcheck");
    // The user's own vocabulary for these articles (the bundled one fits them).
    cpSync(join(REPO, "claims/vocabulary.yaml"), join(repo, "claims/vocabulary.yaml"));
    for (const article of ARTICLES) {
      cpSync(join(REPO, "sources", article), join(repo, "sources", article));
      const init = run(
        join(repo, "node_modules/.bin/claimcheck"),
        ["init", article],
        join(repo, "sources"),
      );
      expect(init.code, init.stderr).toBe(0);
      const claimsFile = join(repo, "claims", article.replace(/\.txt$/, ".yaml"));
      // Modelines resolve in the user's repository: setup wrote the schema they name.
      const modeline = readFileSync(claimsFile, "utf8").split("\n")[0]!;
      const schema = /\$schema=(\S+)/.exec(modeline)![1]!;
      expect(existsSync(join(repo, "claims", schema))).toBe(true);

      const suggest = claimcheck("suggest", `sources/${article}`, "--write");
      expect(suggest.code, suggest.stderr).toBe(0);
      expect(suggest.stdout).toMatch(/appended \d+ suggested claims/);
      // The annotator's review, in brief: name the outlet, accept what has no TODO left.
      const text = readFileSync(claimsFile, "utf8")
        .replace("TODO: the outlet's name", article.split("_")[1]!)
        .replace(
          /(\n {4}subject: (?!TODO)\S+\n {4}property: (?!TODO)[^\n]*\n(?:(?! {2}- )[^\n]*\n)*?) {4}status: suggested\n/g,
          "$1",
        );
      writeFileSync(claimsFile, text);
    }
    const validate = claimcheck("validate");
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toMatch(/✓ 2 claims files, \d+ claims: all valid, every quote found/);

    const report = claimcheck("report", "--format", "json");
    expect([0, 1], report.stderr).toContain(report.code);
    const json = JSON.parse(report.stdout);
    expect(json.sources).toHaveLength(2);
    expect(json.groups.some((g: { verdict: string }) => g.verdict === "agree")).toBe(true);
  });

  it("runs the workflow's command lines as GitHub runs them", () => {
    const workflow = parse(readFileSync(join(repo, ".github/workflows/claims.yml"), "utf8"));
    const steps = (workflow.jobs.claims.steps as { run?: string; env?: object }[]).filter((s) =>
      s.run?.includes("claimcheck"),
    );
    expect(steps.length).toBe(2);
    const summary = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "summary.md");
    writeFileSync(summary, "");
    const codes = steps.map((step) => {
      const r = run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], repo, {
        GITHUB_ACTIONS: "true",
        GITHUB_STEP_SUMMARY: summary,
        BASELINE: "", // a push with no commit before it: no baseline
      });
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      return r.code;
    });
    expect(codes[0]).toBe(0);
    expect([0, 1]).toContain(codes[1]);
    expect(JSON.parse(readFileSync(join(repo, "claimcheck.sarif"), "utf8")).version).toBe("2.1.0");
    expect(readFileSync(join(repo, "claimcheck-report.html"), "utf8")).toMatch(/^<!doctype html>/i);
    expect(readFileSync(summary, "utf8")).toContain("claimcheck");
    // And git ignores what the workflow wrote.
    const ignored = run(
      "git",
      ["check-ignore", "claimcheck.sarif", "claimcheck-report.html"],
      repo,
    );
    expect(ignored.stdout.trim().split("\n")).toEqual([
      "claimcheck.sarif",
      "claimcheck-report.html",
    ]);
  });

  it("imports as a library: check, build the report, format it, as the command does", () => {
    writeFileSync(
      join(repo, "use.mjs"),
      `import { buildReport, checkProject, formatReport, reportOutcome } from "claimcheck";
const check = await checkProject({ root: process.cwd() });
const report = buildReport(check);
const markdown = await formatReport(report, "markdown");
console.log(JSON.stringify({ groups: report.groups.length, outcome: reportOutcome(report), markdown: markdown.length }));
`,
    );
    const r = run(process.execPath, ["use.mjs"], repo);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const cli = JSON.parse(claimcheck("report", "--format", "json").stdout);
    expect(out.groups).toBe(cli.groups.length);
    expect(out.markdown).toBeGreaterThan(100);
  });

  it("its type declarations check a TypeScript program that uses it (and catch a wrong use)", () => {
    const program = (body: string) =>
      `import { buildReport, checkProject, formatReport, type Finding, type ReportResult } from "claimcheck";
const check = await checkProject({ root: "." });
const report: ReportResult = buildReport(check);
const errors: Finding[] = report.findings.filter((f) => f.severity === "error");
${body}
`;
    writeFileSync(
      join(repo, "good.ts"),
      program('console.log(errors.length, await formatReport(report, "sarif"));'),
    );
    writeFileSync(join(repo, "bad.ts"), program('console.log(await formatReport(report, "pdf"));'));
    const tsc = (...files: string[]) =>
      run(
        process.execPath,
        [
          join(REPO, "node_modules/typescript/bin/tsc"),
          "--noEmit",
          "--strict",
          "--target",
          "es2022",
          "--module",
          "nodenext",
          "--moduleResolution",
          "nodenext",
          "--typeRoots",
          join(REPO, "node_modules/@types"),
          "--types",
          "node",
          ...files,
        ],
        repo,
      );
    // One compiler run for both: the right use checks, the wrong one is the only error.
    const r = tsc("good.ts", "bad.ts");
    expect(r.code).not.toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^bad\.ts\(5,\d+\): error TS2345: Argument of type '"pdf"'/),
    ]);
  });
});
