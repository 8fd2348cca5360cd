/**
 * The conventions users bring from ESLint and Spectral, through the real CLI: --quiet,
 * --max-warnings, -v/--version, files as arguments, one output file per format, and one name
 * (`text`) for the human format in every command.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TREND } from "../ci/helpers.js";
import { copyBundled, REPO, runCli } from "../helpers/project.js";

let root = "";
beforeAll(() => {
  root = copyBundled();
  // One warning: a value its quote does not show.
  const path = join(root, TREND);
  writeFileSync(
    path,
    readFileSync(path, "utf8").replace(/(- id: trd-election-candidates[\s\S]*?value: )7/, "$18"),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("--quiet and --max-warnings", () => {
  it("validate shows the warning, --quiet hides it, and --max-warnings 0 fails on it", () => {
    const plain = runCli(["--root", root, "validate", "-f", "line"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/warning value-not-in-quote/);
    const quiet = runCli(["--root", root, "validate", "-f", "line", "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe("");
    const strict = runCli(["--root", root, "validate", "--quiet", "--max-warnings", "0"]);
    expect(strict.code).toBe(1);
    expect(runCli(["--root", root, "validate", "--max-warnings", "1"]).code).toBe(0);
  });

  it("report: --quiet keeps errors only, in every format", () => {
    const r = runCli(["--root", root, "report", "-f", "json", "--quiet", "--fail-on", "never"]);
    const json = JSON.parse(r.stdout);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(json.groups.length).toBeGreaterThan(0);
    const counted = runCli(["--root", root, "report", "--fail-on", "never", "--max-warnings", "0"]);
    expect(counted.code).toBe(1);
  });

  it("refuses a count that is not a whole number", () => {
    const r = runCli(["--root", root, "validate", "--max-warnings", "-1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-warnings.*expected a whole number of 0 or more/);
  });
});

describe("-v and --version", () => {
  it("print the version", () => {
    const version = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version;
    for (const flag of ["-v", "--version"]) {
      const r = runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });
});

describe("files as arguments", () => {
  it("validate FILE shows only that file's findings; an article names its claims file", () => {
    const other = runCli([
      "--root",
      root,
      "validate",
      "-f",
      "line",
      join(root, "claims/2024-02-06_azernews_bayramov-receives-cis-secretary-general.yaml"),
    ]);
    expect(other.code).toBe(0);
    expect(other.stdout).toBe("");
    const own = runCli([
      "--root",
      root,
      "validate",
      "-f",
      "line",
      join(root, "sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt"),
    ]);
    expect(own.stdout).toMatch(/^claims\/2024-02-05_trend.*warning value-not-in-quote/m);
  });

  it("report FILE reports the facts with a claim in that file", () => {
    const all = JSON.parse(runCli(["--root", root, "report", "-f", "json"]).stdout);
    const one = JSON.parse(
      runCli([
        "--root",
        root,
        "report",
        "-f",
        "json",
        join(root, "claims/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.yaml"),
      ]).stdout,
    );
    expect(one.groups.length).toBeGreaterThan(0);
    expect(one.groups.length).toBeLessThan(all.groups.length);
    for (const g of one.groups as { values: { claims: { claimsFile: string }[] }[] }[])
      expect(
        g.values.some((v) =>
          v.claims.some((c) => c.claimsFile.startsWith("claims/2018-04-12_unattributed")),
        ),
      ).toBe(true);
  });

  it("a file that does not exist is a usage error", () => {
    const r = runCli(["--root", root, "report", "claims/nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("claims/nope.yaml does not exist");
  });
});

describe("outputs", () => {
  it("one file per format: a second --output for the same format is refused before anything is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-outputs-"));
    const r = runCli([
      "--root",
      root,
      "report",
      "-f",
      "json",
      "-o",
      join(dir, "a.json"),
      "-o",
      join(dir, "b.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the json output already goes to .*a\.json; give each format one file/,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it("`text` is the human format in report, validate and coverage; `table` still works", () => {
    const text = runCli(["--root", root, "report", "-f", "text", "--fail-on", "never"]);
    const table = runCli(["--root", root, "report", "-f", "table", "--fail-on", "never"]);
    expect(text.stdout).toBe(table.stdout);
    expect(runCli(["--root", root, "validate", "-f", "text"]).code).toBe(0);
    const coverage = runCli(["--root", root, "coverage", "-f", "table"]);
    expect(coverage.code).toBe(0);
    expect(coverage.stdout).toBe(runCli(["--root", root, "coverage", "-f", "text"]).stdout);
  });

  it("an unknown format gets a did-you-mean", () => {
    const r = runCli(["--root", root, "report", "-f", "sarfi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "sarfi"; did you mean "sarif"?');
  });
});
