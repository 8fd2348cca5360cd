/**
 * Worker threads for parsing and validation: the cut into slices, the choice of thread count,
 * a worker that fails, and the real CLI giving the same output with and without workers.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BYTES_PER_THREAD,
  slicesOf,
  threadCount,
  validateInWorker,
} from "../../src/pipeline/parallel-validate.js";
import { copyBundled, REPO, runCli } from "../helpers/project.js";

const file = (name: string, bytes: number) => ({ file: name, text: "x".repeat(bytes) });

describe("slicesOf", () => {
  it("keeps every file once, in order, in at most the asked number of slices", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(5000), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (sizes, count) => {
          const files = sizes.map((n, i) => file(`f${i}`, n));
          const slices = slicesOf(files, count);
          expect(slices.flat()).toEqual(files);
          expect(slices.length).toBeLessThanOrEqual(Math.max(1, count));
          expect(slices.length).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives slices of about equal size when the files are alike", () => {
    const files = Array.from({ length: 100 }, (_, i) => file(`f${i}`, 1000));
    expect(slicesOf(files, 4).map((s) => s.length)).toEqual([25, 25, 25, 25]);
    expect(slicesOf(files, 3).map((s) => s.length)).toEqual([34, 33, 33]);
  });
});

describe("threadCount", () => {
  it("follows --jobs, but never uses more threads than files", () => {
    const files = [file("a", 10), file("b", 10), file("c", 10)];
    expect(threadCount(1, files)).toBe(1);
    expect(threadCount(2, files)).toBe(2);
    expect(threadCount(8, files)).toBe(3);
  });

  it("uses no worker for a small project", () => {
    const files = Array.from({ length: 50 }, (_, i) => file(`f${i}`, 2000));
    expect(threadCount(undefined, files)).toBe(1);
  });

  it("uses several threads for a large project on a machine with several cores", async () => {
    const { availableParallelism } = await import("node:os");
    const files = Array.from({ length: 40 }, (_, i) => file(`f${i}`, BYTES_PER_THREAD / 4));
    expect(threadCount(undefined, files)).toBe(Math.min(availableParallelism(), 8, 10));
  });
});

describe("validateInWorker", () => {
  const files = [
    { file: "claims/a.yaml", text: readFileSync(join(REPO, firstClaimsFile()), "utf8") },
    { file: "claims/b.yaml", text: "outlet: [unclosed\n" },
  ];

  it("sends back a valid file's data and positions, and nothing for a file with findings", async () => {
    const script = pathToFileURL(join(REPO, "dist/validate-worker.js"));
    expect(existsSync(script), "npm run build makes dist/validate-worker.js").toBe(true);
    const [valid, broken] = await validateInWorker(script, files);
    expect(valid?.data.claims.length).toBeGreaterThan(0);
    expect(valid?.table?.lists.claims).toBeInstanceOf(Int32Array);
    expect(broken).toBeUndefined();
  });

  it("gives nothing for every file when the worker throws or exits without an answer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-worker-"));
    const throwing = join(dir, "throws.mjs");
    const exiting = join(dir, "exits.mjs");
    writeFileSync(throwing, "throw new Error('broken worker');\n");
    writeFileSync(exiting, "process.exit(0);\n");
    for (const script of [throwing, exiting, join(dir, "missing.mjs")]) {
      expect(await validateInWorker(pathToFileURL(script), files)).toEqual([undefined, undefined]);
    }
  });
});

function firstClaimsFile(): string {
  const name = readdirSync(join(REPO, "claims")).find(
    (f) => f.endsWith(".yaml") && f !== "vocabulary.yaml" && f !== "acknowledged.yaml",
  );
  if (!name) throw new Error("no bundled claims file");
  return `claims/${name}`;
}

describe("the CLI with worker threads", () => {
  /**
   * The bundled project plus broken claims files from the bad-input corpus (each renamed, with
   * its own article), so that workers meet valid files, syntax errors, schema errors and files
   * whose valid claims are kept.
   */
  function mixedProject(): string {
    const root = copyBundled();
    const corpus = join(REPO, "test/fixtures/bad-inputs");
    const skip = /megabyte|size-limit|symlink|unreadable|vocabulary/;
    let added = 0;
    for (const name of readdirSync(corpus).sort()) {
      const claims = join(corpus, name, "claims");
      if (skip.test(name) || !existsSync(join(claims, "a.yaml"))) continue;
      if (readdirSync(claims).length !== 1) continue;
      const text = readFileSync(join(claims, "a.yaml"), "latin1");
      writeFileSync(
        join(root, "claims", `zz-${name}.yaml`),
        text.replaceAll("sources/a.txt", `sources/zz-${name}.txt`),
        "latin1",
      );
      const article = join(corpus, name, "sources/a.txt");
      if (existsSync(article)) cpSync(article, join(root, "sources", `zz-${name}.txt`));
      added++;
    }
    expect(added).toBeGreaterThan(30);
    return root;
  }

  it("reports the same, byte for byte and exit code, with four threads as with one", () => {
    const root = mixedProject();
    for (const command of [["validate"], ["report", "--format", "json"]]) {
      const one = runCli(["--root", root, "--jobs", "1", ...command]);
      const four = runCli(["--root", root, "--jobs", "4", ...command], {
        env: { CLAIMCHECK_TIMING: "1" },
      });
      expect(four.stderr, "the workers ran").toContain("wait for worker threads");
      expect(one.code).toBe(2);
      expect(four.code).toBe(one.code);
      expect(four.stdout).toBe(one.stdout);
    }
  });

  it("fills the file cache from workers, and a warm run reports the same", () => {
    const root = mixedProject();
    const cache = join(mkdtempSync(join(tmpdir(), "claimcheck-cache-")), "cache.bin");
    const plain = runCli(["--root", root, "--jobs", "1", "report", "--format", "json"]);
    const cold = runCli(["--root", root, "--jobs", "3", "--cache-location", cache, "validate"]);
    expect(cold.code).toBe(2);
    const warm = runCli(
      ["--root", root, "--jobs", "3", "--cache-location", cache, "report", "--format", "json"],
      { env: { CLAIMCHECK_TIMING: "1" } },
    );
    expect(warm.stderr).toContain("claims from the file cache");
    expect(warm.code).toBe(plain.code);
    expect(warm.stdout).toBe(plain.stdout);
  });

  it("finds the broken files' problems when they were handed to workers", () => {
    const root = mixedProject();
    const result = runCli(["--root", root, "--jobs", "3", "validate"]);
    expect(result.code).toBe(2);
    for (const name of ["crlf-syntax-error", "missing-required-field", "unknown-key-claim"]) {
      expect(result.stdout).toMatch(new RegExp(`claims/zz-${name}\\.yaml\n +\\d+:\\d+ +error`));
    }
  });

  it("refuses a thread count that is not a positive whole number", () => {
    for (const bad of ["0", "-2", "two", "1.5", "1000"]) {
      const result = runCli(["--jobs", bad, "validate"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--jobs/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
