/** Problems the fuzz tests found, pinned down as plain examples once fixed. */
import { describe, expect, it } from "vitest";
import { compareValues, valueKey } from "../../src/compare/compare-values.js";
import { makeQuantity } from "../../src/compare/quantity.js";
import { EMPTY_NAME_CONTEXT } from "../../src/compare/types.js";
import { normalizeForMatch, normalizeQuote } from "../../src/ground/normalize.js";
import { LineIndex } from "../../src/load/line-index.js";
import { carefulParse } from "../../src/load/yaml-file.js";

describe("normalizeForMatch", () => {
  it("folds characters that NFC turns into quote marks, so a second pass changes nothing", () => {
    // U+1FFD GREEK OXIA is U+00B4 ACUTE ACCENT under NFC, and U+1FEF GREEK VARIA is the back-tick.
    expect(normalizeQuote("\u1ffd")).toBe("'");
    expect(normalizeQuote("\u1fef")).toBe("'");
    expect(normalizeQuote(normalizeQuote("it\u1ffds"))).toBe(normalizeQuote("it\u1ffds"));
  });

  it("keeps its origin table whole when NFC makes one character three (U+FB2C)", () => {
    const original = `${"\ufb2c".repeat(10)} target`;
    const { text, origin } = normalizeForMatch(original);
    expect(text).toHaveLength(30 + " target".length);
    expect(origin).toHaveLength(text.length + 1);
    expect(origin[text.length]).toBe(original.length);
    // "target" maps back to where it is in the original.
    expect(origin[text.indexOf("target")]).toBe(original.indexOf("target"));
  });
});

describe("quantities with one interval and different hedges", () => {
  it("get different comparison keys, as the comparator tells them apart", () => {
    const more = makeQuantity(30, "more than", undefined);
    const over = makeQuantity(30, "over", undefined);
    expect(compareValues(more, over, EMPTY_NAME_CONTEXT).relation).toBe("compatible");
    expect(valueKey(more, EMPTY_NAME_CONTEXT)).not.toBe(valueKey(over, EMPTY_NAME_CONTEXT));
  });

  it("about 0 and 0: one interval, still told apart", () => {
    const about = makeQuantity(0, "about", undefined);
    const exact = makeQuantity(0, undefined, undefined);
    expect(compareValues(about, exact, EMPTY_NAME_CONTEXT).relation).toBe("compatible");
    expect(valueKey(about, EMPTY_NAME_CONTEXT)).not.toBe(valueKey(exact, EMPTY_NAME_CONTEXT));
  });
});

describe("an empty interval ('fewer than 0' is [0, 0))", () => {
  it("conflicts with the same gap either way round", () => {
    const empty = makeQuantity(0, "fewer than", undefined);
    const over = makeQuantity(-5e-324, "over", undefined);
    const ab = compareValues(empty, over, EMPTY_NAME_CONTEXT);
    const ba = compareValues(over, empty, EMPTY_NAME_CONTEXT);
    expect([ab.relation, ab.kind, ab.gap]).toEqual(["conflict", "disjoint", 0]);
    expect([ba.relation, ba.kind, ba.gap]).toEqual(["conflict", "disjoint", 0]);
  });
});

describe("positions in a file with CRLF line endings", () => {
  it("an offset between CR and LF is the end of its line, not a column past it", () => {
    const lines = new LineIndex("- '\r\n'x");
    expect(lines.position(3)).toEqual({ line: 1, column: 4 }); // the CR
    expect(lines.position(4)).toEqual({ line: 1, column: 4 }); // the LF
    expect(lines.position(5)).toEqual({ line: 2, column: 1 });
  });

  it("a YAML error that ends there stays inside the file", () => {
    const { findings } = carefulParse("a.yaml", "- '\r\n'\u0000");
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.location.line).toBeLessThanOrEqual(2);
      if (f.location.endLine === 1) expect(f.location.endColumn).toBeLessThanOrEqual(4);
    }
  });
});
