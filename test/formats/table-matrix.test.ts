/**
 * The source-by-source matrix is drawn by cli-table3 only when it may fit: a matrix that cannot
 * fit the width is a list, and cli-table3 is then not even loaded (its own file: whether it is
 * loaded is module state, and cli-table3 is replaced by a module that refuses to load).
 */
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import type { ReportResult } from "../../src/report/report-result.js";
import { REPO } from "../helpers/project.js";
import { bundledReport, CTX } from "./helpers.js";

vi.mock("cli-table3", () => {
  throw new Error("cli-table3 was loaded");
});

const reportOf = async (folder: string): Promise<ReportResult> =>
  (await runReport({ root: join(REPO, "test/fixtures/suggest-quality", folder) })).report();

describe("the matrix and cli-table3", () => {
  it("lists the pairs of a matrix too wide for the terminal without loading cli-table3", async () => {
    const { prepareTable, formatTable, matrixWidthAtLeast } = await import(
      "../../src/report/formats/table.js"
    );
    const report = await bundledReport();
    expect(matrixWidthAtLeast(report)).toBeGreaterThan(80);
    await prepareTable(report, 80);
    const text = formatTable(report, { ...CTX, width: 80, colors: makeColors(false) });
    expect(text).toContain("Source by source (pairs that disagree on a shared fact");
    // A matrix that may fit needs cli-table3: here, the module that refuses to load.
    const small = await reportOf("development-a");
    expect(matrixWidthAtLeast(small)).toBeLessThanOrEqual(200);
    await expect(prepareTable(small, 200)).rejects.toThrow(/mock/);
  });
});
