import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import { reportCachePath } from "../../src/pipeline/report-cache.js";
import { copyBundled, runCli } from "../helpers/project.js";

const TREND = "sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt";
const MENAFN = "claims/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.yaml";

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("the report cache", { timeout: 60_000 }, () => {
  it("serves an unchanged project from the cache, and nothing else", async () => {
    const root = copyBundled();
    const cacheLocation = join(root, "cache.bin");
    const cold = await runReport({ root, cacheLocation });
    expect(cold.fromCache).toBe(false);
    const coldReport = cold.report();
    await cold.save();

    const warm = await runReport({ root, cacheLocation });
    expect(warm.fromCache).toBe(true);
    expect(warm.report()).toEqual(coldReport);
    expect(warm.outcome).toEqual(cold.outcome);
    await warm.save();

    // Other filters: another report, computed.
    const filtered = await runReport({ root, cacheLocation }, { verdict: ["conflict"] });
    expect(filtered.fromCache).toBe(false);
    await filtered.save();

    // One letter changed in an article: computed again, and the change shows.
    const again = await runReport({ root, cacheLocation }, { verdict: ["conflict"] });
    expect(again.fromCache).toBe(true);
    await again.save();
    edit(root, TREND, "registered seven candidates", "registered eight candidates");
    const afterArticle = await runReport({ root, cacheLocation }, { verdict: ["conflict"] });
    expect(afterArticle.fromCache).toBe(false);
    expect(
      afterArticle
        .report()
        .findings.some(
          (f) => f.ruleId === "quote-near-miss" && f.location.file.includes("prosecutor"),
        ),
    ).toBe(true);
    await afterArticle.save();

    // A claims file changed: computed again.
    edit(root, MENAFN, "Union of Independent States (CIS)", "Onion of Independent States (CIS)");
    const afterClaims = await runReport({ root, cacheLocation }, { verdict: ["conflict"] });
    expect(afterClaims.fromCache).toBe(false);
    await afterClaims.save();
  });

  it("keeps no report of an invalid project", async () => {
    const root = copyBundled();
    const cacheLocation = join(root, "cache.bin");
    edit(root, MENAFN, "subject: cis\n", "subject: [cis\n");
    const first = await runReport({ root, cacheLocation });
    expect(first.outcome.invalid).toBe(true);
    await first.save();
    expect((await runReport({ root, cacheLocation })).fromCache).toBe(false);
  });

  it("real CLI: the same bytes and exit codes warm as cold, for every format", () => {
    const root = copyBundled();
    const cache = ["--cache-location", join(root, "cache.bin")];
    for (const format of ["json", "sarif", "junit", "markdown", "line", "table", "html"]) {
      const plain = runCli(["--root", root, "report", "--format", format]);
      const first = runCli(["--root", root, ...cache, "report", "--format", format]);
      const second = runCli(["--root", root, ...cache, "report", "--format", format]);
      expect(first.stdout, format).toBe(plain.stdout);
      expect(second.stdout, format).toBe(plain.stdout);
      expect([plain.code, first.code, second.code], format).toEqual([1, 1, 1]);
    }
    // --fail-on never: the outcome stored decides the exit code, not the one of the first run.
    expect(runCli(["--root", root, ...cache, "report", "--fail-on", "never"]).code).toBe(0);
  });

  it("real CLI: the github format gets a fresh token on every run, cache or not", () => {
    const root = copyBundled();
    const cache = ["--cache-location", join(root, "cache.bin")];
    const token = (out: string) => /::stop-commands::([0-9a-f]+)/.exec(out)?.[1];
    const a = runCli(["--root", root, ...cache, "report", "--format", "github"]);
    const b = runCli(["--root", root, ...cache, "report", "--format", "github"]);
    expect(token(a.stdout)).toBeDefined();
    expect(token(b.stdout)).not.toBe(token(a.stdout));
  });

  it("real CLI: a damaged cache file is rebuilt, never trusted", () => {
    const root = copyBundled();
    const location = join(root, "cache.bin");
    const cache = ["--cache-location", location];
    const plain = runCli(["--root", root, "report", "--format", "json"]);
    runCli(["--root", root, ...cache, "report", "--format", "json"]);
    const bytes = readFileSync(reportCachePath(location));
    for (const damaged of [
      bytes.subarray(0, bytes.length >> 1),
      Buffer.from("garbage"),
      Buffer.alloc(0),
    ]) {
      writeFileSync(reportCachePath(location), damaged);
      const run = runCli(["--root", root, ...cache, "report", "--format", "json"]);
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(plain.stdout);
      expect(run.code).toBe(1);
    }
  });
});
