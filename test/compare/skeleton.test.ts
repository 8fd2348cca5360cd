import unhomoglyph from "unhomoglyph";
import { describe, expect, it } from "vitest";
import { confusableSkeleton } from "../../src/compare/name.js";

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
    const theirs = unhomoglyph(
      s.normalize("NFD").replace(/\p{Default_Ignorable_Code_Point}/gu, ""),
    ).normalize("NFD");
    expect(confusableSkeleton(s)).toBe(theirs);
  });
});
