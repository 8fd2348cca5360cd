import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findQuote } from "../../src/edit/find-quote.js";
import { REPO } from "../helpers/project.js";

const SOURCES = readdirSync(join(REPO, "sources"))
  .sort()
  .map((f) => ({ path: `sources/${f}`, text: readFileSync(join(REPO, "sources", f), "utf8") }));
const U18 = "sources/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt";
const U24 = "sources/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.txt";

describe("findQuote", () => {
  it("finds an exact quote in every article that has it, with line, column and context", () => {
    const result = findQuote("Ilham Aliyev has received", SOURCES);
    expect(result.closest).toEqual([]);
    expect(result.hits.map((h) => [h.path, h.span.line, h.span.column])).toEqual([
      [U18, 7, 41],
      [U24, 6, 41],
    ]);
    expect(result.hits[0]?.context).toMatchObject({
      before: "President of the Republic of Azerbaijan ",
      match: "Ilham Aliyev has received",
    });
    expect(result.hits[0]?.context.after).toMatch(/^ a delegation led by .*…$/);
  });

  it("matches under grounding's normalisation: spacing, curly quotes, line breaks", () => {
    const sources = [{ path: "a.txt", text: "He said:\n“the  vote was\u00a0open”\nand left." }];
    const result = findQuote('"the vote was open"', sources);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]?.span).toMatchObject({ line: 2, column: 1 });
    expect(result.hits[0]?.context.match).toBe("“the  vote was\u00a0open”");
  });

  it("finds every occurrence in one article", () => {
    const source = SOURCES.find((s) => s.path === U24)!;
    const result = findQuote("Sergey Lebedev", [source]);
    expect(result.hits.length).toBe(source.text.split("Sergey Lebedev").length - 1);
    expect(result.hits.length).toBeGreaterThan(2);
    expect(new Set(result.hits.map((h) => h.span.start)).size).toBe(result.hits.length);
  });

  it("shows the closest passages for a near miss (llham for Ilham), best first", () => {
    const result = findQuote("llham Aliyev has received", SOURCES);
    expect(result.hits).toEqual([]);
    expect(result.closest.length).toBeGreaterThanOrEqual(2);
    const [first, second] = result.closest;
    expect(first).toMatchObject({
      path: U18,
      errors: 1,
      near: true,
      span: { line: 7, column: 41 },
    });
    expect(second).toMatchObject({ path: U24, errors: 1, near: true });
    expect(first?.diff).toEqual([
      { op: -1, text: "I" },
      { op: 1, text: "l" },
      { op: 0, text: "lham Aliyev has received" },
    ]);
    expect(result.closest.length).toBeLessThanOrEqual(3);
  });

  it("gives no passage when nothing comes close, and no hit for an empty quote", () => {
    expect(findQuote("penguins of the Antarctic ice shelf", SOURCES).closest).toEqual([]);
    expect(findQuote("   ", SOURCES)).toEqual({ quote: "", hits: [], closest: [] });
  });
});
