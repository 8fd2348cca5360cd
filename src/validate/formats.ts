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

/**
 * Whether a date written as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD names a day that exists: the
 * patterns above accept day 31 of any month, and 30 February. (--02-29 is allowed: some year has it.)
 */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return true;
  const year = m[1] === "-" ? 2000 : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
