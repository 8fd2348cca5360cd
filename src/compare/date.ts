/**
 * Dates at day, month or year precision, each read as the range of days it may denote, so that
 * "February 2024" and "7 February 2024" are compatible rather than different.
 */
import type { Comparison, DateValue } from "./types.js";

export interface DateParseOptions {
  /** Publication date of the article (YYYY-MM-DD), to give a month and day their year. */
  published?: string | undefined;
  /** Where a stated year came from; a month and day without a year always get "publication". */
  yearSource?: DateValue["yearSource"] | undefined;
}

export interface DateError {
  error: string;
}

const MS_PER_DAY = 86_400_000;
const YEAR_MONTH_DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_DAY = /^--(\d{2})-(\d{2})$/;

/**
 * Days from 1970-01-01 (UTC) to the given day. Months and days past their end roll over
 * (month 13 is January of the next year), which the range arithmetic below relies on.
 */
export function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The day a day number stands for, as YYYY-MM-DD. */
export function formatDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  return `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function isDateError(x: DateValue | DateError): x is DateError {
  return "error" in x;
}

/**
 * Reads 2024-02-07, 2024-02, 2024, or --12-19. A month and day take the year (publication year
 * −1, same or +1) that puts them closest to the publication date, as chrono-node does for
 * "December 19" in an article of 5 February 2024 (→ 2023-12-19); a tie keeps the same year.
 */
export function parseDateValue(raw: string, opts: DateParseOptions = {}): DateValue | DateError {
  const text = raw.trim();
  const full = YEAR_MONTH_DAY.exec(text);
  if (full !== null) {
    const [, y, m, d] = full;
    return statedDate(
      Number(y),
      m === undefined ? undefined : Number(m),
      d === undefined ? undefined : Number(d),
      opts.yearSource ?? "stated",
    );
  }
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay !== null)
    return monthDayDate(Number(monthDay[1]), Number(monthDay[2]), opts.published, text);
  return {
    error: `expected a date like 2024-02-07, 2024-02, 2024 or --12-19, got ${JSON.stringify(raw)}`,
  };
}

function statedDate(
  year: number,
  month: number | undefined,
  day: number | undefined,
  yearSource: DateValue["yearSource"],
): DateValue | DateError {
  if (month === undefined) {
    return dateValue(
      String(year).padStart(4, "0"),
      "year",
      dayNumber(year, 1, 1),
      dayNumber(year + 1, 1, 1) - 1,
      yearSource,
    );
  }
  const yearMonth = `${String(year).padStart(4, "0")}-${pad(month)}`;
  if (month < 1 || month > 12) return { error: `${yearMonth} has no month ${month}` };
  if (day === undefined) {
    return dateValue(
      yearMonth,
      "month",
      dayNumber(year, month, 1),
      dayNumber(year, month + 1, 1) - 1,
      yearSource,
    );
  }
  const iso = `${yearMonth}-${pad(day)}`;
  if (!isCalendarDay(year, month, day)) return { error: `${iso} is not a day of the calendar` };
  const n = dayNumber(year, month, day);
  return dateValue(iso, "day", n, n, yearSource);
}

function monthDayDate(
  month: number,
  day: number,
  published: string | undefined,
  text: string,
): DateValue | DateError {
  if (published === undefined) {
    return { error: `${text} gives no year and there is no publication date to take it from` };
  }
  const pub = YEAR_MONTH_DAY.exec(published);
  const [, py, pm, pd] = pub ?? [];
  if (
    py === undefined ||
    pm === undefined ||
    pd === undefined ||
    !isCalendarDay(Number(py), Number(pm), Number(pd))
  ) {
    return { error: `publication date ${JSON.stringify(published)} is not a date like 2024-02-05` };
  }
  const publishedDay = dayNumber(Number(py), Number(pm), Number(pd));
  const year = closestYear(Number(py), month, day, publishedDay);
  if (year === undefined)
    return { error: `${text} is not a day of the calendar near ${published}` };
  const n = dayNumber(year, month, day);
  return dateValue(formatDay(n), "day", n, n, "publication");
}

/** Same year first so that it wins ties; a day that does not exist that year (--02-29) is skipped. */
function closestYear(
  pubYear: number,
  month: number,
  day: number,
  publishedDay: number,
): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const year of [pubYear, pubYear - 1, pubYear + 1]) {
    if (!isCalendarDay(year, month, day)) continue;
    const distance = Math.abs(dayNumber(year, month, day) - publishedDay);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

function dateValue(
  iso: string,
  precision: DateValue["precision"],
  firstDay: number,
  lastDay: number,
  yearSource: DateValue["yearSource"],
): DateValue {
  return { type: "date", iso, precision, firstDay, lastDay, yearSource };
}

/**
 * Same range → agree; one range inside the other (2024-02 and 2024-02-07) → compatible, since
 * the less precise date does not contradict the other; apart → conflict, with the days between.
 */
export function compareDates(a: DateValue, b: DateValue): Comparison {
  if (a.firstDay === b.firstDay && a.lastDay === b.lastDay) {
    return { relation: "agree", kind: "identical", detail: "same date" };
  }
  if (a.lastDay < b.firstDay || b.lastDay < a.firstDay) {
    const gap = a.lastDay < b.firstDay ? b.firstDay - a.lastDay : a.firstDay - b.lastDay;
    return {
      relation: "conflict",
      kind: "different-date",
      gap,
      detail: `${gap} ${gap === 1 ? "day" : "days"} apart`,
    };
  }
  // Calendar ranges either nest or are apart; a partial overlap cannot occur, and would still
  // leave room for both to be right.
  const [wide, narrow] = a.lastDay - a.firstDay >= b.lastDay - b.firstDay ? [a, b] : [b, a];
  return {
    relation: "compatible",
    kind: "less-precise",
    detail: `${narrow.iso} is within ${wide.iso}`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
