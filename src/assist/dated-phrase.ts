/**
 * What a date dates, read from the words around it, for `suggest` (suggest.ts): whether its
 * sentence names a part of the election or an event around it ("Diaspora voting", "Vote
 * counting", "sworn in") that the proposed subject does not, which makes the date a lead.
 */
import type { Vocabulary } from "../model/project.js";
import type { CheckableSpan } from "./checkable.js";
import type { AssistText } from "./text.js";

/** The first round of a vote held in two, and the run-off ("a second, knockout round", "the final vote"). */
const FIRST_ROUND = /\bfirst (?:round|ballot)\b/i;
const RUN_OFF =
  /\b(?:run-?offs?|second(?:,? [a-z-]+)? round|second ballot|final round|final (?:election|vote|ballot)(?! results?\b| counts?\b| tally\b))\b/i;

/**
 * Parts of an election and events around it, each with the words that name it. A sentence
 * that dates one ("Diaspora voting will take place on Saturday, June 24", "Vote counting for
 * the regional elections started on Monday", "She will be sworn in on 27 October", "a run-off
 * on November 13") dates that part, which a vocabulary often lacks or names apart from the
 * election the sentence also names.
 */
const PART_EVENTS: readonly RegExp[] = [
  /\b(?:count(?:ing)?|recount|tally|tallying)\b/i,
  RUN_OFF,
  /\b(?:diaspora|abroad|overseas|expatriates?)\b/i,
  /\b(?:online|postal|absentee|mail-in|remote electronic)\b/i,
  /\b(?:advance|early) (?:vot|poll|ballot)/i,
  /\b(?:sworn|swear|swearing)\b/i,
  /\binaugura/i,
  /\bmeetings?\b/i,
  /\bregistration\b/i,
  /\bnominations?\b/i,
  /\bcampaign(?:ing|s)?\b/i,
  /\bdebates?\b/i,
];

/**
 * Whether the sentence, before a date, names a part of the election or an event around it
 * (PART_EVENTS) that neither the proposed subject's names nor the property's label name: the
 * date is that part's, and whose it is in the vocabulary is the annotator's to say. Or the other
 * way round, for a phase: the subject is a phase of the vote and the words the date dates name
 * none.
 */
export function partEventUnnamed(
  text: AssistText,
  span: CheckableSpan,
  subject: string | undefined,
  property: string | undefined,
  vocabulary: Vocabulary,
): boolean {
  if (subject === undefined) return false;
  const entity = vocabulary.entities.get(subject);
  const own = [
    subject.replace(/_/g, " "),
    entity?.name ?? "",
    ...(entity?.aliases ?? []),
    property?.replace(/_/g, " ") ?? "",
    (property && vocabulary.properties.get(property)?.label) ?? "",
  ].join(" | ");
  const phrase = datedPhrase(text, span);
  if (PART_EVENTS.some((part) => part.test(phrase) && !part.test(own))) return true;
  // "six confirmed after a first round on November 12": not the run-off's day.
  if (FIRST_ROUND.test(phrase) && RUN_OFF.test(own) && !FIRST_ROUND.test(own)) return true;
  // The other way round: "the phase VII … of the 2024 Lok Sabha polls" dates the polls, not the
  // phase of them that the sentence also names.
  const name = [entity?.name ?? "", ...(entity?.aliases ?? [])].join(" | ");
  return PHASE.test(name) && !PHASE.test(phrase);
}

/** A phase of a vote held in several, which a subject may be. */
const PHASE = /\bphases?\b/i;

/** Nouns for a vote, whose date a date next to them is. */
const VOTE_NOUN =
  "(?:elections?|polls?|votes?|voting|referend(?:um|a)|run-?offs?|ballots?|by-elections?|primar(?:y|ies)|caucus(?:es)?)";
/** "the June 7 elections", "the 2021 municipal election's": the date is part of the noun's name. */
const NOUN_AFTER = new RegExp(String.raw`^(?:['’]s)?(?: [\p{L}-]+){0,3}? ${VOTE_NOUN}\b`, "iu");
/** Words that make a noun's date after them: "held", "scheduled", "set" (for it). */
const PARTICIPLES =
  "(?:held|set|scheduled|slated|planned|due|expected|called|to be held|taking place)";
/**
 * "elections on", "the run-off election held on", "the election is set for": the noun the date
 * follows.
 */
const NOUN_BEFORE = new RegExp(
  String.raw`(?:[\p{L}-]+ ){0,3}${VOTE_NOUN}(?: day)?(?: (?:(?:which|that) )?(?:is|are|was|were|will be|has been|have been|had been))?(?: ${PARTICIPLES})?(?: (?:on|for|of|in|from))? $`,
  "iu",
);
/**
 * "… of deputies of the Mejlis held on": up to six words before a participle, the noun it dates;
 * not after "be" ("it will be held on"), whose subject is the sentence's.
 */
const BEFORE_PARTICIPLE = new RegExp(
  String.raw`(?<![\p{L}\d’'-])((?:[\p{L}\d’'-]+ ){0,5}(?!(?:be|been|being|is|are|was|were) )[\p{L}\d’'-]+ )${PARTICIPLES}(?: (?:on|for|in))? $`,
  "iu",
);

/**
 * The words that say what a date dates: the noun of a vote it names ("the June 7 elections"); or
 * the one it follows, with up to three words before it ("a run-off election on November 13"),
 * and what that noun is the complement of ("Voting abroad for the election will take place
 * on"); or what a participle before it follows ("… of the Mejlis held on"); else the sentence
 * before it ("Diaspora voting will take place on Saturday, June 24"), unless the date is the
 * second of two ("September 12 as nomination day and September 22"). Then "for" or "as" right
 * after it ("from 21 until 23 November for expatriates").
 */
function datedPhrase(text: AssistText, span: CheckableSpan): string {
  const before = text.sentenceBefore(span.at.start, 120);
  // Not cut at the sentence's end: "Oct. 19 general election" may be cut at "Oct.".
  const after = text.after(span.at.end, 60).split(/[.!?;:]\s/)[0]!;
  // "the November 4, 2014, general election": a comma after the year, American style.
  const named = NOUN_AFTER.exec(/\d{4}$/.test(span.text) ? after.replace(/^,/, "") : after);
  if (named) return `${span.text}${named[0]}`;
  const forWhom = /^,? (?:for|as) [^,;]*?(?= and\b|,|$)/i.exec(after)?.[0] ?? "";
  const follows = NOUN_BEFORE.exec(before);
  if (follows) {
    const ahead = before.slice(0, follows.index);
    if (/\b(?:for|of|in|at|to)(?: the)?(?: \d{4})? $/i.test(ahead))
      return `${ahead.split(" ").slice(-7).join(" ")}${follows[0]}${forWhom}`;
    // "the final round of legislative elections held on": the word that says which round.
    const which = /^[\p{L}-]+ of /u.test(follows[0]) ? (/[\p{L}-]+ $/u.exec(ahead)?.[0] ?? "") : "";
    return `${which}${follows[0]}${forWhom}`;
  }
  const participle = BEFORE_PARTICIPLE.exec(before);
  if (participle) {
    const words = participle[1]!;
    // "… held on May 5 and the run-off set for": the second noun's; but "the second round will
    // be determined and set for" joins two verbs of one noun.
    const and = words.lastIndexOf(" and ");
    const second = and < 0 ? "" : words.slice(and + 5);
    return `${second === "" ? words : second}${forWhom}`;
  }
  if (/\band $/i.test(before)) return forWhom;
  return `${before}${forWhom}`;
}
