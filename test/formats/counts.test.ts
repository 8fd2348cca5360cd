/**
 * Counts in the summaries are written as English writes them ("1,234 claims"), without ICU's
 * number formatting, whose first use costs a short run more than a tenth of its time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { count } from "../../src/report/formats/common.js";

describe("counts in summaries", () => {
  it("group thousands with commas and make the word plural unless there is one", () => {
    expect(count(0, "file")).toBe("0 files");
    expect(count(1, "file")).toBe("1 file");
    expect(count(999, "claim")).toBe("999 claims");
    expect(count(1000, "claim")).toBe("1,000 claims");
    expect(count(1234567, "claim")).toBe("1,234,567 claims");
  });

  it("write every count as toLocaleString('en') does", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(count(n, "claim").split(" ")[0]).toBe(n.toLocaleString("en"));
      }),
    );
  });
});
