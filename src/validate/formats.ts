/** Value formats shared by the schema and the checks that run without it (no zod here). */

/** Hedges an annotator may attach to a count; the bounds each implies are in compare/hedges.ts. */
export const HEDGES = [
  "about",
  "around",
  "approximately",
  "close to",
  "nearly",
  "almost",
  "more than",
  "over",
  "at least",
  "up to",
  "at most",
  "fewer than",
  "less than",
] as const;
export type Hedge = (typeof HEDGES)[number];

export const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date at day, month or year precision, or a month and day whose year is resolved later. */
export const DATE_VALUE =
  /^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/;

export const CLAIM_ID = /^[a-z0-9][a-z0-9._-]*$/;
