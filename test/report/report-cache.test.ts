import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { type ReportFilters, runReport } from "../../src/pipeline/report.js";
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
  const KEY = "json";
  /** One report run as the CLI makes it: rendered (or served), kept, saved. */
  async function run(root: string, filters: ReportFilters = {}) {
    const cacheLocation = join(root, "cache.bin");
    const result = await runReport({ root, cacheLocation }, filters, [KEY]);
    const bytes = result.fromCache
      ? Buffer.concat([...result.output(KEY)!])
      : Buffer.from(JSON.stringify(result.report()));
    if (!result.fromCache) result.keepOutput(KEY, [bytes]);
    await result.save();
    return { fromCache: result.fromCache, outcome: result.outcome, text: bytes.toString() };
  }

  it("serves an unchanged project from the cache, and nothing else", async () => {
    const root = copyBundled();
    const cold = await run(root);
    expect(cold.fromCache).toBe(false);
    const warm = await run(root);
    expect(warm.fromCache).toBe(true);
    expect(warm.text).toBe(cold.text);
    expect(warm.outcome).toEqual(cold.outcome);

    // Other filters: another report, computed.
    expect((await run(root, { verdict: ["conflict"] })).fromCache).toBe(false);
    expect((await run(root, { verdict: ["conflict"] })).fromCache).toBe(true);

    // An output not rendered before: computed, and kept beside the one that was.
    const cacheLocation = join(root, "cache.bin");
    const other = await runReport({ root, cacheLocation }, { verdict: ["conflict"] }, [KEY, "x"]);
    expect(other.fromCache).toBe(false);
    other.keepOutput("x", [Buffer.from("x")]);
    await other.save();
    const both = await runReport({ root, cacheLocation }, { verdict: ["conflict"] }, [KEY, "x"]);
    expect(both.fromCache).toBe(true);
    expect(Buffer.concat([...both.output("x")!]).toString()).toBe("x");
    await both.save();

    // One letter changed in an article: computed again, and the change shows.
    edit(root, TREND, "registered seven candidates", "registered eight candidates");
    const afterArticle = await run(root, { verdict: ["conflict"] });
    expect(afterArticle.fromCache).toBe(false);
    expect(afterArticle.text).toContain("quote-near-miss");

    // A claims file changed: computed again.
    edit(root, MENAFN, "Union of Independent States (CIS)", "Onion of Independent States (CIS)");
    expect((await run(root, { verdict: ["conflict"] })).fromCache).toBe(false);
  });

  it("never serves an invalid project", async () => {
    const root = copyBundled();
    edit(root, TREND, "registered seven candidates", "registered eight candidates");
    const first = await run(root);
    expect(first.outcome.invalid).toBe(true);
    expect((await run(root)).fromCache).toBe(false);
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
    // The real header, with one field of the wrong shape, then the same outputs.
    const start = bytes.indexOf(0x0a) + 1;
    const size = bytes.readUInt32LE(start);
    const real = deserialize(bytes.subarray(start + 4, start + 4 + size)) as Record<
      string,
      unknown
    >;
    const header = serialize({ ...real, articles: "not a list" });
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const wrongShape = Buffer.concat([
      bytes.subarray(0, start),
      length,
      header,
      bytes.subarray(start + 4 + size),
    ]);
    for (const damaged of [
      wrongShape,
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
