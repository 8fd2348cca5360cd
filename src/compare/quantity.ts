/**
 * Counts and quantities compared as intervals: "close to 170" is [153, 170], so it agrees with
 * an exact 170 and conflicts with "more than 170", which is (170, ∞).
 */
import type { Hedge } from "../validate/schema.js";
import {
  DEFAULT_HEDGES,
  dropFloatNoise,
  formatNumber,
  type HedgeTable,
  hedgeInterval,
  type Interval,
} from "./hedges.js";
import type { Comparison, QuantityValue } from "./types.js";

export function makeQuantity(
  amount: number,
  hedge: Hedge | undefined,
  unit: string | undefined,
  table: HedgeTable = DEFAULT_HEDGES,
): QuantityValue {
  return { type: "quantity", amount, ...hedgeInterval(amount, hedge, table), unit, hedge };
}

/** A plain count is the same unit whether the property says "count" or nothing. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  "": "count",
  count: "count",
  "%": "percent",
  "per cent": "percent",
  percent: "percent",
};

export function unitKey(unit: string | undefined): string {
  const key = (unit ?? "").trim().toLowerCase();
  return UNIT_ALIASES[key] ?? key;
}

/**
 * Different units never compare (a percentage is not a count). Otherwise: the same exact
 * number, or the same hedge on the same number → agree; intervals that share a value →
 * compatible; intervals apart → conflict, with the gap between them (0 when they only touch
 * at an open end, as "more than 30" and 30 do).
 */
export function compareQuantities(a: QuantityValue, b: QuantityValue): Comparison {
  if (unitKey(a.unit) !== unitKey(b.unit)) {
    return {
      relation: "conflict",
      kind: "unit-mismatch",
      detail: `${unitKey(a.unit)} and ${unitKey(b.unit)} are not compared`,
    };
  }
  if (sameInterval(a, b) && a.hedge === b.hedge) {
    return { relation: "agree", kind: "same-number", detail: `both ${describe(a)}` };
  }
  const shared = intersection(a, b);
  if (shared !== undefined) {
    return {
      relation: "compatible",
      kind: "overlapping",
      detail: `${describe(a)} and ${describe(b)} can both hold ${formatInterval(shared)}`,
    };
  }
  const gap = dropFloatNoise(Math.max(0, b.low - a.high, a.low - b.high)); // symmetric; 0 if one is empty
  const touching = gap === 0 ? ", touching only at an open end" : `, gap of ${formatNumber(gap)}`;
  return {
    relation: "conflict",
    kind: "disjoint",
    gap,
    detail: `${describe(a)} and ${describe(b)}${touching}`,
  };
}

function sameInterval(a: Interval, b: Interval): boolean {
  return (
    a.low === b.low && a.high === b.high && a.lowOpen === b.lowOpen && a.highOpen === b.highOpen
  );
}

/** The values both intervals hold, or undefined; an open end excludes its endpoint. */
export function intersection(a: Interval, b: Interval): Interval | undefined {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
  const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
  if (low < high || (low === high && !lowOpen && !highOpen))
    return { low, high, lowOpen, highOpen };
  return undefined;
}

/** "close to 170 [153, 170]", "7", "more than 30 (30, ∞)". */
function describe(q: QuantityValue): string {
  const stated = `${q.hedge === undefined ? "" : `${q.hedge} `}${formatNumber(q.amount)}`;
  return q.low === q.high ? stated : `${stated} ${formatInterval(q)}`;
}

/** [153, 170], (30, ∞), or the number itself for a single value. */
export function formatInterval(i: Interval): string {
  if (i.low === i.high) return formatNumber(i.low);
  return `${i.lowOpen ? "(" : "["}${formatNumber(i.low)}, ${formatNumber(i.high)}${i.highOpen ? ")" : "]"}`;
}

export { formatNumber };
