import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareQuantities,
  formatInterval,
  makeQuantity,
  unitKey,
} from "../../src/compare/quantity.js";
import type { DifferenceKind, QuantityValue, Relation } from "../../src/compare/types.js";
import { HEDGES, type Hedge } from "../../src/validate/schema.js";

/** "close to 170", "7", "7 percent": a hedge, an amount and an optional unit, as a test reads best. */
function q(spec: string): QuantityValue {
  const hedge = HEDGES.find((h) => spec.startsWith(`${h} `));
  const rest = (hedge === undefined ? spec : spec.slice(hedge.length + 1)).split(" ");
  return makeQuantity(Number(rest[0]), hedge, rest[1]);
}

describe("makeQuantity", () => {
  it.each<[number, Hedge | undefined, string | undefined, string]>([
    [170, "close to", undefined, "[153, 170]"],
    [400, "nearly", undefined, "[360, 400]"],
    [30, "more than", undefined, "(30, ∞)"],
    [30, "at least", undefined, "[30, ∞)"],
    [50, "fewer than", "percent", "[0, 50)"],
    [7, undefined, undefined, "7"],
  ])("%d %s %s → %s", (amount, hedge, unit, interval) => {
    const value = makeQuantity(amount, hedge, unit);
    expect(value).toMatchObject({ type: "quantity", amount, hedge, unit });
    expect(formatInterval(value)).toBe(interval);
  });
});

describe("unitKey", () => {
  it.each<[string | undefined, string]>([
    [undefined, "count"],
    ["", "count"],
    ["count", "count"],
    ["Count", "count"],
    ["%", "percent"],
    ["per cent", "percent"],
    ["percent", "percent"],
    ["km", "km"],
  ])("%j → %s", (unit, key) => {
    expect(unitKey(unit)).toBe(key);
  });
});

describe("compareQuantities", () => {
  it.each<[string, string, Relation, DifferenceKind, number | undefined]>([
    // a, b, relation, kind, gap
    ["7", "7", "agree", "same-number", undefined],
    ["7 count", "7", "agree", "same-number", undefined],
    ["7 %", "7 percent", "agree", "same-number", undefined],
    ["close to 170", "close to 170", "agree", "same-number", undefined],
    ["close to 170", "170", "compatible", "overlapping", undefined],
    ["close to 170", "160", "compatible", "overlapping", undefined],
    ["about 170", "close to 170", "compatible", "overlapping", undefined],
    ["at least 170", "close to 170", "compatible", "overlapping", undefined],
    ["more than 30", "35", "compatible", "overlapping", undefined],
    ["more than 30", "over 30", "compatible", "overlapping", undefined],
    ["up to 50", "50", "compatible", "overlapping", undefined],
    ["up to 50", "0", "compatible", "overlapping", undefined],
    ["nearly 400", "450", "conflict", "disjoint", 50],
    ["nearly 400", "about 500", "conflict", "disjoint", 50],
    ["more than 30", "30", "conflict", "disjoint", 0],
    ["more than 170", "close to 170", "conflict", "disjoint", 0],
    ["fewer than 50", "50", "conflict", "disjoint", 0],
    ["more than 30", "fewer than 20", "conflict", "disjoint", 10],
    ["about 100", "111", "conflict", "disjoint", 1],
    ["close to 170", "152", "conflict", "disjoint", 1],
    ["7", "8", "conflict", "disjoint", 1],
    ["7", "seven".length.toString(), "conflict", "disjoint", 2],
    ["7 percent", "7", "conflict", "unit-mismatch", undefined],
    ["7 percent", "7 km", "conflict", "unit-mismatch", undefined],
  ])("%s vs %s → %s %s", (rawA, rawB, relation, kind, gap) => {
    const a = q(rawA);
    const b = q(rawB);
    const forward = compareQuantities(a, b);
    expect([forward.relation, forward.kind, forward.gap]).toEqual([relation, kind, gap]);
    expect(forward.detail).toBeTruthy();
    const backward = compareQuantities(b, a);
    expect([backward.relation, backward.kind, backward.gap]).toEqual([relation, kind, gap]);
  });

  it.each<[string, string, string]>([
    ["nearly 400", "450", "nearly 400 [360, 400] and 450, gap of 50"],
    ["more than 30", "30", "more than 30 (30, ∞) and 30, touching only at an open end"],
    ["close to 170", "170", "close to 170 [153, 170] and 170 can both hold 170"],
    ["7", "7", "both 7"],
    ["7 percent", "7", "percent and count are not compared"],
  ])("explains %s vs %s", (a, b, detail) => {
    expect(compareQuantities(q(a), q(b)).detail).toBe(detail);
  });

  it("is symmetric for any two hedged amounts", () => {
    const quantity = fc
      .tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.constantFrom(...HEDGES), { nil: undefined }),
      )
      .map(([amount, hedge]) => makeQuantity(amount * 5, hedge, undefined));
    fc.assert(
      fc.property(quantity, quantity, (a, b) => {
        const ab = compareQuantities(a, b);
        const ba = compareQuantities(b, a);
        return ab.relation === ba.relation && ab.kind === ba.kind && ab.gap === ba.gap;
      }),
    );
  });
});
