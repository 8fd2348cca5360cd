/**
 * Dates in an article, read by chrono-node against the article's publication date: full dates,
 * a month and day whose year chrono implies ("February 7" → the year that puts it closest to
 * the publication date, marked as implied), a month and year, relative dates ("today", "a week
 * ago", "this year", marked relative), periods ("5-12 April 2018", "from Feb. 3 to 10, 2020")
 * and bare years after a preposition ("by 2026"). Not dates: "now", and a page's time stamp
 * ("8 Feb. 14:05 (UTC+3 MSK)" on a line of its own), which dates the page, not what it says.
 */
import * as chrono from "chrono-node";
import { YEAR_NAMES } from "./numbers.js";
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
  /** "on Sunday": a weekday, the nearest one the sentence's tense allows (also `relative`). */
  weekday?: boolean;
  /** A period's last day, month or year ("5-12 April 2018" ends 2018-04-12), in `value`'s form. */
  until?: string;
  /** The word before the date that makes it a bound: "since 2004", "from May", "until 2026". */
  bound?: "since" | "from" | "until" | "by";
  /** "Trend reports on Feb. 9": the date of the report itself. */
  ofReport?: boolean;
}

/** Words before a date that make it the start or end of something rather than its date. */
const BOUNDS: Record<string, FoundDate["bound"]> = {
  since: "since",
  from: "from",
  until: "until",
  till: "until",
  by: "by",
};

/** "now", "currently", "at present": the moment of writing, not a date anything happened on. */
const NOW = /^(?:right )?now$|^currently$|^at present$/i;
/**
 * "a tweet early in the day", "the busiest hour of the day": the day of what the text tells, not
 * of writing (chrono reads "in the day" as in one day, tomorrow).
 */
const THE_DAY = /^(?:in )?(?:the )?day$/i;

const DURATION = /^(?:for|within|during)\s|\b(?:hours?|minutes?|seconds?)\b/i;

/**
 * What an offset is counted from, when not from the day of writing: "before the election",
 * "60 days after former President Park was ousted". Only a bare "two days after" counts from
 * the day of writing.
 */
const OFFSET_FROM_EVENT = /^\s+[\p{L}\p{N}]/u;

const MONTH_NAMES =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;
/** "7 June", "from 7th of June": a day written before the month's name. */
const DAY_BEFORE_MONTH = new RegExp(
  `^(?:\\p{L}+ )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_NAMES.source}`,
  "iu",
);

/** Relative phrases too vague to be a date one can check. */
const VAGUE =
  /\b(few|several|some|many|recent|recently|couple|around|about|approximately|roughly|nearly|almost)\b|\b(?:last|next|this|past|coming) (?:week|month|weekend)\b/i;
/** Words for a part of a year, between a bound and the year ("since early 2012"). */
const PART_OF_YEAR = new Set(["early", "late", "mid"]);

/** Words before a bare year that make it a year ("by 2026", "in 2018"), not a count. */
const YEAR_PREPOSITIONS = new Set(
  "in by since until till from before after of during through throughout around early late mid end the year until".split(
    " ",
  ),
);

export function findDates(
  text: AssistText,
  published: string | undefined,
  /** The article's time-stamp lines (timeStampLines), when the caller has them. */
  stamps: readonly { start: number; end: number }[] = timeStampLines(text),
): FoundDate[] {
  const found: FoundDate[] = [];
  const instant = published === undefined ? undefined : new Date(`${published}T12:00:00Z`);
  // Without a publication date, chrono's reference would be today: years it implies are then
  // left out (--MM-DD) so that the output never depends on the day it runs.
  const options = { instant: instant ?? new Date("2000-01-01T12:00:00Z"), timezone: 0 };
  for (const [from, to] of chunks(text)) {
    const slice = text.text.slice(from, to);
    // "November the 8th": chrono reads the month alone; the same text without "the", each
    // character in its place, it reads as the day. The result keeps the article's own words.
    const readable = apartAtLineEnds(text, from, slice)
      .replace(MONTH_THE_DAY, (_, month: string, day: string) => `${month}     ${day}`)
      // "10.mar.2024": chrono reads the month and year alone; with spaces for the dots, the day.
      .replace(
        DOTTED_DATE,
        (_, day: string, month: string, year: string) => `${day} ${month} ${year}`,
      );
    for (const read of chrono.parse(readable, options)) {
      const r: chrono.ParsedResult =
        readable === slice
          ? read
          : Object.create(read, {
              text: { value: slice.slice(read.index, read.index + read.text.length) },
            });
      const d = fromChrono(r, from, instant, text, stamps);
      if (d) found.push(d);
    }
  }
  const merged = mergeRelativeYears(text.text, found);
  merged.push(...findBareYears(text, merged));
  return merged.sort((a, b) => a.start - b.start);
}

/**
 * The slice with each line end of the original (not a paragraph's wrapping: see isBreak) made a
 * character chrono reads no date across, each character in its place. Normalisation makes a
 * line end a space, and chrono then read "elections in 24 years" and the next paragraph's "12
 * presidential candidates" as one date, in 2034.
 */
function apartAtLineEnds(text: AssistText, from: number, slice: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < slice.length; i++) {
    if (slice.charCodeAt(i) !== 32 || !text.isBreak(from + i)) continue;
    out += `${slice.slice(last, i)}|`;
    last = i + 1;
  }
  return last === 0 ? slice : out + slice.slice(last);
}

/** "10.mar.2024", "5.Sept.2019": a day, a month's name and a year joined by dots. */
const DOTTED_DATE =
  /\b(\d{1,2})\.((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.(\d{4})\b/gi;

/** "November the 8th", "Nov. the 8th": a month, "the", a day. */
const MONTH_THE_DAY =
  /\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?) the (\d{1,2}(?:st|nd|rd|th)\b)/gi;

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

/**
 * A chrono result as a date claimcheck can check, or undefined; chrono read the text from
 * `from` on, and the date's offsets are given in the whole text.
 */
function fromChrono(
  r: chrono.ParsedResult,
  from: number,
  instant: Date | undefined,
  text: AssistText,
  stamps: readonly { start: number; end: number }[],
): FoundDate | undefined {
  const c = r.start;
  const raw = r.text;
  const index = r.index + from;
  const relative = !/\d/.test(raw) && !MONTH_NAMES.test(raw);
  if (VAGUE.test(raw) || NOW.test(raw.trim()) || THE_DAY.test(raw.trim())) return undefined;
  // "for 2 hours at most", "within 24 hours": a length of time, not a date.
  if (DURATION.test(raw)) return undefined;
  // "the first open race in 20 years", "the lowest turnout in a decade": how long, not when.
  if (
    /^in\s+(?:\S+\s+)?(?:years?|decades?|months?|weeks?)$/i.test(raw.trim()) &&
    /\b(?:first|last|only|\p{L}{2,}est)\b/iu.test(text.sentenceBefore(index))
  )
    return undefined;
  // "After 13 days of heated campaigning": counted from what the text tells, not from the day of
  // writing (chrono reads it as 13 days after the publication).
  if (/^after\s+\S+\s+(?:days?|weeks?|months?|years?)$/i.test(raw.trim())) return undefined;
  // "47 days before the election", "a week after the vote": counted from an event, not from the
  // day of writing; how long, not when.
  if (
    /\b(?:days?|weeks?|months?|years?)\s+(?:before|after)$/i.test(raw.trim()) &&
    OFFSET_FROM_EVENT.test(text.text.slice(index + raw.length, index + raw.length + 12))
  )
    return undefined;
  if (stamps.some((s) => index >= s.start && index < s.end)) return undefined;
  // "from 7 June to 7 November": chrono takes the first day for implied, though it is written.
  const day =
    c.isCertain("day") ||
    (c.isCertain("month") && Number(DAY_BEFORE_MONTH.exec(raw)?.[1]) === c.get("day"));
  const month = c.isCertain("month");
  const year = c.isCertain("year");
  if (!day && !month && !year) {
    const weekday = c.get("weekday");
    if (c.isCertain("weekday") && weekday !== null && instant !== undefined)
      return fromWeekday(r, from, weekday, instant, text);
    return undefined;
  }
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
  const e = r.end;
  // The end has a precision of its own: "from October 2010 to 5 July 2013" ends on a day.
  const endPrecision: DatePrecision | undefined =
    e === null || e === undefined
      ? undefined
      : e.isCertain("day")
        ? "day"
        : e.isCertain("month")
          ? "month"
          : precision;
  let until =
    sameMonthEnd(text.text, index, raw, value, precision) ??
    (e && !relative && !value.startsWith("--")
      ? endPrecision === "day"
        ? `${String(e.get("year") ?? 0).padStart(4, "0")}-${String(e.get("month") ?? 1).padStart(2, "0")}-${String(e.get("day") ?? 1).padStart(2, "0")}`
        : endPrecision === "month"
          ? `${String(e.get("year") ?? 0).padStart(4, "0")}-${String(e.get("month") ?? 1).padStart(2, "0")}`
          : String(e.get("year") ?? 0).padStart(4, "0")
      : undefined);
  const dayBefore =
    until === undefined ? dayBeforeAnd(text.text, index, raw, value, precision) : undefined;
  const periodFrom = dayBefore?.from;
  if (dayBefore !== undefined) {
    until = value;
    value = dayBefore.value;
  }
  // "a March-May lockdown", read in September: chrono gives each end the year closest to the
  // publication (March next year, then May of it), but the period as a whole is nearer last year.
  if (impliedYear && until !== undefined && instant !== undefined && !e?.isCertain("year"))
    [value, until] = closestPeriod(value, until, instant);
  const lead = periodFrom === undefined ? leadingWord(raw) : "";
  const start = periodFrom ?? index + lead.length;
  const bound = boundBefore(text.text, start, lead);
  // "the 17 seats they won in the December polls", "since the April general elections": a month
  // without its year, in a sentence that says it has passed (or is to come), is the last such
  // month (or the next), not merely the nearest.
  if (precision === "month" && impliedYear && until === undefined && instant !== undefined)
    value = monthByTense(
      value,
      instant,
      bound,
      text.text.slice(Math.max(text.sentence(index).start, index - 80), index),
    );
  const ofReport = isOfReport(text.text, index, raw, lead, start);
  return {
    start,
    end: index + raw.length,
    text: text.text.slice(start, index + raw.length),
    value,
    precision,
    impliedYear,
    relative,
    ...(until === undefined || until === value ? {} : { until }),
    ...(bound === undefined ? {} : { bound }),
    ...(ofReport ? { ofReport } : {}),
  };
}

/**
 * A period whose year the text does not give, moved a year back or on (both ends alike) when
 * that puts its middle nearer the publication date.
 */
function closestPeriod(value: string, until: string, instant: Date): [string, string] {
  const shift = (date: string, years: number) =>
    `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
  const firstDay = (date: string) =>
    Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7) || 1) - 1,
      Number(date.slice(8, 10) || 1),
    );
  const lastDay = (date: string) =>
    date.length === 10
      ? firstDay(date)
      : // The day before the first day of the next month (or year).
        Date.UTC(
          Number(date.slice(0, 4)) + (date.length === 4 ? 1 : 0),
          date.length === 7 ? Number(date.slice(5, 7)) : 0,
          1,
        ) - 86_400_000;
  const distance = (years: number) =>
    Math.abs(
      (firstDay(shift(value, years)) + lastDay(shift(until, years))) / 2 - instant.getTime(),
    );
  const best = [0, -1, 1].reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return [shift(value, best), shift(until, best)];
}

/**
 * "between October 4 and 13", "held on April 12 and 13": a period whose end is a later day of
 * the same month (without "between", the next day), which chrono leaves out. Not "October 4 and
 * 13 candidates" (a count after it) nor "and 13%"; nor "on May 5 and 19", two days.
 */
function sameMonthEnd(
  t: string,
  index: number,
  raw: string,
  value: string,
  precision: DatePrecision,
): string | undefined {
  if (precision !== "day" || value.startsWith("--")) return undefined;
  const between = /\bbetween\s+(?:\p{L}+\s+)?$/iu.test(t.slice(Math.max(0, index - 20), index));
  // A word after the day makes it a count ("and 13 candidates"), unless it starts a phrase of
  // time or place ("between July 4 and 13 in early voting").
  const m =
    /^\s+and\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d|\s*(?:(?!(?:in|at|during|inclusive)\b)\p{L}|%|:\d))/u.exec(
      t.slice(index + raw.length, index + raw.length + 20),
    );
  const day = m ? Number(m[1]) : 0;
  const first = Number(value.slice(8, 10));
  // Without "between", only the next day: "on May 5 and 19" are two days, not a period.
  if (day <= first || day > 31 || (!between && day !== first + 1)) return undefined;
  return `${value.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/**
 * "on 3 and 4 April": chrono reads the second day alone; the day before it, written before it,
 * starts a period of two days (as "April 12 and 13" does; see sameMonthEnd). Its value and where
 * its text starts.
 */
function dayBeforeAnd(
  t: string,
  index: number,
  raw: string,
  value: string,
  precision: DatePrecision,
): { value: string; from: number } | undefined {
  if (precision !== "day" || !DAY_BEFORE_MONTH.test(raw)) return undefined;
  const m = /(?<![\d.,])(\d{1,2})(?:st|nd|rd|th)?\s+and\s+$/.exec(
    t.slice(Math.max(0, index - 12), index),
  );
  if (!m || Number(m[1]) !== Number(value.slice(-2)) - 1) return undefined;
  return { value: `${value.slice(0, -2)}${m[1]!.padStart(2, "0")}`, from: index - m[0].length };
}

/** "Trend reports on Feb. 9", "told reporters Nov. 2", "a declaration dated 31 May": the day something was said or dated, not of what it tells. */
function isOfReport(t: string, index: number, raw: string, lead: string, start: number): boolean {
  const told = t.slice(Math.max(0, start - 30), start);
  return (
    /\b(?:reports|reported|said|says|told|informs|informed|stated|announced)(?: \p{L}+)?(?: on)? $/iu.test(
      told,
    ) ||
    /\bdated $/i.test(told) ||
    // "By Staff Writer - February 12, 2018": a byline's date is the page's; so is it when the
    // page left the name out ("By , 15 Apr 2018, 12:32 PM").
    /(?:^|\s)By (?:\p{Lu}[^.]{0,40}? [-–—|]|,) ?$/u.test(t.slice(Math.max(0, start - 50), start)) ||
    // "On September 13, Pamfilova said …".
    ((/^on\s/i.test(lead) || /(?:^|[.\n]\s*)on $/i.test(t.slice(Math.max(0, index - 8), index))) &&
      /^,? (?:[\p{L}'’.-]+ ){1,5}(?:said|says|told|stated|announced|noted)\b/u.test(
        t.slice(index + raw.length, index + raw.length + 60),
      ))
  );
}

/**
 * A month whose year the text leaves out (YYYY-MM, chrono's nearest), moved to the last such
 * month on or before the publication's when the words before it say it has passed ("since",
 * "won", "was held in"), or to the next on or after it when they say it is to come ("will", "is
 * expected"); the nearest when they say neither, or both.
 */
function monthByTense(
  value: string,
  instant: Date,
  bound: FoundDate["bound"],
  before: string,
): string {
  const month = Number(value.slice(5, 7));
  const publishedYear = instant.getUTCFullYear();
  const publishedMonth = instant.getUTCMonth() + 1;
  // "since the April general elections": what is counted from has passed.
  const since = bound === "since" || /\bsince (?:the |its |their |last )?$/i.test(before);
  const tense = since ? "past" : tenseBefore(before, PAST_OF_MONTH);
  if (tense === undefined) return value;
  const year =
    tense === "past"
      ? publishedYear - (month > publishedMonth ? 1 : 0)
      : publishedYear + (month < publishedMonth ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${value.slice(5, 7)}`;
}

/** chrono keeps a leading "On" or "from" in a date's text; the value is the date itself. */
function leadingWord(raw: string): string {
  return /^(?:on|from|since|until|till|by|in)\s+/i.exec(raw)?.[0] ?? "";
}

/** Words before a weekday that say it is still to come ("will vote on Sunday"). */
const FUTURE =
  /\b(?:will|shall|would|to be held|to take place|expected|scheduled|set for|due|upcoming|ahead of|plans? to|planned)\b/i;
/** Words before a weekday that say it has passed ("voted on Sunday"). */
const PAST =
  /\b(?:was|were|went|had|voted|took place|held|ended|began|started|closed|opened|cast|concluded|last)\b/i;
/**
 * What the words before a date say of it: that it has passed, that it is still to come, or
 * neither (or both). A holding verb after "will be" or "to be" ("will be held") is to come.
 */
function tenseBefore(before: string, past: RegExp): "past" | "future" | undefined {
  const future = FUTURE.test(before);
  const passed = past.test(before.replace(/\b(?:will|shall|would|to)\s+be\s+\p{L}+/giu, " "));
  return future && !passed ? "future" : passed && !future ? "past" : undefined;
}

/** PAST, and a few more verbs of what has happened that a month follows ("won in December"). */
const PAST_OF_MONTH = new RegExp(
  `${PAST.source}|\\b(?:won|lost|elected|ousted|resigned|died)\\b`,
  "i",
);

/**
 * "Tunisians vote Sunday", "polls closed on Monday": the weekday on or before the publication
 * date, or on or after it when the sentence before it speaks of the future (chrono takes the
 * nearest either way). "Next Friday" and "this Friday" say too little.
 */
function fromWeekday(
  r: chrono.ParsedResult,
  from: number,
  weekday: number,
  instant: Date,
  text: AssistText,
): FoundDate | undefined {
  const raw = r.text;
  const index = r.index + from;
  if (/\b(?:next|this|coming|every|each)\b/i.test(raw)) return undefined;
  const sentence = text.sentence(index);
  const before = text.text.slice(Math.max(sentence.start, index - 80), index);
  const published = instant.getUTCDay();
  const back = (published - weekday + 7) % 7;
  const ahead = (weekday - published + 7) % 7;
  // News tells mostly of what has happened: a weekday is the last one unless the sentence
  // speaks of the future.
  const offset = tenseBefore(before, PAST) === "future" && !/\blast\b/i.test(raw) ? ahead : -back;
  const date = new Date(instant.getTime() + offset * 86_400_000);
  const lead = leadingWord(raw);
  const start = index + lead.length;
  const bound = boundBefore(text.text, start, lead);
  // "The OSCE on Monday said", "the missions on Tuesday praised the smooth running of …": the
  // day of a statement, in the way news dates one by its weekday.
  const ofReport =
    isOfReport(text.text, index, raw, lead, start) ||
    /^,? (?:said|says|told|stated|announced|reported|declared|noted|praised|hailed|welcomed|commended|criticised|criticized|condemned)\b/i.test(
      text.text.slice(index + raw.length, index + raw.length + 30),
    );
  return {
    start,
    end: index + raw.length,
    text: raw.slice(lead.length),
    value: date.toISOString().slice(0, 10),
    precision: "day",
    impliedYear: false,
    relative: true,
    weekday: true,
    ...(bound === undefined ? {} : { bound }),
    ...(ofReport ? { ofReport } : {}),
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
    const beforeNext = next !== undefined && text.text.slice(end, next.start) === " ";
    // "the 2014 elections", "its 2019 presidential poll": the year of the event it names.
    const namesEvent = beforeNext && YEAR_NAMES.has(next.lower);
    if (!namesEvent && (!adjacent || !YEAR_PREPOSITIONS.has(previous?.lower ?? ""))) continue;
    // "in 2000 polling stations" is a count.
    if (!namesEvent && beforeNext && /^[a-z]+s$/.test(next.text)) continue;
    // "since early 2012", "until late 2019": the bound comes before the part of the year.
    const bounding = previous && PART_OF_YEAR.has(previous.lower) ? text.words[i - 2] : previous;
    const bound = bounding === undefined ? undefined : BOUNDS[bounding.lower];
    out.push({
      start,
      end,
      text: m[0],
      value: m[0],
      precision: "year",
      impliedYear: false,
      relative: false,
      ...(bound === undefined ? {} : { bound }),
    });
  }
  return out;
}

/** The bound word right before a date, or in the text chrono gave it ("from Feb. 3"). */
function boundBefore(t: string, start: number, lead: string): FoundDate["bound"] {
  const word =
    lead.trim().toLowerCase() ||
    /([\p{L}]+)\s+$/u.exec(t.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
  return word === undefined ? undefined : BOUNDS[word];
}

/**
 * The lines of an article that are the page's rather than the article's: a time stamp (see
 * isTimeStamp), an exchange rate (isRateLine) or contact details (isContactLine). Nothing on
 * them is a statement.
 */
export function timeStampLines(text: AssistText): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const t = text.text;
  for (let at = 0; at < t.length; ) {
    const line = text.lineAround(at);
    if (
      /\d/.test(line.text) &&
      line.text.length <= 80 &&
      (isTimeStamp(line.text) || isRateLine(line.text) || isContactLine(line.text))
    )
      out.push({ start: line.start, end: line.end });
    else {
      // "date 2017-10-20 Japan elections: …": a page's date field before the headline on its
      // line (not always the publication date) is the page's; the headline after it is text.
      const field = PAGE_DATE_FIELD.exec(line.text);
      if (field) out.push({ start: line.start, end: line.start + field[0].length });
    }
    at = line.end + 1;
  }
  return out;
}

/** A page's date field at the start of a line: "date 2017-10-20", "Date: 2017-10-20". */
const PAGE_DATE_FIELD = /^\s*date:? \d{4}-\d{2}-\d{2}\b/i;

/** Currency codes a news site's rate box shows (ISO 4217), the region's and the world's. */
const CURRENCY_CODES =
  "USD|EUR|GBP|JPY|CNY|CHF|RUB|UZS|AZN|KZT|KGS|TJS|TMT|BYN|UAH|GEL|AMD|MDL|TRY|IRR|INR";
const CURRENCY = new RegExp(`[$€£¥₽₼₸₴]|\\b(?:${CURRENCY_CODES})\\b`, "u");
const CURRENCY_ALL = new RegExp(CURRENCY.source, "gu");

/**
 * A line of a page's exchange-rate box rather than of text: "Currency rates from 23/09/2024",
 * "$1 – 12729.83", "UZS – -0.11%": rates named as such, or a currency and figures with at most
 * one word beside them.
 */
export function isRateLine(line: string): boolean {
  if (/\b(?:currency|exchange) rates?\b/i.test(line) && line.length <= 60) return true;
  if (!CURRENCY.test(line)) return false;
  const words = line
    .replace(CURRENCY_ALL, " ")
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1);
  return words.length <= 1;
}

/** A line of contact details: a telephone number in international form ("+90 544 568 12 38"). */
export function isContactLine(line: string): boolean {
  return /\+\d{1,3}[ (.-]*\d{1,4}(?:[ ).-]*\d{2,4}){2,}/.test(line);
}

/** "4 years ago" at the end of a line. */
const TIME_SINCE_POSTED =
  /\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\s*$/i;

/**
 * A page's time stamp rather than a line of text: a date or time of day ("6 Feb. 10:30
 * (UTC+3 MSK)", "# 24 January 2024 18:12 (UTC +04:00)", "06.02.2024") with at most one other
 * word ("date", "Updated"), or a day with its time to the second, whatever words follow
 * ("2025-10-12 17:20:00, Kosova & Bota CNA"): articles do not write seconds, pages' systems do;
 * or a date with a page's label for it ("Update : 23.10.2023", "Published June 05, 2022"); or a
 * day and a time with their offset from UTC ("29 September 2008 19:22 (UTC +04:00)"); or the
 * time since the page was put up at the end of a line that is no sentence ("… / 4 years ago").
 */
export function isTimeStamp(line: string): boolean {
  const found = chrono.parse(line, new Date("2000-01-01T12:00:00Z"));
  if (found.some((r) => r.start.isCertain("day") && /\d:\d\d:\d\d\b/.test(r.text))) return true;
  // "Last Updated : Feb 18 2013 | 2:15 AM IST", "Beyza Binnur Donmez | 22.10.2023 - Update :
  // 23.10.2023", "(Last Updated On: April 20, 2018 2:22 pm)": a page's field of when it was put
  // up or changed, with its label.
  if (found.length > 0 && /\b(?:updated?|published|posted|modified)(?: on)?\s*:/i.test(line))
    return true;
  // "Muhammad Irfan Published June 05, 2022": the label without a colon (with one, the rule
  // above has it), capitalised as a field's is ("Last Updated" has "Updated"), right before the
  // date that ends the line (in a sentence the verb is lower case).
  if (
    found.some(
      (r) =>
        /(?:^|[\s|·•])(?:Published|Posted|Updated|Last updated|Modified)(?: [Oo]n)? *$/.test(
          line.slice(0, r.index),
        ) && /^[\s,.]*$/.test(line.slice(r.index + r.text.length)),
    )
  )
    return true;
  // "October 20, 2013 / 6:48 PM / 4 years ago", "This was published 5 years ago", "2 hours ago":
  // a page's count of the time since it was put up ends its line; a sentence's has a full stop.
  const sentence = /[.!?]\s*$/.test(line);
  if (TIME_SINCE_POSTED.test(line) && !sentence) return true;
  // "Other News Materials 29 September 2008 19:22 (UTC +04:00)": a day and a time with the
  // offset from UTC in brackets, on a line that is no sentence, is a page's system talking.
  if (
    !sentence &&
    /\((?:UTC|GMT) ?[+\-−]\d{1,2}(?::?\d\d)?\b[^()]*\)/.test(line) &&
    found.some((r) => r.start.isCertain("day") && r.start.isCertain("hour"))
  )
    return true;
  const dated = found.filter(
    (r) => r.start.isCertain("hour") || (r.start.isCertain("day") && r.start.isCertain("month")),
  );
  if (dated.length === 0) return false;
  let rest = line;
  for (const r of dated) rest = rest.replace(r.text, " ");
  const words = rest
    .replace(/\b(UTC|GMT|MSK|CET|CEST|EET|EEST|AZT|BST)\b/gi, " ")
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1);
  return words.length <= 1;
}
