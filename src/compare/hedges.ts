/**
 * The interval a hedged count denotes. "close to 170" is not 170: it is a range of values an
 * article may honestly mean, and two articles agree when their ranges can hold the same number.
 *
 * Default table (v is the stated amount):
 *
 * | hedge                          | interval       | why                                                  |
 * | ------------------------------ | -------------- | ---------------------------------------------------- |
 * | about, around, approximately   | [0.9v, 1.1v]   | a rounded figure, either side of the truth           |
 * | close to, nearly, almost       | [0.9v, v]      | a bit under v: "nearly 400" is at most 400           |
 * | more than, over                | (v, ∞)         | strictly above v, no upper limit                     |
 * | at least                       | [v, ∞)         | v or above                                           |
 * | up to, at most                 | [0, v]         | v or below, never negative (counts)                  |
 * | fewer than, less than          | [0, v)         | strictly below v                                     |
 * | (no hedge)                     | [v, v]         | the exact number                                     |
 *
 * A vocabulary may override any row (`hedges:` in vocabulary.yaml); rows it leaves out keep
 * these defaults.
 */
import type { Hedge, HedgeBoundsData } from "../validate/schema.js";

export type HedgeBounds = HedgeBoundsData;

/** A hedge table; partial so that a vocabulary's overrides can be passed as they are. */
export type HedgeTable = Readonly<Partial<Record<Hedge, HedgeBounds>>>;

/** A numeric interval; an infinite end is always open. */
export interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

const ROUNDED: HedgeBounds = { below: 0.1, above: 0.1 };
const JUST_UNDER: HedgeBounds = { below: 0.1, above: 0 };
const ABOVE: HedgeBounds = { below: 0, above: 0, open_below: true, unbounded_above: true };
const AT_OR_ABOVE: HedgeBounds = { below: 0, above: 0, unbounded_above: true };
const AT_OR_BELOW: HedgeBounds = { below: 1, above: 0 };
const BELOW: HedgeBounds = { below: 1, above: 0, open_above: true };

export const DEFAULT_HEDGES: Readonly<Record<Hedge, HedgeBounds>> = {
  about: ROUNDED,
  around: ROUNDED,
  approximately: ROUNDED,
  "close to": JUST_UNDER,
  nearly: JUST_UNDER,
  almost: JUST_UNDER,
  "more than": ABOVE,
  over: ABOVE,
  "at least": AT_OR_ABOVE,
  "up to": AT_OR_BELOW,
  "at most": AT_OR_BELOW,
  "fewer than": BELOW,
  "less than": BELOW,
};

/**
 * The interval `hedge` puts around `amount`; no hedge gives the exact value. The fractions are
 * taken of |amount|, so a negative amount still gets low ≤ high.
 */
export function hedgeInterval(
  amount: number,
  hedge: Hedge | undefined,
  table: HedgeTable = DEFAULT_HEDGES,
): Interval {
  if (hedge === undefined) return { low: amount, high: amount, lowOpen: false, highOpen: false };
  const bounds = table[hedge] ?? DEFAULT_HEDGES[hedge];
  const size = Math.abs(amount);
  const low = bounds.unbounded_below ? -Infinity : dropFloatNoise(amount - size * bounds.below);
  const high = bounds.unbounded_above ? Infinity : dropFloatNoise(amount + size * bounds.above);
  return {
    low,
    high,
    lowOpen: low === -Infinity || bounds.open_below === true,
    highOpen: high === Infinity || bounds.open_above === true,
  };
}

/** 170 − 170·0.1 is 152.99999999999997 in binary floating point; reports should say 153. */
export function dropFloatNoise(x: number): number {
  // An integer of at most 12 digits (nearly every count) is its own 12-digit rounding.
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return x;
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/**
 * A number as every message and table writes it: thousands grouped from 1,000 on (by hand:
 * toLocaleString would load ICU, a noticeable part of start-up), float noise dropped, ∞ for an
 * open end.
 */
export function formatNumber(n: number): string {
  if (n === Infinity) return "∞";
  if (n === -Infinity) return "−∞";
  const plain = String(dropFloatNoise(n));
  if (Math.abs(n) < 1000 || /e/i.test(plain)) return plain;
  const [whole, fraction] = plain.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
