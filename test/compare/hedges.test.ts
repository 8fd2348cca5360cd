import { describe, expect, it } from "vitest";
import {
  DEFAULT_HEDGES,
  dropFloatNoise,
  type HedgeTable,
  hedgeInterval,
} from "../../src/compare/hedges.js";
import { HEDGES, type Hedge, hedgeBoundsSchema } from "../../src/validate/schema.js";

const inf = Infinity;

describe("hedgeInterval with the default table", () => {
  it.each<[Hedge | undefined, number, number, number, boolean, boolean]>([
    // hedge, amount, low, high, lowOpen, highOpen
    [undefined, 7, 7, 7, false, false],
    ["about", 100, 90, 110, false, false],
    ["around", 170, 153, 187, false, false],
    ["approximately", 50, 45, 55, false, false],
    ["close to", 170, 153, 170, false, false],
    ["nearly", 400, 360, 400, false, false],
    ["almost", 10, 9, 10, false, false],
    ["more than", 30, 30, inf, true, true],
    ["over", 30, 30, inf, true, true],
    ["at least", 30, 30, inf, false, true],
    ["up to", 50, 0, 50, false, false],
    ["at most", 50, 0, 50, false, false],
    ["fewer than", 50, 0, 50, false, true],
    ["less than", 50, 0, 50, false, true],
    ["about", -100, -110, -90, false, false],
    ["about", 0.3, 0.27, 0.33, false, false],
  ])("%s %d → low %d, high %d, open %s/%s", (hedge, amount, low, high, lowOpen, highOpen) => {
    expect(hedgeInterval(amount, hedge)).toEqual({ low, high, lowOpen, highOpen });
  });
});

describe("hedgeInterval with overrides", () => {
  const table: HedgeTable = {
    about: { below: 0.05, above: 0.05 },
    nearly: { below: 0.2, above: 0, open_above: true },
    "fewer than": { below: 0, above: 0, open_above: true, unbounded_below: true },
  };
  it.each<[Hedge, number, number, number, boolean, boolean]>([
    ["about", 100, 95, 105, false, false],
    ["nearly", 400, 320, 400, false, true],
    ["fewer than", 50, -inf, 50, true, true],
    // hedges the table leaves out keep their defaults
    ["around", 100, 90, 110, false, false],
    ["more than", 30, 30, inf, true, true],
  ])("%s %d → low %d, high %d", (hedge, amount, low, high, lowOpen, highOpen) => {
    expect(hedgeInterval(amount, hedge, table)).toEqual({ low, high, lowOpen, highOpen });
  });
});

describe("DEFAULT_HEDGES", () => {
  it.each(HEDGES.map((h) => [h]))("has a valid row for %s", (hedge) => {
    expect(hedgeBoundsSchema.parse(DEFAULT_HEDGES[hedge])).toEqual(DEFAULT_HEDGES[hedge]);
  });
});

describe("dropFloatNoise", () => {
  it("rounds to 12 significant digits, which leaves a count of up to 12 digits as it is", () => {
    expect(dropFloatNoise(170 - 170 * 0.1)).toBe(153);
    expect(dropFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(dropFloatNoise(999_999_999_999)).toBe(999_999_999_999);
    expect(dropFloatNoise(-42)).toBe(-42);
    expect(dropFloatNoise(1_234_567_890_123)).toBe(1_234_567_890_120);
    expect(dropFloatNoise(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
