/**
 * Guessing a suggested claim's subject and property from the words around its value. Small,
 * explainable heuristics rather than a model:
 *
 * - Property of a count: the words right after the number ("seven candidates") against each
 *   quantity property's label, the property's unit ("people", "percent"), and the sentence.
 * - Subject of a date, count or status: event, document and group entities whose names share
 *   words with the sentence (the name's head noun counts most: "decree", "election", "meeting"),
 *   nearer words counting more, plus entities named in the sentence ("SCO", "Sergey Lebedev").
 * - What the annotators already did elsewhere in the project: which entity types (and entities)
 *   are the subjects of each property, and which person holds each title.
 *
 * A guess needs a clear lead over the next candidate; otherwise the field is left as TODO with
 * the candidates in a comment, for the annotator to decide.
 */
import { normalizeName } from "../compare/name.js";
import type { Project, Vocabulary } from "../model/project.js";
import type { EntityData, PropertyData } from "../validate/schema.js";
import type { CheckableSpan } from "./checkable.js";
import { escapeRegExp, type Mention, mentionFinder } from "./names.js";
import { YEAR_NAMES } from "./numbers.js";
import { AssistText, STOPWORDS, type Word } from "./text.js";

export interface Priors {
  /** property → subject entity → number of accepted claims. */
  subjects: Map<string, Map<string, number>>;
  /** property → entity types of its subjects. */
  types: Map<string, Set<string>>;
  /** A title as annotated (folded) → the person it was given to. */
  positions: Map<string, string>;
}

/** What the project's accepted claims teach: one pass over every claim. */
export function buildPriors(project: Project): Priors {
  const subjects = new Map<string, Map<string, number>>();
  const types = new Map<string, Set<string>>();
  const positions = new Map<string, string>();
  for (const source of project.sources) {
    for (const claim of source.claims) {
      if (claim.status !== "accepted") continue;
      const entity = project.vocabulary.entities.get(claim.subject);
      if (!entity) continue;
      const counts = subjects.get(claim.property) ?? new Map<string, number>();
      counts.set(claim.subject, (counts.get(claim.subject) ?? 0) + 1);
      subjects.set(claim.property, counts);
      const t = types.get(claim.property) ?? new Set<string>();
      t.add(entity.type);
      types.set(claim.property, t);
      if (claim.property === "position" && typeof claim.value === "string")
        positions.set(normalizeName(claim.value), claim.subject);
    }
  }
  return { subjects, types, positions };
}

export interface Guess {
  /** The id guessed, or undefined for TODO. */
  id?: string;
  /** Candidates to name in the TODO comment, best first. */
  candidates: string[];
  /** Where the text names the guessed subject (its name, or its event's head noun). */
  anchor?: { start: number; end: number };
  /** A date property guessed for want of a better one (`date`): no label fitted the sentence. */
  fallback?: boolean;
  /**
   * What a subject guess rests on, strongest first: a rule that reads whose value it is (a
   * person's share, an organisation's observers, a country's regions, the places a group
   * reaches); the entity's name, before the value in its sentence; a weaker anchor (a head noun
   * such as "election", a name after the value, words of a name); or a choice between several
   * entities one anchor fits, made by the sentence's other words.
   */
  basis?: "owner" | "named" | "anchor" | "choice";
}

const SYNONYMS: Record<string, string> = {};
for (const [canon, words] of Object.entries({
  meeting: "meeting meetings met meet meets received receive receives talks",
  observation:
    "observation observer observers observe observed observes observing monitor monitored monitoring monitors",
  election: "election elections electoral",
  abroad: "abroad foreign overseas",
  registered: "registered register registration enrolled enrol enroll",
  station: "station stations site sites precinct precincts",
})) {
  for (const w of words.split(" ")) SYNONYMS[w] = canon;
}

/** A vote of the whole country, and one of a part of it (a province, a city). */
const NATIONAL =
  /\b(?:national|nationwide)(?: [a-z-]+){0,2} (?:elections?|polls?|votes?|ballots?|referendums?)\b/i;
const SUBNATIONAL =
  /\b(?:provincial|province|regional|municipal|local|county|city|mayoral|gubernatorial|district|state assembly)\b/i;

/** Months from the publication within which a date without a year is surely of the year read. */
const NEAR_MONTHS = 3;

/** What inflection adds to a stem: the words a prefix match takes as one. */
const INFLECTIONS = new Set(["e", "d", "ed", "r", "er", "es", "n", "en", "al", "ly"]);

/** Lower case, no possessive, no plural -s. */
function stem(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s?$/, "");
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** How well two words match: 1 same stem or shared long prefix, 0.5 synonyms, else 0. */
function wordMatch(a: string, b: string): number {
  const x = stem(a);
  const y = stem(b);
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "observe", "observed", "observer": an ending of inflection, not another word ("count" and
  // "country", "part" and "party").
  if (short.length >= 4 && long.startsWith(short) && INFLECTIONS.has(long.slice(short.length)))
    return 1;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common >= 6) return 1;
  if (sameDerivation(x, y)) return 1;
  const cx = SYNONYMS[a.toLowerCase()] ?? SYNONYMS[x];
  const cy = SYNONYMS[b.toLowerCase()] ?? SYNONYMS[y];
  return cx !== undefined && cx === cy ? 0.5 : 0;
}

/** Endings that make a noun of a verb ("introduction", "arrival", "announcement", "signing"). */
const NOUN_ENDINGS = ["ation", "ion", "ment", "al", "ing"];
/** Endings of a verb's forms ("introduced", "signed", "agreed"). */
const VERB_ENDINGS = ["ed", "d", "ing"];

/**
 * A noun and a verb of one stem of at least four letters: "the introduction of early voting" and
 * "early voting was introduced", "the arrival" and "arrived", "the announcement" and "announced".
 * (Word matching is hot: nothing is allocated unless the noun's ending fits.)
 */
function sameDerivation(x: string, y: string): boolean {
  return nounOfVerb(x, y) || nounOfVerb(y, x);
}

function nounOfVerb(noun: string, verb: string): boolean {
  for (const n of NOUN_ENDINGS) {
    const stemLength = noun.length - n.length;
    if (stemLength < 4 || !noun.endsWith(n)) continue;
    for (const v of VERB_ENDINGS)
      if (
        verb.length === stemLength + v.length &&
        verb.endsWith(v) &&
        verb.startsWith(noun.slice(0, stemLength))
      )
        return true;
  }
  return false;
}

/** The latest year a name gives, the end of a range included ("the 2015-16 … election"). */
function latestYearNamed(name: string): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const m of name.matchAll(/\b((?:1[89]|20)\d\d)(?:[-–/](\d\d))?\b/g)) {
    latest = Math.max(latest, Number(m[1]));
    if (m[2] !== undefined) latest = Math.max(latest, Number(`${m[1]!.slice(0, 2)}${m[2]}`));
  }
  return latest;
}

/**
 * The years of the thing a name names: those before any word that starts a phrase about another
 * thing ("2016 Moldovan presidential election", "2020-21 Nigerien presidential election" (both),
 * "Georgia's 2020 parliamentary elections"). "Decree of … the 2024 election" is dated before it,
 * and "Aliyev's candidacy in the 2024 election" may be of 2023.
 */
export function ownYears(name: string): number[] {
  const years: number[] = [];
  const words = name.split(/\s+/);
  for (const [i, word] of words.entries()) {
    // "… ruling that the 2021 state and district elections were invalid", "… ruling annulling
    // the 2019 … election": a clause or a verb's object names another thing.
    if (endsNamedThing(words, i) || OTHER_THING.has(nameWord(word))) break;
    const m = /^((?:1[89]|20)\d\d)(?:[-–/](\d\d))?[,.;:]?$/.exec(word);
    if (!m) continue;
    years.push(Number(m[1]));
    if (m[2] !== undefined) years.push(Number(`${m[1]!.slice(0, 2)}${m[2]}`));
  }
  return years;
}

function contentWords(s: string): string[] {
  return (s.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !STOPWORDS.has(w));
}

/** A place in the text that names a candidate subject, and how far it is from the value. */
interface Anchor {
  at: number;
  end: number;
  cost: number;
  ids: string[];
}

interface EntityKeys {
  entity: EntityData;
  /** The head noun of the name: "decree" in "Decree on holding ...", "election" in "... presidential election". */
  head: string | undefined;
  words: string[];
  years: number[];
  ownYears: number[];
  /** "… February 2024": the months the name dates it to, as YYYY-MM. */
  months: string[];
  /** "… of Thursday, 10 November 2022": the days the name dates it to, as YYYY-MM-DD. */
  days: string[];
  /** The latest year the name gives, a range's end included (see latestYearNamed). */
  latestYear: number;
  /** Entities the name itself names ("Meeting of Jeyhun Bayramov and Sergey Lebedev"). */
  named: Set<string>;
}

/**
 * Words that may stand between an event's noun and its date: holding it, placing it, timing it
 * ("elections in the country, scheduled to be held on", "the election that took place on").
 */
const EVENT_DATE_LINKS = new Set(
  "a an the in on of for at from between this that which is are was were will would shall be been being to has have had held hold holds take takes taking took place scheduled set slated planned due called expected fixed start starts started begin begins began upcoming country day year month week next".split(
    " ",
  ),
);

/** Words that say an event is held at a time: after them, what comes is its date. */
const HOLDING_WORDS = new Set(
  "held hold holds scheduled slated set planned due fixed place".split(" "),
);

/** Other words for an election's voting: "the January 7 polls". */
const POLL_WORDS = new Set(["poll", "polls", "vote", "voting", "ballot"]);

/**
 * Words of a date property's label that nearly every sentence dating an election has ("date on
 * which a voter's registered residence decides where they vote"): they tell no label apart.
 */
const DATE_LABEL_COMMON = new Set(["vote", "voter", "election"]);

/** Words after a date that lead to something before or after the dated event. */
const SEQUENCE_WORDS = new Set(["following", "after", "before", "because", "due", "since"]);

/** Words that begin another phrase: between a date and a noun after it, they part the two. */
const PHRASE_BREAKS = new Set(
  "to for on at by with from into after before since until ahead during was were is are be been will would has have had".split(
    " ",
  ),
);

/** Events a sentence may date that are rarely in a vocabulary (stems). */
const OTHER_EVENTS = new Set(
  "conference summit visit ceremony session forum congress trip tour briefing interview debate rally celebration festival exhibition launch opening"
    .split(" ")
    .map(stem),
);

const MONTH_NUMBERS: Record<string, string> = {
  january: "01",
  february: "02",
  march: "03",
  april: "04",
  may: "05",
  june: "06",
  july: "07",
  august: "08",
  september: "09",
  october: "10",
  november: "11",
  december: "12",
};

/** "Meeting of …, February 2024" → ["2024-02"]. */
function monthsNamed(name: string): string[] {
  return [
    ...name.matchAll(
      /\b(January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d\d)\b/g,
    ),
  ].map((m) => `${m[2]}-${MONTH_NUMBERS[m[1]!.toLowerCase()]}`);
}

/** "News conference of Thursday, 10 November 2022" → ["2022-11-10"]. */
function daysNamed(name: string): string[] {
  return [
    ...name.matchAll(
      /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d\d)\b/g,
    ),
  ].map((m) => `${m[3]}-${MONTH_NUMBERS[m[2]!.toLowerCase()]}-${m[1]!.padStart(2, "0")}`);
}

/** Words in a date property's label that make it a period's start or end. */
const START_WORDS = new Set([
  "start",
  "starts",
  "started",
  "begin",
  "began",
  "beginning",
  "opening",
  "since",
  "from",
]);
const END_WORDS = new Set([
  "end",
  "ends",
  "ended",
  "until",
  "completed",
  "completion",
  "close",
  "closing",
  "finish",
  "by",
]);

/** Words in a date property's label for a date given up ("date first scheduled"). */
const SUPERSEDED_WORDS = new Set([
  "original",
  "originally",
  "initial",
  "initially",
  "scheduled",
  "planned",
  "previous",
  "previously",
  "postponed",
]);

const HEAD_BREAK = new Set(["of", "on", "to", "for", "by", "in", "after", "with", "from", "led"]);
/** A word of a name in lower case, without the punctuation around it. */
function nameWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, "");
}

/**
 * Whether a name's words from `i` on speak of something else than the thing it names: a
 * preposition's phrase ("Decree on holding …"), what brackets add ("2015 Saudi municipal
 * elections (third session)"), or a verb's object ("Constitutional Court ruling annulling the …
 * election").
 */
function endsNamedThing(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  const lower = nameWord(word);
  if (HEAD_BREAK.has(lower) || word.startsWith("(")) return true;
  return lower.endsWith("ing") && /^(?:the|a|an|its|his|her|their)$/i.test(words[i + 1] ?? "");
}

/** Words after which a name speaks of another thing than the one it names (see ownYears). */
const OTHER_THING = new Set([
  "that",
  "which",
  "who",
  "whose",
  "where",
  "when",
  "against",
  "over",
  "about",
  "at",
  "between",
  "during",
  "before",
  "since",
  "until",
  "amid",
  "than",
]);

/** An article's sentence context, shared by every guess in it. */
export class Guesser {
  private readonly keys: EntityKeys[];
  /** The keys by entity id. */
  private readonly keyOf = new Map<string, EntityKeys>();
  /** Entities whose names' own words the article never uses (see namesOwnWordsAbsent). */
  private readonly absent = new Set<string>();
  /** Indexes into `mentions`, by start: a window's mentions are found without reading them all. */
  private readonly mentionsByStart: number[];
  /** Word start → starts of the counts whose counted noun it is ("7 candidates": candidates). */
  private readonly nounOwners = new Map<number, number[]>();

  constructor(
    private readonly text: AssistText,
    private readonly mentions: readonly Mention[],
    private readonly vocabulary: Vocabulary,
    private readonly priors: Priors,
    private readonly published: string | undefined,
    /** Spans of every count in the article: their nouns describe other values. */
    quantities: readonly CheckableSpan[],
  ) {
    this.mentionsByStart = mentions
      .map((_, i) => i)
      .sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
    // What another count counts is not about this one ("49 polling stations … in 37 foreign
    // countries"); its other words may be ("246 people were nominated by 19 political parties").
    for (const q of quantities) {
      for (const w of this.countedWords(q).slice(-1)) {
        const owners = this.nounOwners.get(w.start);
        if (owners) owners.push(q.at.start);
        else this.nounOwners.set(w.start, [q.at.start]);
      }
    }
    const finder = mentionFinder(vocabulary);
    this.keys = [...vocabulary.entities.values()].map((entity) => {
      const nameWords = entity.name.split(/\s+/);
      let head: string | undefined;
      for (const [i, w] of nameWords.entries()) {
        const lower = nameWord(w);
        if (endsNamedThing(nameWords, i) && head !== undefined) break;
        if (!STOPWORDS.has(lower) && !/^\d+$/.test(lower) && lower !== "") head = lower;
      }
      const nameText = new AssistText(entity.name);
      const named = new Set(
        finder.find(nameText, (f) => f.entity !== entity.id).map((m) => m.entity),
      );
      return {
        entity,
        head,
        words: contentWords(entity.name).filter((w) => !/^\d+$/.test(w)),
        years: (entity.name.match(/\b(1[89]|20)\d\d\b/g) ?? []).map(Number),
        ownYears: ownYears(entity.name),
        months: monthsNamed(entity.name),
        days: daysNamed(entity.name),
        latestYear: latestYearNamed(entity.name),
        named,
      };
    });
    // "NEC" is the acronym of the National Election Committee of Cambodia and of Liberia's
    // commission: an acronym two entities share does not bring back one whose own words the
    // article never uses.
    for (const k of this.keys) this.keyOf.set(k.entity.id, k);
    const acronymCount = new Map<string, number>();
    for (const e of vocabulary.entities.values())
      if (e.acronym !== undefined)
        acronymCount.set(e.acronym, (acronymCount.get(e.acronym) ?? 0) + 1);
    const shared = (m: Mention) =>
      m.form === "acronym" &&
      (acronymCount.get(vocabulary.entities.get(m.entity)?.acronym ?? "") ?? 0) > 1;
    const mentioned = new Set(mentions.filter((m) => !shared(m)).map((m) => m.entity));
    const lowerText = text.text.toLowerCase();
    for (const k of this.keys)
      if (!mentioned.has(k.entity.id) && namesOwnWordsAbsent(k.entity.name, text.text, lowerText))
        this.absent.add(k.entity.id);
  }

  /**
   * The words and mentions around a span: its sentence, and the sentences before and after it
   * (a dateline's date is about the next sentence; "completed by 2026" may name its subject in
   * the sentence before).
   */
  private window(span: CheckableSpan): {
    words: Word[];
    mentions: Mention[];
    own: { start: number; end: number };
    /** Where the words naming what a count counts end ("45 election observer missions"). */
    countedEnd: number;
  } {
    const { start, end } = span.at;
    const s = this.text.sentence(start);
    const own = { start: s.start, end: Math.max(s.end, end) };
    const from = s.start > 0 ? this.text.sentence(s.start - 2).start : s.start;
    const to = this.text.sentence(Math.min(this.text.text.length - 1, own.end + 1)).end;
    const last = Math.max(to, own.end);
    const countedEnd = this.countedWords(span).pop()?.end ?? end;
    const inSpan = (w: Word) => w.start >= start && w.end <= end;
    const mentions = this.mentionsWithin(from, last).filter(
      (m) => !(m.start < end && start < m.end),
    );
    /** The noun of another count in the article: it describes that count, not this one. */
    const otherNoun = (w: Word) => this.nounOwners.get(w.start)?.some((q) => q !== start) === true;
    const words = this.text
      .wordsIn(from, last)
      .filter(
        (w) =>
          !inSpan(w) &&
          !isCaps(w) &&
          !STOPWORDS.has(w.lower) &&
          !mentions.some((m) => w.start >= m.start && w.end <= m.end) &&
          !otherNoun(w),
      );
    return { words, mentions, own, countedEnd };
  }

  /** The part of the sentence between the separators around the value (, ; dashes), if it has a few words. */
  private clause(
    span: CheckableSpan,
    sentence: { start: number; end: number },
  ): { start: number; end: number } {
    const t = this.text.text;
    const separator = /[,;()\u2013\u2014]| - /g;
    let start = sentence.start;
    let end = sentence.end;
    for (const m of t.slice(sentence.start, sentence.end).matchAll(separator)) {
      const at = sentence.start + m.index;
      if (at < span.at.start) start = at + m[0].length;
      else if (at >= span.at.end) {
        end = at;
        break;
      }
    }
    return this.text.wordsIn(start, end).length >= 4 ? { start, end } : sentence;
  }

  /**
   * "The CEC reports that …", "according to the CEC": who tells of the value, not whose it is.
   */
  /**
   * "Seven presidential candidates approved by Iran's Guardian Council", "42 percent turnout
   * projected by the … Polling Agency": who approved or projected a figure is not what it is
   * about. (People counted, "observers sent by the CIS", are the organisation's: see subject.)
   */
  private isAgent(span: CheckableSpan, m: { start: number; end: number }): boolean {
    const counted = span.quantity?.noun[span.quantity.noun.length - 1];
    const before = this.text.before(m.start, 130);
    // "364 foreign observers have registered with the Commission on Elections": the body that
    // registers or accredits people is not whose count they are.
    if (
      counted !== undefined &&
      PEOPLE.test(counted) &&
      /\b(?:registered|accredited|enrolled) (?:with|by) (?:the )?(?:[^.()]{1,80} \()?$/.test(before)
    )
      return true;
    if (span.kind === "date" || (counted !== undefined && PEOPLE.test(counted))) return false;
    // "is followed by the PP, which takes 9.22% of the votes": the name a relative clause starts
    // from does what the clause says.
    if (/^,? (?:which|who) /i.test(this.text.after(m.end, 8))) return false;
    // "by Iran's Guardian Council", "by the state-linked … Agency": a possessive or up to two
    // lower-case words between.
    return /\b[Bb]y (?:the )?(?:[\p{L}]+['’]s )?(?:\p{Ll}[\p{L}-]* ){0,2}$/u.test(before);
  }

  private isSource(m: { start: number; end: number }): boolean {
    const t = this.text.text;
    if (
      /\b(?:according to|citing|referring to|reports? by)(?: the)? $/i.test(
        this.text.before(m.start, 20),
      )
    )
      return true;
    // "…, the Central Election Commission said"; "Yuri Chokan, chairman of Moldova's Central
    // Electoral Commission, told TASS": the organisation speaks, or its officer does.
    // "Fafen report stated": its report, statement or spokesperson.
    // "The National Election Committee (NEC) of Cambodia has confirmed": its country may follow.
    // (The acronym's own mention ends inside its brackets: "NEB) of Kyrgyzstan has".)
    const after = t
      .slice(m.end, m.end + 80)
      .replace(/^\)/, "")
      .replace(/^( \([^)]{1,12}\))? of (?:the )?\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3}/u, "$1");
    return /^(?: \([^)]{1,12}\))?(?:['’]s)?(?: (?:report|statement|spokesperson|spokesman|spokeswoman|data|figures))?,? (?:has |have |had )?(?:said|says|reports|reported|told|tells|stated|states|noted|notes|announced|announces|informs|informed|added|emphasized|emphasised|stressed|confirmed|confirms|disclosed|discloses|revealed|reveals)\b/i.test(
      after,
    );
  }

  /** Where the capitalised name holding the word at `at` starts ("the Central Electoral …"). */
  private nameStart(at: number): number {
    const words = this.text.words;
    let i = this.text.wordIndexAt(at);
    while (i > 0) {
      let previous = words[i - 1]!;
      let step = 1;
      // "Albania’s": the curly apostrophe splits the possessive into two words.
      if (previous.text === "s" && i > 1 && this.text.text[previous.start - 1] === "’") {
        previous = words[i - 2]!;
        step = 2;
      }
      const gap = this.text.text.slice(previous.end, words[i]!.start);
      if (!/^\p{Lu}/u.test(previous.text) || !/^(?:['’]s)? $/.test(gap)) break;
      i -= step;
    }
    return words[i]?.start ?? at;
  }

  /**
   * The words naming what a count counts, as the article has them ("45 election observer
   * missions", "119 parliamentary and presidential elections": in order, conjunctions between).
   */
  private countedWords(span: CheckableSpan): Word[] {
    const noun = span.quantity?.noun ?? [];
    const out: Word[] = [];
    for (const w of this.text.wordsIn(span.at.end, span.at.end + 80)) {
      if (out.length >= noun.length) break;
      if (w.lower === noun[out.length]) out.push(w);
      else if (w.lower !== "and" && w.lower !== "or") break;
    }
    return out;
  }

  /** The mentions wholly inside [from, to), in the order of `mentions`. */
  private mentionsWithin(from: number, to: number): Mention[] {
    const order = this.mentionsByStart;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[order[mid]!]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const picked: number[] = [];
    for (let k = lo; k < order.length; k++) {
      const m = this.mentions[order[k]!]!;
      if (m.start > to) break;
      if (m.end <= to) picked.push(order[k]!);
    }
    return picked.sort((a, b) => a - b).map((i) => this.mentions[i]!);
  }

  /** How far an anchor is: words away, those after the value counting half again. */
  private cost(span: CheckableSpan, at: number): number {
    const d = this.distance(span, at);
    return at < span.at.start ? d : 1.5 * d + 0.5;
  }

  private distance(span: CheckableSpan, at: number): number {
    const a = this.text.wordIndexAt(at);
    const s = this.text.wordIndexAt(span.at.start);
    const e = this.text.wordIndexAt(span.at.end);
    return a < s ? s - a : Math.max(0, a - e + 1);
  }

  /**
   * Subject of a date, count or status claim with the given property (or none yet): the
   * nearest anchor in the sentence, looking left first ("... election in the country on
   * February 7"), then right ("On December 7, 2023, ... signed a decree"); the next sentence
   * when the value's own has none (a dateline). An anchor is a candidate entity named in the
   * text, the head noun of an event's or document's name ("decree", "election", "met" for a
   * meeting), or two words of another entity's name close together ("observation mission").
   * When an anchor fits several entities (five meetings), the entities named in the sentence,
   * the other words of their names and the project's usage decide, or nothing does (TODO).
   */
  subject(
    span: CheckableSpan,
    property: string | undefined,
    /** The date starts or ends a period ("from Feb. 3 to 10", "completes its work on"). */
    period = false,
    /** Only a meeting, visit or the like can be the subject (see isGathering). */
    gatheringOnly = false,
  ): Guess {
    const guess = this.nearestSubject(span, property, period, gatheringOnly);
    // The project's annotators gave this property to events only, say, and the guess is an
    // organisation ("21 international organizations, including the CIS"): a new use of the
    // property is the annotator's to make, not a guess's.
    const usedFor = property === undefined ? undefined : this.priors.types.get(property);
    const type = guess.id === undefined ? undefined : this.vocabulary.entities.get(guess.id)?.type;
    if (usedFor !== undefined && type !== undefined && !usedFor.has(type))
      return { candidates: guess.candidates };
    // The election, or one of its rounds? When the vocabulary has parts of the event guessed
    // ("Second phase of the 2017 Nepalese … elections", "Runoff of the … election") and the
    // sentence names none of their words, which one the value is of is the annotator's to say.
    if (guess.id !== undefined && type === "event" && !gatheringOnly) {
      const parts = this.partsOf(guess.id);
      if (parts.length > 0 && !this.sentenceNamesPart(span)) {
        return { candidates: [guess.id, ...parts] };
      }
      // "the second round, on January 27-28": the one part whose own words the sentence has
      // dates it ("two-stage general elections" still counts the whole's stages).
      const named = span.kind === "date" ? this.partNamed(span, guess.id, parts) : undefined;
      if (named !== undefined) return { ...guess, id: named, candidates: [named, guess.id] };
    }
    return guess;
  }

  /** The person whose name, right before a count in its sentence, makes the count theirs. */
  private personOwning(
    span: CheckableSpan,
    mentions: readonly Mention[],
    own: { start: number; end: number },
  ): string | undefined {
    const person = mentions.findLast((m) => m.type === "person" && m.end <= span.at.start);
    if (person === undefined || person.start < own.start) return undefined;
    const gap = this.text.text.slice(person.end, span.at.start);
    if (!PERSON_TO_VALUE.test(gap) && !PERSON_IN_OFFICE.test(gap)) return undefined;
    // "According to Konneh, 11,712 polling station results were entered": who tells a figure
    // is not its owner.
    if (this.isSource(person)) return undefined;
    if (DESCRIBES_ANOTHER.test(this.text.text.slice(own.start, person.start))) return undefined;
    // "she and her top candidate Kai Wegner received more than 25 percent": a name joined to
    // another owner shares the value, which is the annotator's to give.
    if (JOINED_TO_ANOTHER.test(this.text.before(person.start, 40))) return undefined;
    // "Zeman, 68, led the first round": a number set off by commas after a name is an age.
    if (/^,\s*$/.test(gap) && /^\s*,/.test(this.text.after(span.at.end, 3))) return undefined;
    return person.entity;
  }

  /**
   * Whether a count beside an organisation is of what an election is made of: its places
   * ("32 single-seat constituencies" beside a party's name), or, beside a body that an election
   * fills or that runs one (an assembly, council or commission), its voters, candidates, lists,
   * seats and the officials it elects, and the turnout the body reports.
   */
  private madeOfElection(
    span: CheckableSpan,
    counted: string | undefined,
    property: string | undefined,
    id: string,
  ): boolean {
    const entity = this.vocabulary.entities.get(id);
    if (entity?.type !== "organisation") return false;
    // "won 24 constituencies": what a party won is its own ("its chances of winning in the
    // country's 32 single-seat constituencies" are not).
    if (counted !== undefined && ELECTION_PLACES.test(counted))
      return !WON.test(this.text.before(span.at.start, 40));
    if (!ELECTION_BODY.test(entity.name)) return false;
    if (counted !== undefined) return ELECTION_MAKEUP.test(counted);
    const p = property === undefined ? undefined : this.vocabulary.properties.get(property);
    return span.kind === "percent" && p !== undefined && /turnout/i.test(`${p.id} ${p.label}`);
  }

  /**
   * For a party's count, the property that counts the same thing as won ("seats won" rather than
   * "seats", or rather than a tie between the two), when the vocabulary has exactly one such and
   * the guessed property does not already say so.
   */
  wonBy(subject: string, property: Guess): string | undefined {
    const entity = this.vocabulary.entities.get(subject);
    if (entity?.type !== "organisation" || !PARTY.test(entity.name)) return undefined;
    const among = property.id === undefined ? property.candidates : [property.id];
    const labels = among
      .map((id) => this.vocabulary.properties.get(id))
      .filter((p) => p !== undefined);
    if (
      labels.length === 0 ||
      labels.some((p) => WON_LABEL.test(p.label) && property.id !== undefined)
    )
      return undefined;
    const heads = new Set(labels.map((p) => labelHead(p.label)));
    if (heads.size !== 1) return undefined;
    const [head] = heads;
    // "seats won", not "seats gained in Vaud": the label has nothing but the noun and the verb.
    const won = [...this.vocabulary.properties.values()].filter(
      (p) =>
        p.type === "quantity" &&
        WON_LABEL.test(p.label) &&
        labelHead(p.label) === head &&
        contentWords(p.label).every((w) => w === head || WON_LABEL.test(w)),
    );
    return won.length === 1 ? won[0]!.id : undefined;
  }

  /** Events of the vocabulary that are a round, phase or stage of the given event. */
  private partsOf(id: string): string[] {
    const whole = this.keyOf.get(id);
    if (whole?.head === undefined || PART_WORDS.test(whole.entity.name)) return [];
    return this.keys
      .filter(
        (k) =>
          k.entity.id !== id &&
          k.entity.type === "event" &&
          PART_WORDS.test(k.entity.name) &&
          whole.words.every((w) => k.words.includes(w)),
      )
      .map((k) => k.entity.id);
  }

  /**
   * The last year written in the value's sentence before it, unless a count ("2018 council
   * members": a lower-case word after it that names no event) or more than five years after
   * the publication.
   */
  private yearBefore(span: CheckableSpan, pubYear: number): number | undefined {
    const t = this.text.text;
    const from = this.text.sentence(span.at.start).start;
    let year: number | undefined;
    for (const m of t
      .slice(from, span.at.start)
      .matchAll(/(?<![\d,.])(?:19|20)\d\d(?![\d,.]\d|\d)/g)) {
      const next = /^ ([a-z][\p{L}-]*)/u.exec(
        t.slice(from + m.index + 4, from + m.index + 40),
      )?.[1];
      const y = Number(m[0]);
      if (
        (next === undefined || YEAR_NAMES.has(next)) &&
        (Number.isNaN(pubYear) || y <= pubYear + 5)
      )
        year = y;
    }
    return year;
  }

  /** The one part of the whole whose own words ("second", "round") the value's sentence has. */
  private partNamed(
    span: CheckableSpan,
    whole: string,
    parts: readonly string[],
  ): string | undefined {
    const wholeWords = new Set(this.keyOf.get(whole)?.words ?? []);
    const sentence = this.text.sentence(span.at.start);
    const words = this.text.wordsIn(sentence.start, sentence.end).map((w) => w.lower);
    const fitting = parts.filter((id) => {
      const own = (this.keyOf.get(id)?.words ?? []).filter((w) => !wholeWords.has(w));
      return own.length > 0 && own.every((w) => words.some((x) => wordMatch(w, x) === 1));
    });
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  private sentenceNamesPart(span: CheckableSpan): boolean {
    return PART_WORDS.test(this.text.sentenceText(span.at.start));
  }

  private nearestSubject(
    span: CheckableSpan,
    property: string | undefined,
    period: boolean,
    gatheringOnly: boolean,
  ): Guess {
    // The kinds of entity a date, count or status is about, and those the project's
    // annotators gave this property (a start date of a mission: a group).
    const allowed = new Set([
      ...(span.kind === "date" || span.kind === "status"
        ? ["event", "document", "other"]
        : ["event", "group", "organisation", "other", "document"]),
      ...((property === undefined ? undefined : this.priors.types.get(property)) ?? []),
    ]);
    // A period's start or end ("5-12 April", "since January 17") may be a mission's, a group.
    if (period) allowed.add("group");
    const pubYear = Number(this.published?.slice(0, 4) ?? Number.NaN);
    const statedYear =
      span.date &&
      !span.date.impliedYear &&
      !span.date.relative &&
      !span.date.value.startsWith("--");
    // "In the first round of the 2004 Romanian presidential election overseas, 40,856 voters":
    // a count's sentence may name the year it is of.
    const countYear = span.quantity === undefined ? undefined : this.yearBefore(span, pubYear);
    // "the May 22 election", read on 1 July 2016: a day without a year, when the reading nearest
    // the publication is within three months of it, is of that year, and no event whose
    // name gives it another year is its subject (the "2017 Austrian legislative election"
    // would move it a year on; "Aliyev's candidacy in the 2024 election" may well be of 2023:
    // see ownYears).
    const nearYear =
      span.date?.impliedYear === true &&
      span.date.precision === "day" &&
      !span.date.relative &&
      this.published !== undefined &&
      !span.date.value.startsWith("--") &&
      Math.abs(Date.parse(span.date.value.slice(0, 7)) - Date.parse(this.published.slice(0, 7))) <=
        NEAR_MONTHS * 31 * 86_400_000;
    const yearOfReference = statedYear
      ? Number(span.date!.value.slice(0, 4))
      : (countYear ?? pubYear);
    const dateMonth =
      span.date && span.date.precision !== "year" && !span.date.value.startsWith("--")
        ? span.date.value.slice(0, 7)
        : undefined;
    const ownDateYear =
      property === "date" && (statedYear || nearYear)
        ? Number(span.date!.value.slice(0, 4))
        : undefined;
    // "the upcoming presidential election, which is slated to be held on Dec. 29", written two
    // days before: a day still to come is no day of "Elections in AU member states in 2018".
    const upcomingYear =
      property === "date" &&
      span.date !== undefined &&
      this.published !== undefined &&
      /^\d{4}-\d\d-\d\d$/.test(span.date.value) &&
      span.date.value > this.published
        ? Number(span.date.value.slice(0, 4))
        : undefined;
    const dateDay =
      span.date && /^\d{4}-\d\d-\d\d$/.test(span.date.value) ? span.date.value : undefined;
    // "the national legislative elections on October 26": no provincial or municipal vote's day.
    const sentence = span.date ? this.text.sentenceText(span.at.start) : "";
    const nationalOnly = NATIONAL.test(sentence) && !SUBNATIONAL.test(sentence);
    const candidates = this.keys.filter(
      (k) =>
        allowed.has(k.entity.type) &&
        // The 2006 mission to Tajikistan is not the subject of an article on Kazakhstan.
        !this.absent.has(k.entity.id) &&
        (!gatheringOnly || this.isGathering(k.entity.id)) &&
        !(nationalOnly && SUBNATIONAL.test(k.entity.name)) &&
        // "Meeting …, February 2023" is not what happened on 14 October 2022.
        (dateMonth === undefined || k.months.length === 0 || k.months.includes(dateMonth)) &&
        // Nor is "… news conference of Thursday, 10 November 2022" what happened on the 11th.
        (dateDay === undefined || k.days.length === 0 || k.days.includes(dateDay)) &&
        // A year in the name is within a year of the date's own year when the text states it
        // (the decree of December 2023 for the 2024 election), else of the publication's.
        (k.years.length === 0 ||
          k.years.some(
            (y) => Number.isNaN(yearOfReference) || Math.abs(y - yearOfReference) <= 1,
          )) &&
        // But the date of the "2010 Myanmar general election" is in 2010: a date in 2011 is
        // another event's ("handed over power in 2011 through the first election in 2010").
        !(
          ownDateYear !== undefined &&
          k.ownYears.length > 0 &&
          !k.ownYears.includes(ownDateYear)
        ) &&
        !(upcomingYear !== undefined && k.years.length > 0 && k.latestYear < upcomingYear),
    );
    const { words, mentions, own, countedEnd } = this.window(span);
    // "Zahid Oruj gained 2.2 percent", "Razi Nurullayev 0.79 percent": a count right after a
    // person's name is that person's.
    if (span.quantity) {
      const person = this.personOwning(span, mentions, own);
      if (person !== undefined) return ownedBy(person);
    }
    const country = this.countryDivided(span, countedEnd);
    if (country !== undefined)
      return country.id === undefined ? country : { ...country, basis: "owner" };
    // "As in the first round of the vote on December 22, there are 6,533 polling stations":
    // what the value is compared with is not what it is about.
    const anchors = this.anchors(span, candidates, words, mentions, countedEnd).filter(
      (a) => !this.inComparison(a.at, span) && !this.afterSequenceWord(a.at, span),
    );
    // "These observers will be spread across 16 regions", "who will be deployed in 18 provinces
    // and four cities", "observed in 77 polling centers": the places a group's observers reach
    // are the group's, when the text up to the count names one group (or one organisation
    // with one group); else whose they are (a mission's reach, a country's constituencies) is
    // the annotator's to say.
    if (this.placesReached(span)) {
      const isGroup = (id: string) => this.vocabulary.entities.get(id)?.type === "group";
      const reaching = new Set(
        anchors.filter((a) => a.at < span.at.start).flatMap((a) => a.ids.filter(isGroup)),
      );
      for (const m of mentions)
        if (m.start >= own.start && m.end <= span.at.start && m.type === "organisation") {
          const its = candidates.filter((k) => k.entity.type === "group" && k.named.has(m.entity));
          if (its.length === 1) reaching.add(its[0]!.entity.id);
        }
      const [only] = reaching;
      return reaching.size === 1 ? ownedBy(only!) : { candidates: [...reaching] };
    }
    let inOwn = anchors.filter((a) => a.at >= own.start && a.at < own.end);
    // "announced September 12 as nomination day and September 22 as early polling day": the
    // words after "as" name what the date is.
    const as = span.kind === "date" ? /^,? as /i.exec(this.text.after(span.at.end, 5)) : null;
    if (as) {
      const from = this.text.wordIndexAt(span.at.end + as[0].length);
      const named = inOwn.filter(
        (a) => a.at > span.at.end && this.text.wordIndexAt(a.at) - from <= 4,
      );
      if (named.length > 0) inOwn = named;
    }
    const typed = (type: string) =>
      inOwn.filter((a) => a.ids.every((id) => this.vocabulary.entities.get(id)?.type === type));
    // "close to 170 observers", "16 accredited observers": people are counted in a group (a
    // mission, a delegation); "475 observers have been sent by the CIS": in the one group of
    // the organisation the sentence names; else in the event they attend, rather than the
    // organisation that registers or sends them.
    const counted = span.quantity?.noun[span.quantity.noun.length - 1];
    // "The CIS observers visited more than 1,000 voting stations": what the organisation's
    // observers did is their mission's, when the organisation has one group in the candidates.
    if (span.quantity && (counted === undefined || !PEOPLE.test(counted))) {
      const byGroup = mentions.findLast(
        (m) =>
          m.start >= own.start &&
          m.end <= span.at.start &&
          m.type === "organisation" &&
          ITS_GROUP.test(this.text.words[this.text.wordIndexAt(m.end)]?.lower ?? ""),
      );
      const groups = byGroup
        ? candidates.filter((k) => k.entity.type === "group" && k.named.has(byGroup.entity))
        : [];
      if (groups.length === 1) {
        return ownedBy(groups[0]!.entity.id);
      }
    }
    if (counted !== undefined && (PEOPLE.test(counted) || /^teams?$/.test(counted))) {
      const groups = typed("group");
      const organisationsIn = (from: number, to: number) =>
        new Set(
          typed("organisation")
            .filter((a) => a.at >= from && a.at < to)
            .flatMap((a) => a.ids),
        );
      // "ECOWAS deployed 116 observers …, while the AU deployed 10 teams of observers": with
      // two organisations in the sentence, the one in the count's clause.
      let organisations = organisationsIn(own.start, own.end);
      if (organisations.size > 1) {
        const clause = this.clause(span, own);
        organisations = organisationsIn(clause.start, clause.end);
      }
      const [organisation] = organisations;
      const ofOrganisation =
        organisations.size === 1
          ? candidates.filter((k) => k.entity.type === "group" && k.named.has(organisation!))
          : [];
      const events = typed("event");
      if (groups.length > 0) inOwn = groups;
      else if (ofOrganisation.length === 1) {
        return ownedBy(ofOrganisation[0]!.entity.id);
      } else if (events.length > 0) inOwn = events;
    }
    // "operating since January 17", "5-12 April": a period is a mission's, when the sentence
    // names one, rather than the event the mission attends.
    if (period && typed("group").length > 0) inOwn = typed("group");
    // Only a date looks beyond its sentence: a count or status there is about something else.
    // A period's bound ("to be deployed … from 26 May") is a mission's or the like: the election
    // of the next sentence is no guess for it.
    const pool = mergeAnchors(inOwn.length > 0 || span.kind !== "date" || period ? inOwn : anchors);
    let nearest = pool[0];
    if (!nearest) return { candidates: [] };
    // "The CEC is operating 1,008 polling centers", "20 PARLACEN deputies", "3.73 million eligible
    // voters … to the National Assembly": what an election is made of (its voters, polling
    // stations, candidates, lists, seats, the officials it elects) is the election's, not that of
    // the body running it or being elected.
    if (nearest.ids.length === 1 && this.madeOfElection(span, counted, property, nearest.ids[0]!)) {
      const isEvent = (id: string) => this.vocabulary.entities.get(id)?.type === "event";
      const event = mergeAnchors(anchors).find((a) => a.ids.every(isEvent));
      const present = candidates.filter((k) => k.entity.type === "event");
      if (event) nearest = event;
      else if (present.length === 1) nearest = { ...nearest, ids: [present[0]!.entity.id] };
    }
    // "a press conference today": a nearer event the vocabulary does not know; no guess.
    const unknownEvent = words.some(
      (w) =>
        w.start >= own.start &&
        w.start < own.end &&
        OTHER_EVENTS.has(stem(w.lower)) &&
        !candidates.some((k) => k.head !== undefined && wordMatch(k.head, w.lower) > 0) &&
        this.cost(span, w.start) < nearest.cost,
    );
    if (unknownEvent) return { candidates: nearest.ids };
    const anchor = { start: nearest.at, end: nearest.end };
    // The nearest anchor is a name (the entity's, or for what an election is made of, that of
    // the body beside it), before the value: the sentence says whose value it is.
    const byName =
      nearest.at < span.at.start &&
      mentions.some((m) => m.start === nearest.at && m.end === nearest.end);
    if (nearest.ids.length === 1) {
      const id = nearest.ids[0]!;
      // The sentence's other anchors are the other candidates, should the annotator disagree.
      const others = pool.flatMap((a) => a.ids).filter((x) => x !== id);
      return {
        id,
        candidates: [id, ...new Set(others)].slice(0, 3),
        anchor,
        basis: byName ? "named" : "anchor",
      };
    }
    // Several entities share the anchor: what else the sentence says about each.
    const score = new Map<string, number>();
    const prior = property ? this.priors.subjects.get(property) : undefined;
    const total = prior ? [...prior.values()].reduce((a, b) => a + b, 0) : 0;
    const keys = nearest.ids.map((id) => this.keyOf.get(id)!);
    const named = new Set(mentions.map((m) => m.entity));
    for (const k of keys) {
      const id = k.entity.id;
      let s = 0;
      // An entity named by fewer of the candidates tells them apart better.
      for (const e of named) if (k.named.has(e)) s += 2 / keys.filter((x) => x.named.has(e)).length;
      for (const x of k.words) if (words.some((w) => wordMatch(x, w.lower) === 1)) s += 1;
      if (prior && total > 0) s += (prior.get(id) ?? 0) / total;
      score.set(id, s);
    }
    const best = pick(score, 0.5, 0.5);
    return best.id
      ? { ...best, anchor, basis: "choice" }
      : { candidates: best.candidates.length > 0 ? best.candidates : nearest.ids };
  }

  private anchors(
    span: CheckableSpan,
    candidates: readonly EntityKeys[],
    words: readonly Word[],
    mentions: readonly Mention[],
    countedEnd: number,
  ): Anchor[] {
    const out: Anchor[] = [];
    const cost = (at: number) => this.cost(span, at);
    const ids = new Set(candidates.map((k) => k.entity.id));
    // "observers from 26 EU Member States", "drawn from 19 OSCE participating states": where
    // people come from is their group's make-up, not a count of the organisation named inside
    // it (as "the 55 OSCE participating states" is).
    const fromWhere = /\bfrom $/i.test(this.text.before(span.at.start, 5));
    const inCounted = (m: Mention) => fromWhere && m.start >= span.at.end && m.end <= countedEnd;
    for (const m of mentions)
      if (ids.has(m.entity) && !inCounted(m) && !this.isSource(m) && !this.isAgent(span, m))
        out.push({ at: m.start, end: m.end, cost: cost(m.start), ids: [m.entity] });
    for (const w of words) {
      // What a count counts ("45 election observer missions") is not whose count it is.
      if (w.start >= span.at.end && w.end <= countedEnd) continue;
      const heads = candidates.filter(
        (k) =>
          (k.entity.type === "event" || k.entity.type === "document") &&
          k.head !== undefined &&
          wordMatch(k.head, w.lower) > 0,
      );
      if (heads.length > 0)
        out.push({
          at: w.start,
          end: w.end,
          cost: cost(w.start),
          ids: heads.map((k) => k.entity.id),
        });
    }
    // Other entities: the head of the name with another of its words or an entity it names,
    // close together ("SCO mission", "observation mission", "reforms implemented").
    for (const k of candidates) {
      if (k.entity.type === "event" || k.entity.type === "document") continue;
      const head = k.head;
      if (head === undefined || !words.some((w) => wordMatch(head, w.lower) === 1)) continue;
      const hits = [
        ...words
          .filter((w) => k.words.some((x) => wordMatch(x, w.lower) > 0))
          .map((w) => ({ start: w.start, what: stem(w.lower), proper: /^\p{Lu}/u.test(w.text) })),
        ...mentions
          .filter((m) => k.named.has(m.entity))
          .map((m) => ({ start: m.start, what: m.entity, proper: true })),
      ].sort((a, b) => a.start - b.start);
      for (let i = 0; i + 1 < hits.length; i++) {
        const a = hits[i]!;
        const b = hits[i + 1]!;
        const close = this.text.wordIndexAt(b.start) - this.text.wordIndexAt(a.start) <= 6;
        const headHit = [a, b].find((h) => h.what === stem(head));
        // "45 election observer missions": missions are what is counted, not who counts them.
        const counted =
          headHit !== undefined && headHit.start >= span.at.end && headHit.start < countedEnd;
        // An organisation is named ("the Central Election Commission"); "constituency election
        // commissions" in lower case are others of its kind.
        const named = k.entity.type !== "organisation" || a.proper || b.proper;
        const last = this.text.words[this.text.wordIndexAt(b.start)];
        // "According to the Central Electoral Commission", "projected … by the National
        // Statistical Office": the words found may start inside the name, so the test of who
        // tells or makes the figure starts where the name does.
        const name =
          last === undefined ? undefined : { start: this.nameStart(a.start), end: last.end };
        const speaks = name !== undefined && (this.isSource(name) || this.isAgent(span, name));
        if (close && a.what !== b.what && headHit !== undefined && !counted && named && !speaks) {
          const at = a.start < span.at.start ? b.start : a.start;
          out.push({ at, end: at, cost: cost(at), ids: [k.entity.id] });
        }
      }
    }
    return out;
  }

  /**
   * Property of a date: `date` unless another date property's label fits the sentence. The
   * start of a period ("since May", "5-12 April" for the 5th) takes a property whose label says
   * start, its end one that says end; without one, the property is left to the annotator, since
   * a period's bound is not the date of anything.
   */
  dateProperty(span: CheckableSpan, role?: "start" | "end" | "superseded"): Guess {
    const properties = [...this.vocabulary.properties.values()].filter((p) => p.type === "date");
    if (properties.length === 0) return { candidates: [] };
    if (role !== undefined) {
      const words = role === "start" ? START_WORDS : role === "end" ? END_WORDS : SUPERSEDED_WORDS;
      const fitting = properties.filter((p) =>
        contentWords(`${p.id.replace(/_/g, " ")} ${p.label}`).some((w) => words.has(w)),
      );
      return fitting.length === 1
        ? { id: fitting[0]!.id, candidates: [fitting[0]!.id] }
        : { candidates: fitting.map((p) => p.id) };
    }
    const { words: around, own } = this.window(span);
    const words = around.filter((w) => w.start >= own.start && w.start < own.end);
    const score = new Map<string, number>();
    for (const p of properties) {
      let matched = 0;
      for (const l of contentWords(p.label))
        if (!DATE_LABEL_COMMON.has(stem(l)) && words.some((w) => wordMatch(l, w.lower) === 1))
          matched++;
      score.set(p.id, matched);
    }
    const best = pick(score, 2, 1);
    if (best.id) return best;
    const fallback = properties.find((p) => p.id === "date") ?? properties[0]!;
    return { id: fallback.id, candidates: [fallback.id], fallback: true };
  }

  /**
   * Property of a count or percentage, from what is counted and the sentence. When the text
   * names what it counts ("16 accredited observers"), only a property that counts the same thing
   * (its label's head noun: "number of observers", not "election observation missions") can be
   * it: "45 election observer missions" is no observer count, "seven member states" no
   * population.
   */
  quantityProperty(span: CheckableSpan): Guess {
    const q = span.quantity;
    if (!q) return { candidates: [] };
    const percent = span.kind === "percent";
    const all = [...this.vocabulary.properties.values()].filter((p) => p.type === "quantity");
    const fitting = all.filter((p) => (p.unit === "percent") === percent);
    let properties = fitting.length > 0 ? fitting : all;
    const counted = q.noun[q.noun.length - 1];
    // "less than 18 years old", "16-year-olds": an age, which only an age property holds, not a
    // length of time ("years in power").
    const age = AGE_AFTER.test(this.text.after(span.at.end, 20));
    if (age) {
      properties = properties.filter((p) => /\bages?\b/i.test(p.label));
      if (properties.length === 0) return { candidates: [] };
    }
    if (!percent && counted !== undefined) {
      properties = properties.filter((p) => countsTheSame(p, counted));
      if (properties.length === 0) return { candidates: [] };
      // "1,800 journalists, including 300 foreign journalists": a label that narrows what is
      // counted by a word another count of the same thing has ("foreign") is that count's.
      const others = this.othersWords(span, counted);
      const own = q.noun.flatMap((w) => w.split("-"));
      const unclaimed = properties.filter(
        (p) => !labelModifiers(p.label).some((m) => others.has(m) && !own.includes(m)),
      );
      if (unclaimed.length > 0) properties = unclaimed;
    }
    const { words: around, own } = this.window(span);
    // The value's clause: "246 people were nominated by 19 political parties, 1,057 were
    // self-nominated, 11 - by initiative groups" holds three counts, each with its own words.
    const clause = this.clause(span, own);
    const words = around.filter((w) => w.start >= clause.start && w.start < clause.end);
    const score = new Map<string, number>();
    for (const p of properties)
      score.set(
        p.id,
        // "old" names the age as the counted noun names what a label counts (see quantityScore).
        quantityScore(p, q.noun, words, (at) => this.distance(span, at)) + (age ? 3 : 0),
      );
    return this.roundOfProperty(span, pick(score, 0.75, 0.5), properties);
  }

  /**
   * "share of votes" beside "share of votes in the first round" and "share of votes in the
   * run-off": when the vocabulary tells a value's rounds apart, which round it is of is the
   * sentence's to say. The one variant whose own words the sentence has is the property; with
   * none (or several), the property is the annotator's to choose among them.
   */
  private roundOfProperty(
    span: CheckableSpan,
    guess: Guess,
    properties: readonly PropertyData[],
  ): Guess {
    const picked = guess.id === undefined ? undefined : this.vocabulary.properties.get(guess.id);
    if (picked === undefined || PART_WORDS.test(picked.label)) return guess;
    const base = contentWords(picked.label);
    const variants = properties.filter(
      (p) =>
        p.id !== picked.id &&
        PART_WORDS.test(p.label) &&
        base.every((w) => contentWords(p.label).includes(w)),
    );
    if (variants.length === 0) return guess;
    const sentence = this.text.sentence(span.at.start);
    const words = this.text.wordsIn(sentence.start, sentence.end).map((w) => w.lower);
    const named = variants.filter((p) => {
      const own = contentWords(p.label).filter((w) => !base.includes(w));
      return own.every((w) => words.some((x) => wordMatch(w, x) === 1));
    });
    if (named.length === 1) return { id: named[0]!.id, candidates: [named[0]!.id, picked.id] };
    return { candidates: [picked.id, ...variants.map((p) => p.id)] };
  }

  /**
   * The words between the sentence's other numbers and the plural they count, when it is
   * `counted`: "300 foreign journalists" has "foreign"; "90,000 observers registered", nothing.
   */
  private othersWords(span: CheckableSpan, counted: string): Set<string> {
    const sentence = this.text.sentence(span.at.start);
    const out = new Set<string>();
    const words = this.text.wordsIn(sentence.start, sentence.end);
    for (let i = 0; i + 1 < words.length; i++) {
      const w = words[i]!;
      if (w.start >= span.at.start && w.start < span.at.end) continue;
      if (!/^\d+$/.test(w.text)) continue;
      const phrase: string[] = [];
      for (const next of words.slice(i + 1, i + 5)) {
        if (/^\d+$/.test(next.text)) continue;
        if (/[^s]s$/.test(next.lower) || PLURAL_NOUNS.has(next.lower)) {
          if (wordMatch(counted, next.lower) === 1) for (const m of phrase) out.add(m);
          break;
        }
        phrase.push(...next.lower.split("-"));
      }
    }
    return out;
  }

  /**
   * "to be held on Dec 7 following the death of the incumbent": what comes after "following",
   * "after" or "because of" is what led to the dated event, not the event.
   */
  private afterSequenceWord(at: number, span: CheckableSpan): boolean {
    if (at < span.at.end) return false;
    // Right after the date: "because" further on may well lead back to the event itself.
    const next = this.text.wordsIn(span.at.end, at).slice(0, 2);
    return next.some((w) => SEQUENCE_WORDS.has(w.lower));
  }

  /** Whether `at` is inside an "as in …," phrase that closes before the value. */
  private inComparison(at: number, span: CheckableSpan): boolean {
    if (at >= span.at.start) return false;
    const t = this.text.text;
    const sentence = this.text.sentence(span.at.start);
    if (at < sentence.start) return false;
    return (
      /(?:^|[,;]\s*)as in\b[^,;]*$/i.test(t.slice(sentence.start, at)) &&
      /[,;]/.test(t.slice(at, span.at.start))
    );
  }

  /**
   * "all the 26 regions of the country", "the country, which consists of 1,192 small islands":
   * the parts a country is divided into are the country's, whoever is deployed to them. "The
   * country" is the place the article names most (or the place named after "of"); when two are
   * named as often, whose it is stays open.
   */
  private countryDivided(span: CheckableSpan, countedEnd: number): Guess | undefined {
    const counted = span.quantity?.noun[span.quantity.noun.length - 1];
    if (span.kind !== "number" || counted === undefined) return undefined;
    const countryIs =
      /\bcountry,? (?:which|that) (consists of|comprises|is made up of|has)\s+(?:\w+\s+){0,2}$/i.exec(
        this.text.before(span.at.start, 60),
      );
    // "the country, which is made up of two semi-autonomous parts": whatever they are called.
    const madeOf = countryIs !== null && countryIs[1]!.toLowerCase() !== "has";
    if (!madeOf && !COUNTRY_PARTS.test(counted)) return undefined;
    const after = this.text.after(countedEnd, 40);
    // "all 26 regions", "the 22 departments": all of them, so the country's; "seven different
    // regions of Moldova" are some of them, where observers went.
    const all = /\b(?:all|all the|the)\s+$/i.test(this.text.before(span.at.start, 10));
    const named = /^ of (?:the )?$/.exec(after.slice(0, after.search(/\p{Lu}|$/u)));
    const ofPlace = named
      ? this.mentions.find((m) => m.type === "place" && m.start === countedEnd + named[0].length)
      : undefined;
    if (ofPlace !== undefined && all) return { id: ofPlace.entity, candidates: [ofPlace.entity] };
    // "the country’s 10 islands": the possessive counts them all too.
    const countrys = /\b(?:the|this|that) country['’]s\s+$/i.test(
      this.text.before(span.at.start, 20),
    );
    const ofCountry = (all && /^ of (?:the|this|that) country\b/i.test(after)) || countrys;
    if (!ofCountry && countryIs === null) return undefined;
    this.articleCountry ??= this.placeNamedMost();
    return this.articleCountry;
  }

  /** Set on first use: "the country" of the article (see placeNamedMost). */
  private articleCountry: Guess | undefined;

  /** The place the article names most, if one is named more than any other; else a choice. */
  private placeNamedMost(): Guess {
    const times = new Map<string, number>();
    for (const m of this.mentions)
      if (m.type === "place") times.set(m.entity, (times.get(m.entity) ?? 0) + 1);
    const ranked = [...times].sort((a, b) => b[1] - a[1]);
    const places = ranked.map(([id]) => id);
    const [first, second] = ranked;
    return first !== undefined && (second === undefined || first[1] > second[1])
      ? { id: first[0], candidates: places }
      : { candidates: places };
  }

  /** A count of places that a verb of going or observing reaches ("deployed to all 11 regions"). */
  private placesReached(span: CheckableSpan): boolean {
    const counted = span.quantity?.noun[span.quantity.noun.length - 1];
    if (span.kind !== "number" || counted === undefined || !PLACES.test(counted)) return false;
    return REACHING.test(this.text.before(span.at.start, 80));
  }

  /**
   * Whether the text ties a date to the event it guessed as the date's subject: "elections
   * scheduled for 15 October", "the election held on February 7 in Azerbaijan", "the January 7
   * polls". A date near an election that the text gives to something else ("arrived in the
   * country on April 3", "sent to Accra on December 5, ahead of the general elections", "In
   * September, the Center was accredited to observe the elections") is not the election's: its
   * property is the annotator's to name. Meetings and the like are dated by their verb ("Today
   * … met"), and documents by their signing, so this is asked of other events only.
   */
  datesTheEvent(span: CheckableSpan, subject: Guess, onlyBefore = false): boolean {
    const id = subject.id;
    if (id === undefined || subject.anchor === undefined) return !onlyBefore;
    if (this.vocabulary.entities.get(id)?.type !== "event" || this.isGathering(id))
      return !onlyBefore;
    // The guess's anchor, or any other word of the sentence that names the event ("the
    // January 7 polls" for a general election).
    const head = this.keyOf.get(id)?.head;
    const election = head !== undefined && SYNONYMS[head] === "election";
    // A date's own full stop ("Nov. 21") does not end its sentence.
    const from = this.text.sentence(span.at.start).start;
    const to = this.text.sentence(span.at.end - 1).end;
    const anchors = [
      subject.anchor,
      ...this.text
        .wordsIn(from, to)
        .filter(
          (w) =>
            (head !== undefined && wordMatch(head, w.lower) > 0) ||
            (election && POLL_WORDS.has(w.lower)),
        ),
    ];
    return anchors.some(
      (a) =>
        (!onlyBefore || a.start >= span.at.end || this.heldOn(span, a)) && this.tiedTo(span, a),
    );
  }

  /** "elections set for October 7", "the poll, held on 4 May": a word of holding ties the two. */
  private heldOn(span: CheckableSpan, anchor: { start: number; end: number }): boolean {
    if (anchor.end > span.at.start) return false;
    const between = this.text.wordsIn(anchor.end, span.at.start);
    // "the election to the 11th Croatian Parliament, which took place on 17 April": a holding
    // verb right before the date reaches further back.
    const reach = between.slice(-3).some((w) => w.lower === "held" || w.lower === "place") ? 12 : 6;
    return between.length <= reach && between.some((w) => HOLDING_WORDS.has(w.lower));
  }

  /**
   * "the August polls", "the 2 June local elections": a date written before the event's noun,
   * as a word describing it, is that event's own date, whatever else the sentence says ("deployed
   * observers to begin long-term observation of the August polls" is no deployment date); so is
   * a date the event is held on ("launched a mission to monitor the elections set for October 7"
   * is no launch date).
   */
  eventItDescribes(span: CheckableSpan): { subject: Guess; property: Guess } | undefined {
    const property = this.fallbackDateProperty();
    if (property.id === undefined) return undefined;
    const subject = this.subject(span, property.id);
    return this.datesTheEvent(span, subject, true) ? { subject, property } : undefined;
  }

  /**
   * Whether a date property's label fits the date's sentence by words other than those naming
   * the subject: "date the long-term observers joined the mission" fits "the OSCE short-term
   * observation missions … in 2012" by "observation" and "missions" alone, which name the
   * missions themselves.
   */
  dateLabelBeyondSubject(span: CheckableSpan, propertyId: string, subjectId: string): boolean {
    const label = this.vocabulary.properties.get(propertyId)?.label;
    const name = this.vocabulary.entities.get(subjectId)?.name;
    if (label === undefined || name === undefined) return true;
    const { words: around, own } = this.window(span);
    const words = around.filter((w) => w.start >= own.start && w.start < own.end);
    const named = contentWords(name);
    return contentWords(label).some(
      (l) =>
        words.some((w) => wordMatch(l, w.lower) === 1) && !named.some((n) => wordMatch(l, n) === 1),
    );
  }

  /** The years of the thing an entity's name names (see ownYears), read once for the article. */
  ownYearsOf(id: string): readonly number[] {
    return this.keyOf.get(id)?.ownYears ?? [];
  }

  fallbackDateProperty(): Guess {
    const properties = [...this.vocabulary.properties.values()].filter((p) => p.type === "date");
    const fallback = properties.find((p) => p.id === "date") ?? properties[0];
    return fallback === undefined
      ? { candidates: [] }
      : { id: fallback.id, candidates: [fallback.id], fallback: true };
  }

  /** Whether a date and an event's noun are one phrase (see datesTheEvent). */
  private tiedTo(span: CheckableSpan, anchor: { start: number; end: number }): boolean {
    const t = this.text.text;
    const words = this.text.words;
    const d0 = this.text.wordIndexAt(span.at.start);
    const d1 = this.text.wordIndexAt(span.at.end) - 1;
    const a0 = this.text.wordIndexAt(anchor.start);
    const a1 = Math.max(a0, this.text.wordIndexAt(anchor.end) - 1);
    if (a0 <= d1 && d0 <= a1) return true;
    // "election observation mission", "Central Election Commission": the noun names something
    // else, of which the event is only a part.
    const next = words[a1 + 1];
    const last = words[a1];
    if (
      next !== undefined &&
      last !== undefined &&
      next.start !== span.at.start &&
      /^\s*$/.test(t.slice(last.end, next.start)) &&
      !EVENT_DATE_LINKS.has(next.lower)
    )
      return false;
    if (d1 < a0) {
      // The date before the noun: only words that describe the event stand between them.
      const between = words.slice(d1 + 1, a0);
      return (
        between.length <= 8 &&
        !between.some((w) => PHRASE_BREAKS.has(w.lower)) &&
        !/[.;:!?\u2013\u2014]| - /.test(t.slice(span.at.end, anchor.start))
      );
    }
    // The noun before the date: only words that hold or place the event ("in the country",
    // "scheduled to be held on"), after what the noun is of ("Elections to the lower chamber of
    // the Belarusian parliament are scheduled for").
    if (/[.;:!?\u2013\u2014]| - /.test(t.slice(anchor.end, span.at.start))) return false;
    let between = words.slice(a1 + 1, d0);
    const held = between.findLastIndex((w) => HOLDING_WORDS.has(w.lower));
    if (held >= 0 && between.length <= 24) between = between.slice(held + 1);
    return (
      between.length <= 10 &&
      between.every((w) => EVENT_DATE_LINKS.has(w.lower) || /^\p{Lu}/u.test(w.text))
    );
  }

  /** An event held on a day at a place: a meeting, a visit, talks, a conference. */
  isGathering(id: string): boolean {
    const k = this.keyOf.get(id);
    if (k?.entity.type !== "event" || k.head === undefined) return false;
    return (
      (SYNONYMS[k.head] ?? SYNONYMS[stem(k.head)]) === "meeting" || OTHER_EVENTS.has(stem(k.head))
    );
  }

  /** The person a title belongs to, from the annotated positions when the text names nobody. */
  titleHolder(span: CheckableSpan): Guess {
    if (span.title?.person) return { id: span.title.person, candidates: [span.title.person] };
    const known = this.priors.positions.get(normalizeName(span.text));
    return known ? { id: known, candidates: [known] } : { candidates: [] };
  }
}

/** Whether the property counts what `noun` names: its label's head noun, or its unit. */
function countsTheSame(p: PropertyData, noun: string): boolean {
  if (p.unit !== undefined && wordMatch(p.unit, noun) === 1) return true;
  const head = labelHead(p.label);
  if (head === undefined) return false;
  // "two decades": a length of time, which a duration (with the unit as a qualifier) holds.
  if (TIME_UNIT.test(noun) && /^(duration|period|length|time|age)$/.test(head)) return true;
  return wordMatch(head, noun) === 1 || samePeople(head, noun);
}

/**
 * What may stand between a person's name and their count: "leads with", "gained", "-", "has
 * been re-elected with".
 */
const PERSON_TO_VALUE =
  /^[\s,:\u2013\u2014-]*(?:(?:is |was |has |has been |had been |been )?(?:leading|leads|led|gained|gains|received|receives|got|gets|won|wins|obtained|scored|collected|clinched|secured|garnered|polled|captured|(?:re-?)?elected)(?: with)?[\s:\u2013\u2014-]*)?$/i;

/**
 * "The opposition UPFA, whose main candidate was Mahinda Rajapakse, garnered 93 seats", "the
 * alliance, led by Raila Odinga, won 45%", "Jeenbekov, a political ally of President Almazbek
 * Atambayev, is leading with 50 percent": a name that ends a clause describing another is not
 * who did what the sentence goes on to tell.
 */
const DESCRIBES_ANOTHER =
  /,\s*(?:whose\b[^,;.]*|(?:which|that) (?:was |is )?(?:led|headed|fronted) by[^,;.]*|(?:led|headed|fronted) by[^,;.]*|(?:an?|the)\s[^,;.]*\bof\s(?:[^,;.]*\s)?)$/i;

/** "and her top candidate": the words before a name that join it to the owner named before. */
const JOINED_TO_ANOTHER = /\band (?:his|her|its|their) (?:[\p{L}-]+ ){0,3}$/iu;

/** "Ismail Omar Guelleh, who has ruled the nation for a record 22 years": the person's time. */
const PERSON_IN_OFFICE =
  /^,?\s*(?:who\s+)?(?:has|had)\s+(?:ruled|led|governed|served|reigned|been in power)\b[^.,;]{0,40}\bfor\s+(?:a\s+record\s+)?$/i;

/** Nouns that count people. */
/**
 * Capitalised words of names that say what kind of thing an entity is rather than which one
 * ("Election", "Mission"): an article may name the entity without them.
 */
const KIND_WORDS = new Set(
  `election elections electoral presidential parliamentary parliament local municipal general early
  snap mission missions observation observer observers monitoring commission committee central
  executive assembly office organization organisation council union party delegation group team
  conference meeting press international national state republic secretary chairman head
  summit session visit decree law referendum vote voting round first second the of and for to in
  on at by long short term legislative legislature gubernatorial mayoral regional provincial
  federal primary runoff run-off by-election`.split(/\s+/),
);

/**
 * Whether a name has a word of its own ("Tajik", "ODIHR", "Lebedev"; not "Election") that the
 * article never uses: not as a capitalised word with its first four letters ("Tajikistan" for
 * "Tajik", "Panakhov" for "Panahov"), nor as any word with its first six ("announced" for
 * "Announcement"). Then the article is not about that entity, unless it names it outright.
 * ("political" is no trace of "Polish", nor "international" of "Inter-Parliamentary".)
 */
function namesOwnWordsAbsent(name: string, text: string, lowerText: string): boolean {
  for (const word of name.match(/[\p{Lu}][\p{L}\p{M}'’-]*/gu) ?? []) {
    const lower = word.toLowerCase().replace(/['’]s$/, "");
    if (lower.length < 3 || KIND_WORDS.has(lower) || MONTHS_WORDS.test(lower)) continue;
    const long = escapeRegExp(lower.slice(0, 6));
    if (new RegExp(`(?:^|[^\\p{L}])${long}`, "u").test(lowerText)) continue;
    const [first = "", ...rest] = [...lower.slice(0, 4)];
    const anyCase = rest
      .map((c) => `[${escapeRegExp(c)}${escapeRegExp(c.toUpperCase())}]`)
      .join("");
    const proper = new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(first.toUpperCase())}${anyCase}`, "u");
    if (!proper.test(text)) return true;
  }
  return false;
}

/** A month's name or its abbreviation; not every word that starts like one ("Maryland", "Decatur"). */
const MONTHS_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;

/** Words after an organisation's name that make it its group ("CIS observers", "SCO mission"). */
/** Places observers are sent to or observe in, as counted ("16 regions", "77 polling centers"). */
const PLACES =
  /^(regions?|districts?|provinces?|prefectures?|governorates?|cities|towns?|villages?|constituenc(?:y|ies)|counties|county|municipalit(?:y|ies)|departments?|states?|countries|country|areas?|locations?|sites?|stations?|cent(?:er|re)s?|precincts?|units?)$/;

/** What a country is divided into: "the 26 regions of the country". */
const COUNTRY_PARTS =
  /^(regions?|districts?|provinces?|counties|county|municipalit(?:y|ies)|departments?|states?|governorates?|prefectures?|oblasts?|cantons?|islands?|atolls?)$/;

/** Words naming a part of an event: its rounds, phases, stages, a runoff. */
const PART_WORDS = /\b(?:rounds?|phases?|stages?|run-?offs?|second ballot)\b/i;

/** A verb of going or observing, and at most five words before the count it reaches. */
const REACHING =
  /\b(?:deployed|deploy|spread|stationed|placed|posted|observed|observe|visited|visit|monitored|monitor|covered|cover|covering|travell?ed|sent)\b(?:\s+[^\s.;:!?]+){0,5}\s+$/i;

const ITS_GROUP = /^(observers?|monitors?|representatives?|delegates?|delegations?|missions?)$/;

/** A party's name ("Swiss People's Party", "Parti Socialiste", "Labour Party"). */
const PARTY = /\b(?:party|parti|partido|partei|partij)\b/i;
/** A property label that counts what was won ("seats won", "number of seats obtained"). */
const WON_LABEL = /\b(?:won|win|wins|obtained|gained|secured)\b/i;
/** A verb right before a count of places that makes them someone's win ("won 24 constituencies"). */
const WON =
  /\b(?:won|wins|win|winning|took|takes|carried|swept|secured|captured|gained|held)\s+(?:(?:a|the|only|all|just|some|over|nearly|almost)\s+)?$/i;
/** The places an election is held in, as the last word of what a count counts. */
const ELECTION_PLACES =
  /^(?:constituencies|districts|stations|centers|centres|booths|precincts|places)$/;
/** What an election is made of, as the last word of what a count counts. */
const ELECTION_MAKEUP =
  /^(?:voters|electors|stations|centers|centres|booths|candidates|lists|seats|constituencies|districts|deputies|mayors|councilors|councillors|representatives|senators)$/;
/** Words naming a body that an election fills or that runs one. */
const ELECTION_BODY =
  /\b(?:assembly|parliament|council|congress|senate|commission|committee|board|authority)\b/i;
const PEOPLE =
  /^(members?|representatives?|delegates?|observers?|experts?|monitors?|officials?|staff|personnel|journalists?|reporters?|correspondents?)$/;

const TIME_UNIT = /^(years?|decades?|months?|weeks?|days?|hours?|centuries|century)$/;
/** What follows a number that is someone's age: "18 years old", "16-year-olds". */
const AGE_AFTER = /^(?:[ -]years?[ -]olds?\b|[ -]yrs?\.? old\b)/i;

/** "observers" and "persons" or "people": a count of people either way. */
function samePeople(head: string, noun: string): boolean {
  return KINDS_OF_PEOPLE.test(head) && KINDS_OF_PEOPLE.test(noun);
}

/**
 * Nouns for people, one of which a text may use for another ("358 OSCE representatives" are
 * observers, "6,478,623 people on the voter list" voters); the label's words and the sentence
 * then choose between the properties that count people.
 */
const KINDS_OF_PEOPLE =
  /^(people|persons?|individuals?|members?|representatives?|delegates?|observers?|experts?|monitors?|voters?|candidates?)$/;

/**
 * What a quantity property counts, from its label: the noun before any preposition, the first
 * plural there ("registered candidates", "election observation missions conducted", "polling
 * stations abroad", "number of observers", "population of member states").
 */
export function labelHead(label: string): string | undefined {
  const bare = label.toLowerCase().replace(/^(?:the )?(?:number|count|total) of (?:the )?/, "");
  const before =
    bare.split(/\s+(?:of|with|by|from|in|for|to|without|at|on|per|abroad|across)\b/)[0] ?? bare;
  const words = before.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.find((w) => /[^s]s$/.test(w) || PLURAL_NOUNS.has(w)) ?? words[words.length - 1];
}

/** The words of a label before its head noun: "foreign" in "number of foreign journalists". */
function labelModifiers(label: string): string[] {
  const head = labelHead(label);
  const words = contentWords(label.replace(/^(?:the )?(?:number|count|total|share) of /i, ""));
  const at = head === undefined ? -1 : words.indexOf(head);
  return at <= 0 ? [] : words.slice(0, at).flatMap((w) => w.split("-"));
}

const PLURAL_NOUNS = new Set(["people", "men", "women", "children", "staff", "personnel"]);

function quantityScore(
  p: PropertyData,
  written: readonly string[],
  words: readonly Word[],
  distance: (at: number) => number,
): number {
  let score = 0;
  const label = contentWords(p.label.replace(/^(number|share) of /, ""));
  // "22 Long Term Observers" for "long-term observers": a compound is counted as one word of
  // the label, however the text writes it.
  const noun = written.flatMap((w) => w.split("-"));
  // Each word of what is counted backs one word of the label: "voters who cast their vote"
  // is not twice a count of voters.
  const used = new Set<number>();
  for (const l of label) {
    // "runoff" is "run-off" written solid.
    const parts = l.replace(/^(run)(offs?)$/, "$1-$2").split("-");
    if (parts.length > 1) {
      const at = parts.map((part) =>
        noun.findIndex((n, i) => !used.has(i) && wordMatch(part, n) > 0),
      );
      if (at.every((i) => i >= 0)) {
        score += 3 * Math.min(...at.map((i, k) => wordMatch(parts[k]!, noun[i]!)));
        for (const i of at) used.add(i);
        continue;
      }
    }
    let best = -1;
    for (let i = 0; i < noun.length; i++)
      if (
        wordMatch(l, noun[i]!) > 0 &&
        (best < 0 || wordMatch(l, noun[i]!) > wordMatch(l, noun[best]!))
      )
        best = i;
    if (best >= 0) {
      if (!used.has(best)) score += 3 * wordMatch(l, noun[best]!);
      used.add(best);
      continue;
    }
    const near = Math.max(
      0,
      ...words.map((w) => (wordMatch(l, w.lower) * 1) / (1 + distance(w.start) / 4)),
    );
    // A word the text lacks counts against the label, and "run-off" as much as "first round".
    score += near > 0 ? near : -0.5 * parts.length;
  }
  if (p.unit && noun.some((n) => wordMatch(p.unit!, n) === 1)) score += 3;
  if (p.description) {
    const described = contentWords(p.description);
    if (noun.some((n) => described.some((d) => wordMatch(d, n) === 1))) score += 2;
  }
  return score;
}

/**
 * The anchors nearest first, those at one place made one: "observer mission" fits every
 * mission, and the other words of the sentence must tell them apart.
 */
function mergeAnchors(anchors: readonly Anchor[]): Anchor[] {
  const byPlace = new Map<number, Anchor>();
  for (const a of anchors) {
    const same = byPlace.get(a.at);
    if (same) same.ids = [...new Set([...same.ids, ...a.ids])];
    else byPlace.set(a.at, { ...a, ids: [...a.ids] });
  }
  return [...byPlace.values()].sort((a, b) => a.cost - b.cost || a.at - b.at);
}

/** A subject a rule read the value's owner from (see Guess.basis). */
function ownedBy(id: string): Guess {
  return { id, candidates: [id], basis: "owner" };
}

/** The best candidate if it scores at least `min` and leads the next by `margin`. */
function pick(score: Map<string, number>, min: number, margin: number): Guess {
  const ranked = [...score.entries()]
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  const candidates = ranked.slice(0, 3).map(([id]) => id);
  if (first && first[1] >= min && (!second || first[1] - second[1] >= margin))
    return { id: first[0], candidates };
  return { candidates };
}

/** "BAKU": a word in capitals (a dateline place) says nothing about the subject. */
function isCaps(w: Word): boolean {
  return w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{L}/u.test(w.text);
}
