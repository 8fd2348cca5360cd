import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packSpans, unpackSpans } from "../../src/ground/ground-project.js";
import { checkProject } from "../../src/pipeline/check.js";
import { assembleReport } from "../../src/pipeline/report.js";
import { BUNDLED_ARTICLES, copyBundled, runCli } from "../helpers/project.js";

describe("the cache", () => {
  it("reuses unchanged files, and always re-reads a changed one", async () => {
    const root = copyBundled();
    const cacheLocation = join(root, "cache.bin");
    const cold = await checkProject({ root, cacheLocation });
    expect(cold.cacheHits).toBe(0);
    const warm = await checkProject({ root, cacheLocation });
    // Five claims files and the vocabulary.
    expect(warm.cacheHits).toBe(BUNDLED_ARTICLES + 1); // every claims file and the vocabulary
    expect(assembleReport(warm)).toEqual(assembleReport(cold));

    // Change one claims file: "Union" becomes "Onion"; the quote no longer matches its article.
    const file = join(
      root,
      "claims/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.yaml",
    );
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "Secretary General of the Union of Independent States (CIS)",
        "Secretary General of the Onion of Independent States (CIS)",
      ),
    );
    const changed = await checkProject({ root, cacheLocation });
    expect(changed.cacheHits).toBe(BUNDLED_ARTICLES);
    expect(
      changed.findings.some(
        (f) => f.ruleId === "quote-near-miss" && f.location.file.includes("menafn"),
      ),
    ).toBe(true);

    // Change an article: its claims are grounded again even though the claims file did not change.
    const article = join(
      root,
      "sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt",
    );
    writeFileSync(
      article,
      readFileSync(article, "utf8").replace(
        "registered seven candidates",
        "registered eight candidates",
      ),
    );
    const afterArticle = await checkProject({ root, cacheLocation });
    expect(
      afterArticle.findings.some(
        (f) => f.ruleId === "quote-near-miss" && f.location.file.includes("prosecutor"),
      ),
    ).toBe(true);
  });

  it("gives byte-identical reports with and without the cache (real CLI)", () => {
    const root = copyBundled();
    const plain = runCli(["--root", root, "report", "--format", "json"]);
    const first = runCli(["--root", root, "--cache", "report", "--format", "json"]);
    const second = runCli(["--root", root, "--cache", "report", "--format", "json"]);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(1);
    expect(
      readFileSync(join(root, "node_modules/.cache/claimcheck/cache.bin")).length,
    ).toBeGreaterThan(0);
  });
});

describe("spans in the cache", () => {
  it("pack into one typed array per article and unpack to the same spans, in order", () => {
    const spans = new Map([
      ["c2", { start: 10, end: 20, line: 2, column: 1, endLine: 2, endColumn: 11 }],
      ["#dateline", { start: 0, end: 4, line: 1, column: 1, endLine: 1, endColumn: 5 }],
      ["c1", { start: 30, end: 70000, line: 3, column: 7, endLine: 900, endColumn: 2 }],
    ]);
    const packed = packSpans(spans);
    expect(packed.spanNumbers).toBeInstanceOf(Int32Array);
    expect(packed.spanNumbers).toHaveLength(18);
    const back = unpackSpans(packed);
    expect([...back]).toEqual([...spans]);
  });
});
