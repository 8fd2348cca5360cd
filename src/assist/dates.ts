/**
 * Dates in an article, read by chrono-node against the article's publication date: full dates,
 * a month and day whose year chrono implies ("February 7" → the year that puts it closest to
 * the publication date, marked as implied), a month and year, relative dates ("today", "a week
 * ago", "this year", marked relative) and bare years after a preposition ("by 2026").
 */
import * as chrono from "chrono-node";
import type { AssistText } from "./text.js";

export type DatePrecision = "day" | "month" | "year";

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  /** 2024-02-07, 2024-02 or 2024; --02-07 when the year is implied and there is no publication date. */
  value: string;
  precision: DatePrecision;
  /** The text gives no year; chrono chose the one closest to the publication date. */
  impliedYear: boolean;
  /** "today", "a week ago", "this year": counted from the publication date. */
  relative: boolean;
}

const MONTH_NAMES =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;
/** Relative phrases too vague to be a date one can check. */
const VAGUE = /\b(few|several|some|many|recent|recently|couple)\b/i;
/** Words before a bare year that make it a year ("by 2026", "in 2018"), not a count. */
const YEAR_PREPOSITIONS = new Set(
  "in by since until till from before after of during through throughout around early late mid end the year until".split(
    " ",
  ),
);

export function findDates(text: AssistText, published: string | undefined): FoundDate[] {
  const found: FoundDate[] = [];
  const instant = published === undefined ? undefined : new Date(`${published}T12:00:00Z`);
  // Without a publication date, chrono's reference would be today: years it implies are then
  // left out (--MM-DD) so that the output never depends on the day it runs.
  const results = chrono.parse(text.text, {
    instant: instant ?? new Date("2000-01-01T12:00:00Z"),
    timezone: 0,
  });
  for (const r of results) {
    const c = r.start;
    const raw = r.text;
    const relative = !/\d/.test(raw) && !MONTH_NAMES.test(raw);
    if (VAGUE.test(raw)) continue;
    const day = c.isCertain("day");
    const month = c.isCertain("month");
    const year = c.isCertain("year");
    if (!day && !month && !year) continue;
    // A lone lower-case month word ("may", "march") is a verb far more often than a date.
    if (!day && !year && /^[a-z]+$/.test(raw)) continue;
    const precision: DatePrecision = day ? "day" : month ? "month" : "year";
    const impliedYear = precision !== "year" && !year && !relative;
    const y = String(c.get("year") ?? 0).padStart(4, "0");
    const m = String(c.get("month") ?? 1).padStart(2, "0");
    const d = String(c.get("day") ?? 1).padStart(2, "0");
    let value = precision === "day" ? `${y}-${m}-${d}` : precision === "month" ? `${y}-${m}` : y;
    if (impliedYear && instant === undefined) {
      if (precision !== "day") continue;
      value = `--${m}-${d}`;
    }
    if (relative && instant === undefined) continue;
    found.push({
      start: r.index,
      end: r.index + raw.length,
      text: raw,
      value,
      precision,
      impliedYear,
      relative,
    });
  }
  const merged = mergeRelativeYears(text.text, found);
  merged.push(...findBareYears(text, merged));
  return merged.sort((a, b) => a.start - b.start);
}

/**
 * "February 7 this year": chrono reads two dates, but the second gives the first its year
 * (from the publication date, so still `year: publication`, but stated rather than implied).
 */
function mergeRelativeYears(t: string, dates: readonly FoundDate[]): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    const next = dates[i + 1];
    if (
      next &&
      d.impliedYear &&
      next.relative &&
      next.precision === "year" &&
      /^,? $/.test(t.slice(d.end, next.start))
    ) {
      out.push({
        ...d,
        end: next.end,
        text: t.slice(d.start, next.end),
        value: `${next.value}${d.value.slice(4)}`,
        impliedYear: false,
        relative: true,
      });
      i++;
      continue;
    }
    out.push(d);
  }
  return out;
}

/** "by 2026", "in 2018", "the 2024 election": a four-digit year chrono leaves alone. */
function findBareYears(text: AssistText, dates: readonly FoundDate[]): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.text.matchAll(
    /(?<![\p{L}\p{N}.,:-])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,:-]\d)/gu,
  )) {
    const start = m.index;
    const end = start + m[0].length;
    if (dates.some((d) => start < d.end && d.start < end)) continue;
    const i = text.wordIndexAt(start);
    const previous = text.words[i - 1];
    const next = text.words[i + 1];
    const adjacent = previous !== undefined && text.text.slice(previous.end, start) === " ";
    if (!adjacent || !YEAR_PREPOSITIONS.has(previous.lower)) continue;
    // "in 2000 polling stations" is a count.
    if (next && text.text.slice(end, next.start) === " " && /^[a-z]+s$/.test(next.text)) continue;
    out.push({
      start,
      end,
      text: m[0],
      value: m[0],
      precision: "year",
      impliedYear: false,
      relative: false,
    });
  }
  return out;
}
