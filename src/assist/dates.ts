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
  const options = { instant: instant ?? new Date("2000-01-01T12:00:00Z"), timezone: 0 };
  for (const [from, to] of chunks(text)) {
    for (const r of chrono.parse(text.text.slice(from, to), options)) {
      const d = fromChrono(r, instant);
      if (d) found.push({ ...d, start: d.start + from, end: d.end + from });
    }
  }
  const merged = mergeRelativeYears(text.text, found);
  merged.push(...findBareYears(text, merged));
  return merged.sort((a, b) => a.start - b.start);
}

/** Characters given to chrono at a time, at least: see chunks(). */
const CHRONO_CHUNK = 4_000;

/**
 * The text in pieces of about CHRONO_CHUNK characters, cut at line breaks of the original (else,
 * in a paragraph four times as long, where a sentence ends, or at a space). One of chrono's refiners matches a
 * pattern against all the text before each date it finds, which made a long article quadratic.
 */
function* chunks(text: AssistText): Generator<[number, number]> {
  const n = text.text.length;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + CHRONO_CHUNK);
    const longest = Math.min(n, start + 4 * CHRONO_CHUNK);
    while (end < longest && !text.isBreak(end)) end++;
    if (end === longest && end < n) {
      // No line break: the end of a sentence, or failing that (one huge sentence) a space.
      const sentenceEnd = text.sentence(start + CHRONO_CHUNK).end + 1;
      const space = text.text.indexOf(" ", longest);
      end = sentenceEnd <= longest ? sentenceEnd : space < 0 ? n : space;
    }
    yield [start, end];
    start = end;
  }
}

/** A chrono result as a date claimcheck can check, or undefined (offsets in what chrono read). */
function fromChrono(r: chrono.ParsedResult, instant: Date | undefined): FoundDate | undefined {
  const c = r.start;
  const raw = r.text;
  const relative = !/\d/.test(raw) && !MONTH_NAMES.test(raw);
  if (VAGUE.test(raw)) return undefined;
  const day = c.isCertain("day");
  const month = c.isCertain("month");
  const year = c.isCertain("year");
  if (!day && !month && !year) return undefined;
  // A lone lower-case month word ("may", "march") is a verb far more often than a date.
  if (!day && !year && /^[a-z]+$/.test(raw)) return undefined;
  const precision: DatePrecision = day ? "day" : month ? "month" : "year";
  const impliedYear = precision !== "year" && !year && !relative;
  const y = String(c.get("year") ?? 0).padStart(4, "0");
  const m = String(c.get("month") ?? 1).padStart(2, "0");
  const d = String(c.get("day") ?? 1).padStart(2, "0");
  let value = precision === "day" ? `${y}-${m}-${d}` : precision === "month" ? `${y}-${m}` : y;
  if (impliedYear && instant === undefined) {
    if (precision !== "day") return undefined;
    value = `--${m}-${d}`;
  }
  if (relative && instant === undefined) return undefined;
  return {
    start: r.index,
    end: r.index + raw.length,
    text: raw,
    value,
    precision,
    impliedYear,
    relative,
  };
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
  // What the dates cover, looked up per year: comparing each with every date was quadratic.
  const inDate = new Uint8Array(text.text.length + 1);
  for (const d of dates) inDate.fill(1, d.start, d.end);
  for (const m of text.text.matchAll(
    /(?<![\p{L}\p{N}.,:-])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,:-]\d)/gu,
  )) {
    const start = m.index;
    const end = start + m[0].length;
    if (inDate.subarray(start, end).includes(1)) continue;
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
