import { createRequire } from "node:module";
import fc from "fast-check";
import unhomoglyph from "unhomoglyph";
import { describe, expect, it } from "vitest";
import { ASCII_PROTOTYPES, confusableSkeleton } from "../../src/compare/name.js";

const table = createRequire(import.meta.url)("unhomoglyph/data.json") as Record<string, string>;
const theirSkeleton = (s: string): string =>
  unhomoglyph(s.normalize("NFD").replace(/\p{Default_Ignorable_Code_Point}/gu, "")).normalize(
    "NFD",
  );

describe("the confusables skeleton", () => {
  it.each([
    "llham Aliyev",
    "Ilham Aliyev",
    "\u0410liyev",
    "Ѕergey Lеbedev",
    "0rganization",
    "rn vs m",
    "Bayramov é",
    "a\u200bb",
  ])("equals unhomoglyph's own function over NFD: %s", (s) => {
    expect(confusableSkeleton(s)).toBe(theirSkeleton(s));
  });

  it("keeps the ASCII shortcut equal to the table's ASCII entries", () => {
    const printable = Object.fromEntries(
      Object.entries(table).filter(([from]) => /^[\t\n\r\x20-\x7e]$/.test(from)),
    );
    expect(ASCII_PROTOTYPES).toEqual(printable);
  });

  it("gives the same skeleton for ASCII text with or without the full table", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (s) => {
        expect(confusableSkeleton(s)).toBe(theirSkeleton(s));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
