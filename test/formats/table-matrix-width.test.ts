/**
 * The width the table format reckons a matrix needs before drawing it is never more than what
 * cli-table3 draws, whatever the sources are called: otherwise a matrix that fits would be
 * replaced by the list of pairs.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import { formatTable, matrixWidthAtLeast, prepareTable } from "../../src/report/formats/table.js";
import type { ReportResult } from "../../src/report/report-result.js";
import { REPO } from "../helpers/project.js";
import { CTX } from "./helpers.js";

describe("the matrix's width, reckoned before drawing", () => {
  it("is at most the drawn width, and equal to it for plain names", async () => {
    const full: ReportResult = (
      await runReport({ root: join(REPO, "test/fixtures/suggest-quality/development-a") })
    ).report();
    // The fact table is not what is measured here.
    const base: ReportResult = { ...full, groups: [] };
    await prepareTable();
    const drawnWidth = (report: ReportResult): number => {
      const text = formatTable(report, { ...CTX, width: 100_000, colors: makeColors(false) });
      const matrix = text.slice(text.indexOf("Source by source (agreeing / shared facts)"));
      return [...(matrix.split("\n")[1] ?? "")].length;
    };
    expect(matrixWidthAtLeast(base)).toBe(drawnWidth(base));
    const name = fc
      .array(fc.constantFrom("a", "é", "e\u0301", "選", "挙", " ", "-", "👍🏽", "a\u200db"), {
        minLength: 1,
        maxLength: 8,
      })
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(
        fc.array(name, { minLength: base.agreement.length, maxLength: base.agreement.length }),
        (names) => {
          const renamed = {
            ...base,
            agreement: base.agreement.map((a, i) => ({ ...a, source: names[i]! })),
          };
          expect(matrixWidthAtLeast(renamed)).toBeLessThanOrEqual(drawnWidth(renamed));
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
