import { describe, expect, it } from "vitest";
import { formatJson, formatJsonPieces } from "../../src/report/formats/json.js";
import type { FormatContext } from "../../src/report/formats/types.js";
import type { ReportResult } from "../../src/report/report-result.js";

const ctx = {} as FormatContext;

describe("the json format", () => {
  it("writes exactly what JSON.stringify writes, in pieces, for long arrays and absent fields", () => {
    const report = {
      format: "claimcheck-report",
      version: 1,
      sources: [],
      groups: Array.from({ length: 1000 }, (_, i) => ({
        key: `g${i}`,
        text: 'a\u2028b \ud83d\ude00 "q"',
        n: i,
      })),
      findings: Array.from({ length: 257 }, (_, i) => ({ i })),
      matrix: undefined,
      partial: false,
    } as unknown as ReportResult;
    const pieces = [...formatJsonPieces(report, ctx)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join("")).toBe(`${JSON.stringify(report)}\n`);
    expect(formatJson(report, ctx)).toBe(`${JSON.stringify(report)}\n`);
  });
});
