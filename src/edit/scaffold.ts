/**
 * `claimcheck init`, pure: the first draft of a claims file for an article, with the header
 * filled in from what the text shows (a date line, a dateline, the first line as title) and a
 * commented example claim. Every guess is marked with where it came from, so the annotator can
 * check it; what cannot be guessed is a TODO.
 */
import * as chrono from "chrono-node";
import { stringify } from "yaml";
import { isTimeStamp } from "../assist/dates.js";
import { titleFromFileName } from "../validate/to-model.js";
import { formatYaml } from "./format-yaml.js";

export interface Guess {
  value: string;
  /** Where it came from, for the annotator: `line 3: "08 February 2024"`, `the file name`. */
  from: string;
}

export interface HeaderGuess {
  title?: Guess;
  /** Why no title was taken, when there is none. */
  titleProblem?: string;
  published?: Guess;
  dateline?: { place: string; date: string; evidence: string; from: string };
  /** The outlet as the file name spells it (`2024-02-06_azernews_...` → azernews). */
  outletHint?: string;
}

/** Lines looked at for a date line or dateline: a header sits at the top. */
const HEADER_LINES = 12;
const DATELINE_LINES = 6;
/** A first line longer than this is body text, not a headline. */
const MAX_TITLE_LENGTH = 150;

/** A "date 2024-02-06" line start, as some scraped articles have (after an optional bullet). */
const DATE_MARKER = /^[\s•·*\-–—]*date\s+(\d{4}-\d{2}-\d{2})(?!\d)/iu;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .flatMap((m) => [m[0]?.toUpperCase() + m.slice(1), m.toUpperCase()])
  .join("|");
/** `BAKU, Azerbaijan, February 5` or `NEW YORK, Feb. 5, 2024`: a place in capitals, then a date. */
const DATELINE = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{Lu}'’.-]+(?: \\p{Lu}[\\p{Lu}'’.-]*)*)((?:, \\p{Lu}[\\p{L}'’.-]*(?: \\p{L}[\\p{L}'’.-]*)*)*), (${MONTH_NAMES})\\.? (\\d{1,2})(?:, (\\d{4}))?(?![\\d:])`,
  "u",
);

export function guessHeader(text: string, fileName: string): HeaderGuess {
  const lines = text.split(/\r\n|\r|\n/).map((line, i) => ({ line: i + 1, text: line }));
  const nonEmpty = lines.filter((l) => l.text.trim() !== "");
  const guess: HeaderGuess = {};

  // Title: the first non-empty line, without a leading date marker or bullet, after any page
  // time stamp ("6 Feb. 10:30 (UTC+3 MSK)"), unless it reads like the body's first line.
  const first = nonEmpty
    .slice(0, HEADER_LINES)
    .find((l) => cleanTitle(l.text) !== "" && !isTimeStamp(cleanTitle(l.text)));
  if (first) {
    const title = cleanTitle(first.text);
    const next = lines[first.line]?.text ?? "";
    const problem = bodyTextProblem(title, next);
    if (problem) guess.titleProblem = `line ${first.line} ${problem}`;
    else guess.title = { value: title, from: `line ${first.line}` };
  } else if (nonEmpty.length > 0) {
    guess.titleProblem = "the first lines hold only dates and times";
  }

  // Publication date: a "date 2024-02-06" marker, then a short line holding a full date.
  const head = nonEmpty.slice(0, HEADER_LINES);
  for (const l of head) {
    const m = DATE_MARKER.exec(l.text);
    if (m?.[1] && ISO_DAY.test(m[1])) {
      const marker = m[0].replace(/^[\s•·*\-–—]+/u, "");
      guess.published = { value: m[1], from: `line ${l.line}: ${quoteForComment(marker)}` };
      break;
    }
  }
  if (!guess.published) {
    for (const l of head) {
      if (l.text.trim().length > 100) continue;
      const found = chrono.strict
        .parse(l.text)
        .find(
          (r) =>
            r.start.isCertain("year") && r.start.isCertain("month") && r.start.isCertain("day"),
        );
      if (!found) continue;
      const value = isoDate(
        found.start.get("year"),
        found.start.get("month"),
        found.start.get("day"),
      );
      if (value) {
        guess.published = { value, from: `line ${l.line}: ${quoteForComment(found.text)}` };
        break;
      }
    }
  }
  const fromName = /^(\d{4}-\d{2}-\d{2})(?=[_.\-\s]|$)/.exec(fileName)?.[1];
  if (!guess.published && fromName && ISO_DAY.test(fromName)) {
    guess.published = { value: fromName, from: "the file name; the article shows no date line" };
  }

  // Dateline: near the top, possibly after an agency tag such as "(MENAFN- Trend News Agency)".
  for (const l of nonEmpty.slice(0, DATELINE_LINES)) {
    const m = DATELINE.exec(l.text.slice(0, 200));
    if (!m) continue;
    const month = MONTHS[(m[3] ?? "").toLowerCase()];
    const day = Number(m[4]);
    const year = m[5] === undefined ? undefined : Number(m[5]);
    if (!month || day < 1 || day > 31) continue;
    const mmdd = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    guess.dateline = {
      place: titleCase(m[1] ?? ""),
      date: year === undefined ? `--${mmdd}` : `${year}-${mmdd}`,
      evidence: m[0],
      from: `line ${l.line}`,
    };
    break;
  }

  const outlet = /^\d{4}-\d{2}-\d{2}_([^_]+)_/.exec(fileName)?.[1];
  if (outlet) guess.outletHint = outlet;
  return guess;
}

export interface Scaffold {
  yaml: string;
  guess: HeaderGuess;
}

/** The claims file for the article at `sourcePath` (repo-relative) with text `text`. */
export function scaffoldClaimsFile(sourcePath: string, text: string): Scaffold {
  const fileName = sourcePath.replace(/^.*\//, "");
  const guess = guessHeader(text, fileName);
  const hint = guess.outletHint;
  const idPrefix =
    (hint ?? "claim")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "claim";
  const out: string[] = [
    "# yaml-language-server: $schema=../claims.schema.json",
    `source: ${scalar(sourcePath)}`,
    `outlet: "TODO: the outlet's name" # TODO: the outlet or publisher, as the report should name it${
      hint ? ` (the file name says ${quoteForComment(hint)})` : ""
    }`,
    "# short_name: Outlet # optional: a short name for table columns, up to 16 characters",
  ];
  out.push(
    guess.published
      ? `published: "${guess.published.value}" # from ${guess.published.from}`
      : 'published: "" # TODO: the publication date, YYYY-MM-DD (no date found in the article)',
  );
  if (guess.dateline) {
    out.push(
      "dateline:",
      `  place: ${scalar(guess.dateline.place)}`,
      `  date: "${guess.dateline.date}"`,
      `  evidence: ${scalar(guess.dateline.evidence)} # from ${guess.dateline.from}`,
    );
  } else {
    out.push(
      '# dateline: {place: Baku, date: "--02-05", evidence: "BAKU, Azerbaijan, February 5"} # where the article has one',
    );
  }
  out.push(
    guess.title
      ? `title: ${scalar(guess.title.value)} # from ${guess.title.from}`
      : `# title: none found (${guess.titleProblem ?? "the article has no text"}); without one, the report names the article ${quoteForComment(titleFromFileName(sourcePath))}, from its file name`,
    "# author: # the byline, where the article has one",
    "# url: https://example.org/where-it-was-published",
    "",
    "claims:",
    "  # One entry per statement the article makes. To add one, copy the example below without",
    '  # the leading "# " and fill it in. Check a quote with `claimcheck find "..."`, then run',
    "  # `claimcheck validate`.",
    "  #",
    `  # - id: ${idPrefix}-01 # unique across all claims files: lower-case letters, digits, ".", "_", "-"`,
    "  #   subject: some_entity # an entity id from claims/vocabulary.yaml",
    "  #   property: date # a property id from claims/vocabulary.yaml",
    '  #   value: "2024-02-06" # a date (2024-02-06, 2024-02, 2024, --02-06), a number, a name or text',
    "  #   evidence: the article's exact words # the quote that states it",
    "",
  );
  const draft = out.join("\n");
  const formatted = formatYaml(draft, "claims");
  return { yaml: formatted.ok ? formatted.text : draft, guess };
}

/** A YAML scalar for one line of text, quoted only where YAML needs it. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Text from the article inside a YAML comment: one line, no control characters, clipped. */
function quoteForComment(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 57)}...` : clean);
}

/** Why a candidate title line is the body's first line, or undefined when it may be a headline. */
function bodyTextProblem(title: string, nextLine: string): string | undefined {
  if (title.length > MAX_TITLE_LENGTH) return "reads like body text, not a headline";
  if (/^\(/.test(title)) return "starts with an agency tag, as body text does, not a headline";
  if (DATELINE.test(title.slice(0, 200))) return "holds a dateline: it is the body's first line";
  if (/[^.]\.$/.test(title) && title.split(/\s+/).length >= 6)
    return "ends with a full stop, as a sentence of the body does, not a headline";
  // A paragraph wrapped at a fixed width: the line stops mid-sentence and the next goes on.
  if (!/[.!?:"”’)]$/u.test(title) && /^\s*\p{Ll}/u.test(nextLine))
    return "stops mid-sentence and the next line goes on: body text, not a headline";
  return undefined;
}

function cleanTitle(line: string): string {
  return line
    .replace(DATE_MARKER, "")
    .replace(/^[\s•·*\-–—]+/u, "")
    .trim();
}

function titleCase(place: string): string {
  return place
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function isoDate(
  year: number | null,
  month: number | null,
  day: number | null,
): string | undefined {
  if (year === null || month === null || day === null) return undefined;
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return ISO_DAY.test(value) ? value : undefined;
}
