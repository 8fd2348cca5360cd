/**
 * Titles ("Secretary General of the Shanghai Cooperation Organization", "Prosecutor General",
 * "CEC chairman") with the person they belong to, and phrases that give an event's status
 * ("to be held", "scheduled for" → scheduled; "were held", "took place" → held).
 */
import type { Mention } from "./names.js";
import type { AssistText } from "./text.js";

export interface FoundTitle {
  start: number;
  end: number;
  text: string;
  /** The person named right after the title (or right before it, followed by a comma). */
  person?: string;
  /** Where that person is named (normalised offsets). */
  personAt?: { start: number; end: number };
}

export interface FoundStatus {
  start: number;
  end: number;
  text: string;
  value: "scheduled" | "held";
}

/** Titles of two words or more stand alone; one-word titles need "of …" or an acronym before them. */
const MULTI_WORD_TITLES = [
  "Deputy Prime Minister",
  "Prime Minister",
  "Deputy Secretary General",
  "Deputy Secretary-General",
  "Secretary General",
  "Secretary-General",
  "Sec-Gen",
  "Deputy Prosecutor General",
  "Prosecutor General",
  "Director General",
  "Attorney General",
  "Deputy Chairman",
  "Deputy Chairwoman",
  "Deputy Chair",
  "Deputy Minister",
  "Deputy Head",
  "Vice President",
  "Vice-President",
  "Vice Chairman",
  "Foreign Minister",
  "Defence Minister",
  "Defense Minister",
  "Executive Secretary",
];
const ONE_WORD_TITLES = [
  "Chairman",
  "Chairwoman",
  "Chairperson",
  "Chair",
  "Minister",
  "President",
  "Ambassador",
  "Speaker",
  "Director",
  "Governor",
  "Mayor",
  "Commissioner",
  "Head",
  "Chief",
  "Secretary",
  "Ombudsman",
  "Spokesperson",
  "Spokesman",
];
const MULTI = new Set(MULTI_WORD_TITLES.map((t) => t.toLowerCase()));
const TITLE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${[...MULTI_WORD_TITLES, ...ONE_WORD_TITLES].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}\\p{N}-])`,
  "giu",
);
const LINKS = new Set(["of", "the", "and", "for", "on"]);

export function findTitles(text: AssistText, mentions: readonly Mention[]): FoundTitle[] {
  const t = text.text;
  const found: FoundTitle[] = [];
  const persons = mentions.filter((m) => m.type === "person");
  const acronymEndingAt = (at: number) =>
    mentions.find((m) => m.form === "acronym" && m.end === at - 1 && t[at - 1] === " ");
  let lastEnd = -1;
  for (const m of t.matchAll(TITLE_RE)) {
    const head = m[0];
    let start = m.index;
    if (start < lastEnd) continue;
    const exactCase = [...MULTI_WORD_TITLES, ...ONE_WORD_TITLES].includes(head);
    const acronym = acronymEndingAt(start);
    if (!exactCase && !acronym) continue;
    // "Prosecutor General's Office" is a name, not a title.
    if (mentions.some((p) => start >= p.start && start + head.length < p.end)) continue;
    let end = start + head.length;
    const complement = ofComplement(text, end, persons);
    if (complement !== undefined) end = complement;
    if (acronym) start = acronym.start;
    else if (!MULTI.has(head.toLowerCase()) && complement === undefined) continue;
    const person = personNear(text, start, end, persons);
    // "The Secretary General announced": a reference to someone, not a title given to someone.
    if (!acronym && complement === undefined && person === undefined) continue;
    lastEnd = end;
    found.push({
      start,
      end,
      text: t.slice(start, end),
      ...(person === undefined
        ? {}
        : { person: person.entity, personAt: { start: person.start, end: person.end } }),
    });
  }
  return found;
}

/**
 * " of the Shanghai Cooperation Organization": capitalised words joined by of/the/and, up to a
 * parenthesis, comma or full stop, a lower-case word, or the name of a person. The end, or
 * undefined when there is no such complement.
 */
function ofComplement(
  text: AssistText,
  at: number,
  persons: readonly Mention[],
): number | undefined {
  const t = text.text;
  if (!/^ of /.test(t.slice(at, at + 4))) return undefined;
  /** The capitalised words since the last link word: "Kazakhstan Zhakyp Asanov". */
  let run: { start: number; end: number; lower: string }[] = [];
  let previousEnd = at;
  for (let i = text.wordIndexAt(at + 1); i < text.words.length; i++) {
    const w = text.words[i]!;
    const gap = t.slice(previousEnd, w.start);
    if (gap !== " " || text.isBreak(previousEnd)) break;
    if (persons.some((p) => p.start === w.start)) break;
    if (LINKS.has(w.lower)) {
      run = [];
      previousEnd = w.end;
      continue;
    }
    if (!/^\p{Lu}/u.test(w.text)) break;
    run.push({ start: w.start, end: w.end, lower: w.lower });
    previousEnd = w.end;
  }
  if (run.length === 0) {
    // The complement ended on a link word ("of the"): back to the last capitalised word.
    const words = text.wordsIn(at, previousEnd).filter((w) => /^\p{Lu}/u.test(w.text));
    return words.length > 0 ? words[words.length - 1]!.end : undefined;
  }
  // "of Kazakhstan Zhakyp Asanov", "of Foreign Affairs Jeyhun Bayramov": a name the vocabulary
  // does not know, after the place or body. An institution's name ends on a word such as
  // Organization, Commission or Senate; a person's two names after another capitalised word
  // are not the title's.
  const last = run[run.length - 1]!;
  if (
    run.length >= 3 &&
    !INSTITUTION.test(last.lower) &&
    !INSTITUTION.test(run[run.length - 2]!.lower)
  )
    return run[run.length - 3]!.end;
  return last.end;
}

/** Words that end the name of an institution, a body or a place rather than a person's name. */
const INSTITUTION =
  /^(organi[sz]ations?|commission|committee|council|assembly|union|party|ministry|office|senate|parliament|states|republic|federation|kingdom|court|bank|agency|service|secretariat|government|cooperation|nations|community|institute|department|administration|affairs|executive|board|majlis|duma|congress|house|chamber|centre|center|mission|delegation|group|fund|forum)$/;

/** A person named right after the title (an acronym in parentheses or "of X" may come between), or right before it and a comma. */
function personNear(
  text: AssistText,
  start: number,
  end: number,
  persons: readonly Mention[],
): Mention | undefined {
  const t = text.text;
  for (const p of persons) {
    if (p.start < end) continue;
    const gap = t.slice(end, p.start);
    if (gap.length > 40) break;
    if (/^( \([A-Za-z]+\))?( of( the)?( \p{Lu}[\p{L}'-]*)+)? $/u.test(gap)) return p;
  }
  for (const p of [...persons].reverse()) {
    if (p.end > start) continue;
    if (t.slice(p.end, start) === ", ") return p;
    break;
  }
  return undefined;
}

const STATUS_PATTERNS: readonly [RegExp, FoundStatus["value"]][] = [
  [/\b(?:is |are |was |were )?(?:to be|will be)(?: (?:also|\w+ly))? held\b/gi, "scheduled"],
  [/\b(?:is |are |was |were )?scheduled (?:for|on|to)\b/gi, "scheduled"],
  [/\b(?:will|to) take place\b/gi, "scheduled"],
  [/\bupcoming\b/gi, "scheduled"],
  [
    /\b(?:was|were|has been|have been|had been)(?: (?:also|already|\w+ly))? (?:held|conducted)\b/gi,
    "held",
  ],
  [/\b(?:took|has taken|have taken|had taken) place\b/gi, "held"],
];

export function findStatuses(text: AssistText): FoundStatus[] {
  const found: FoundStatus[] = [];
  for (const [re, value] of STATUS_PATTERNS) {
    for (const m of text.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, text: m[0], value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
