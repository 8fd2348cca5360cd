/**
 * Suggested claims for the statements no claim covers yet, in the claims file's own shape:
 * typed values (dates resolved against the publication date, number words as numbers, hedges
 * as `approximate`, percentages), a short unique evidence quote, a subject and property where
 * the vocabulary and the sentence give a clear guess, and `TODO` with the candidates otherwise.
 * Every suggestion is `status: suggested`: it is not compared until someone accepts it.
 *
 * A date, count or status is a claim only with its subject and property: one whose subject or
 * property the assistant cannot tell is a lead (the value and where it is), not a proposal,
 * unless `withTodos` asks for drafts with TODOs. A name keeps its TODO subject: it is a name
 * the vocabulary lacks, and the draft is what to add.
 */
import { compareDates, isDateError, parseDateValue } from "../compare/date.js";
import type { Source, Vocabulary } from "../model/project.js";
import type { EvidenceData, QualifiersData } from "../validate/schema.js";
import { CLAIM_ID } from "../validate/schema.js";
import type { ArticleAnalysis, CheckableKind, CheckableSpan } from "./checkable.js";
import type { ArticleCoverage } from "./coverage.js";
import { partEventUnnamed } from "./dated-phrase.js";
import type { FoundDate } from "./dates.js";
import { type Guess, Guesser, type Priors } from "./guess.js";
import { chooseEvidence } from "./quote.js";
import type { AssistText } from "./text.js";

export const TODO = "TODO";

export interface SuggestedClaim {
  id: string;
  subject: string;
  property: string;
  value: string | number | boolean;
  qualifiers?: QualifiersData;
  evidence: EvidenceData;
  status: "suggested";
}

export interface Suggestion {
  claim: SuggestedClaim;
  /** Shown above the claim: where it comes from. */
  comment: string;
  /** Shown after a TODO field: what the annotator should choose from. */
  todo: { subject?: string; property?: string };
  kind: CheckableKind;
  /** The value's span in the article (code points). */
  span: CheckableSpan;
  /** The evidence quote's span in the article (code points). */
  evidenceSpan: { start: number; end: number; line: number };
}

export interface SuggestInput {
  analysis: ArticleAnalysis;
  coverage: ArticleCoverage;
  source: Pick<Source, "published" | "claimsFile" | "claims" | "shortName">;
  vocabulary: Vocabulary;
  priors: Priors;
  /** Claim ids already used anywhere in the project. */
  usedIds: ReadonlySet<string>;
  /**
   * The project's other claims files: where one shares this file's id prefix, the ids also carry
   * a tag from the file name, so that suggestions printed for two articles never share an id.
   */
  others?: readonly Pick<Source, "claimsFile" | "claims" | "shortName">[];
  /** Propose dates, counts and statuses with a TODO subject or property too, as drafts. */
  withTodos?: boolean;
}

/** A value found without its subject or property: where it is and what it might be. */
export type Lead = Omit<Suggestion, "claim"> & { claim: Omit<SuggestedClaim, "id"> };

export interface Suggestions {
  /** Claims to review, in the article's order. */
  proposed: Suggestion[];
  /** Values found but not proposed (none with `withTodos`), in the article's order. */
  leads: Lead[];
  /**
   * Values not proposed because the claims file already has their fact (the same subject,
   * property, value and as-of date) at another mention: a headline or dateline repeating it.
   */
  restated: number;
}

/** Kinds whose subject and property are a relation the assistant guesses, not a name it reads. */
const RELATION_KINDS: ReadonlySet<CheckableKind> = new Set(["date", "number", "percent", "status"]);

/** Whether a draft is a lead rather than a proposal (see the module's comment). */
export function isLead(s: {
  kind: CheckableKind;
  claim: Pick<SuggestedClaim, "subject" | "property">;
}): boolean {
  return RELATION_KINDS.has(s.kind) && (s.claim.subject === TODO || s.claim.property === TODO);
}

const TIME_UNITS = new Set(["years", "decades", "months", "weeks", "days", "hours", "centuries"]);

export function suggestClaims(input: SuggestInput): Suggestions {
  const { analysis, coverage, source, vocabulary } = input;
  const quantities = analysis.spans.filter((s) => s.quantity !== undefined);
  const guesser = new Guesser(
    analysis.text,
    analysis.mentions,
    vocabulary,
    input.priors,
    source.published,
    quantities,
  );
  const ids = new IdMaker(suggestionIdPrefix(source, input.others ?? []), input.usedIds);
  const proposed: Suggestion[] = [];
  const leads: Lead[] = [];
  const drafted: Lead[] = [];
  for (const statement of coverage.statements) {
    if (statement.state !== "uncovered") continue;
    const span = statement.spans[0]!;
    for (const draft of drafts(span, guesser, vocabulary, source.published, analysis.text)) {
      const around = draft.quote ?? span.at;
      const chosen = chooseEvidence(analysis.text, around.start, around.end, draft.bare);
      const where = analysis.text.span(chosen.start, chosen.end);
      const evidence: EvidenceData =
        chosen.evidence.prefix === undefined && chosen.evidence.suffix === undefined
          ? chosen.evidence.quote
          : {
              quote: chosen.evidence.quote,
              ...(chosen.evidence.prefix === undefined ? {} : { prefix: chosen.evidence.prefix }),
              ...(chosen.evidence.suffix === undefined ? {} : { suffix: chosen.evidence.suffix }),
            };
      const qualifiers = draft.qualifiers;
      const found: Lead = {
        claim: {
          subject: draft.subject.id ?? TODO,
          property: draft.property.id ?? TODO,
          value: draft.value,
          ...(qualifiers && Object.keys(qualifiers).length > 0 ? { qualifiers } : {}),
          evidence,
          status: "suggested",
        },
        comment: `line ${span.line}: ${describe(span)}${
          statement.spans.length > 1 ? ` (${statement.spans.length} mentions)` : ""
        }`,
        todo: {
          ...(draft.subject.id === undefined ? { subject: todoText("entity", draft.subject) } : {}),
          ...(draft.property.id === undefined
            ? { property: todoText("property", draft.property) }
            : {}),
        },
        kind: span.kind,
        span,
        evidenceSpan: { start: where.start, end: where.end, line: where.line },
      };
      if (!input.withTodos && isLead(found)) leads.push(found);
      else drafted.push(found);
    }
  }
  // The other dates drafted for a draft's subject and property.
  const otherDates = (d: Lead): (Lead & { claim: { value: string } })[] =>
    drafted.filter(
      (o): o is Lead & { claim: { value: string } } =>
        o !== d &&
        o.kind === "date" &&
        o.claim.subject === d.claim.subject &&
        o.claim.property === d.claim.property &&
        typeof o.claim.value === "string",
    );
  // "the August polls" beside "9 August": a date of one subject and property that another
  // proposal gives more precisely is a lead, not a second proposal (some annotators claim both).
  const redundant = (d: Lead) =>
    d.kind === "date" &&
    typeof d.claim.value === "string" &&
    otherDates(d).some((o) => o.claim.value.startsWith(`${d.claim.value}-`));
  // "scheduled for 20 December … now to be held on 15 January", or a registration's day and the
  // election's both read as the election's: one article giving one subject and property two
  // dates that the report would call a conflict (neither within the other) says that at least
  // one was misread, and not which. Both are leads, for the annotator to place. (A fact that
  // changed, like a postponed vote, is a claim of each date with a note, which is the
  // annotator's to write.)
  const contradicted = (d: Lead) => {
    const value = d.claim.value;
    return (
      d.kind === "date" &&
      typeof value === "string" &&
      otherDates(d).some(
        (o) =>
          datesConflict(o.claim.value, value, source.published) &&
          sameAsOf(o.claim.qualifiers?.as_of, d.claim.qualifiers?.as_of),
      )
    );
  };
  // "the 2023 presidential election", read in 2023: a bare year that is the article's own names
  // the event it reports, whose day is what annotators claim; on the held-out folders they left
  // such a year unclaimed at that mention nearly half the time (28 of 63). A lead, not a claim.
  const ownYear = (d: Lead) =>
    d.kind === "date" &&
    typeof d.claim.value === "string" &&
    /^\d{4}$/.test(d.claim.value) &&
    d.claim.value === source.published?.slice(0, 4);
  // The election's day claimed in the body, given again by the dateline or a caption: the
  // annotator has the fact, and a second claim of it would compare nothing new.
  const claimed = (d: Lead) =>
    source.claims.some(
      (c) =>
        c.subject === d.claim.subject &&
        c.property === d.claim.property &&
        sameRawValue(c.value, d.claim.value) &&
        sameAsOf(c.qualifiers.as_of, d.claim.qualifiers?.as_of),
    );
  let restated = 0;
  // Ids are given to proposals only, so that they run without gaps.
  for (const d of drafted)
    if (claimed(d)) restated++;
    else if (!input.withTodos && (redundant(d) || contradicted(d) || ownYear(d))) leads.push(d);
    else proposed.push({ ...d, claim: { id: ids.next(), ...d.claim } });
  return { proposed, leads, restated };
}

/** Whether two dates as written conflict as the report compares them (apart, neither within the other). */
function datesConflict(a: string, b: string, published: string): boolean {
  const [x, y] = [parseDateValue(a, { published }), parseDateValue(b, { published })];
  return !isDateError(x) && !isDateError(y) && compareDates(x, y).relation === "conflict";
}

/** Whether two as-of dates are the same, an empty one being none. */
function sameAsOf(a: string | undefined, b: string | undefined): boolean {
  return (a || undefined) === (b || undefined);
}

/** Whether a claim's value, as written, is the value a suggestion gives (7 and 7.0; " held" and "held"). */
function sameRawValue(written: string | number | boolean, suggested: string | number | boolean) {
  if (typeof written === "string" && typeof suggested === "string")
    return written.trim() === suggested.trim();
  return written === suggested;
}

interface Draft {
  subject: Guess;
  property: Guess;
  value: string | number | boolean;
  qualifiers?: QualifiersData;
  /** Quote the span alone if it is unique (names and titles). */
  bare: boolean;
  /** What to quote, when not the span itself (normalised offsets). */
  quote?: { start: number; end: number };
}

function drafts(
  span: CheckableSpan,
  guesser: Guesser,
  vocabulary: Vocabulary,
  published: string,
  text: AssistText,
): Draft[] {
  const known = (id: string): Guess =>
    vocabulary.properties.has(id) ? { id, candidates: [id] } : { candidates: [] };
  /** A name or title exactly as the article writes it (its quote marks too). */
  const written = (s: CheckableSpan) => text.original(s.at.start, s.at.end);
  switch (span.kind) {
    case "date": {
      const d = span.date!;
      // "Trend reports on Feb. 9": the report's own date.
      if (d.ofReport) return [];
      const qualifiers: QualifiersData = {};
      // "missions since 2004", "the first election since 2005": the year something starts
      // from, rarely the date of what the sentence tells; annotators claim some (the last
      // election's year), so it is a lead, never a proposal.
      if (d.precision === "year" && (d.bound === "since" || d.bound === "from")) {
        const property = guesser.dateProperty(span, "start");
        return [
          {
            subject: { candidates: guesser.subject(span, property.id, true).candidates },
            property: { candidates: property.candidates },
            value: d.value,
            qualifiers,
            bare: false,
          },
        ];
      }
      // "Mahama, born in 1958 in the Savannah region": a person's birth, not the date of an
      // event the sentence names; who was born is the annotator's to say (a lead), with the
      // vocabulary's property for it when there is one.
      if (/\bborn\s+(?:on\s+|in\s+)?$/i.test(text.before(span.at.start, 15))) {
        const birth = [...vocabulary.properties.values()].filter(
          (p) => p.type === "date" && /\bbirth/i.test(`${p.id.replace(/_/g, " ")} ${p.label}`),
        );
        return [
          {
            subject: { candidates: [] },
            property:
              birth.length === 1
                ? { id: birth[0]!.id, candidates: [birth[0]!.id] }
                : { candidates: birth.map((p) => p.id) },
            value: d.value,
            qualifiers: d.impliedYear ? { year: "publication" } : {},
            bare: false,
          },
        ];
      }
      if (d.impliedYear || d.relative) qualifiers.year = "publication";
      if (d.impliedYear)
        qualifiers.note = `"${d.text}" gives no year: ${d.value.slice(0, 4)} is the year closest to the publication date (${published}); check it.`;
      else if (d.relative)
        qualifiers.note = `"${d.text}", counted from the publication date (${published}).`;
      if (d.until === undefined && isSupersededDate(text, span)) {
        // "the election, originally scheduled for February 25": a date given up, not the
        // event's; claimed as its date, it would conflict with the day the event was held.
        // Only a property for such dates ("date first scheduled") fits; without one, a lead.
        const property = guesser.dateProperty(span, "superseded");
        return [
          {
            subject: guesser.subject(span, property.id),
            property,
            value: d.value,
            qualifiers,
            bare: false,
          },
        ];
      }
      // A period ("5-12 April 2018") is a start and an end, not one date. Hours on one day ("from
      // 7am to 3pm on July 29", "from 6pm on Thursday 23 June") are when on it, and the day is
      // the day of what they time, not its start.
      const hours = d.until === undefined && CLOCK_TIME.test(d.text);
      const parts: { role: "start" | "end" | undefined; value: string }[] =
        d.until === undefined
          ? [
              {
                role: hours ? undefined : (boundRole(d.bound) ?? verbRole(text, span)),
                value: d.value,
              },
            ]
          : [
              { role: "start", value: d.value },
              { role: "end", value: d.until },
            ];
      const out: Draft[] = [];
      for (const part of parts) {
        const dateline = isDatelineDate(text, span);
        // "today's elections", "this year's island-wide general election": the event it dates.
        const ofEventNamed =
          /^['’]s (?:[\p{L}-]+ ){0,2}(?:elections?|polls?|vote|voting|referendum|run-?off)\b/iu.test(
            text.after(span.at.end, 50),
          );
        // Relative dates too, when they name the event: as "the August polls" do.
        const ofEvent =
          part.role === undefined && (!d.relative || ofEventNamed) && !dateline
            ? guesser.eventItDescribes(span)
            : undefined;
        let property = ofEvent?.property ?? guesser.dateProperty(span, part.role);
        // "by 2026" is a deadline, not the end of a mission's work.
        const period = part.role !== undefined && d.bound !== "by";
        // A dateline dates the report, and "today" the day of writing: each dates the meeting
        // or visit the report tells of ("Today I was received by the President"), not the
        // election it goes on to mention, nor "Today, the SCO covers…". Without such a subject,
        // it is no claim. ("February 7 this year" names its day; only its year is relative.)
        const onlyRelative = d.relative && !d.weekday && !ofEventNamed && !/\d/.test(d.text);
        const gatheringOnly = onlyRelative || dateline;
        let subject = ofEvent?.subject ?? guesser.subject(span, property.id, period, gatheringOnly);
        // "missions to Serbia and Belarus in 2012" fits "date the long-term observers joined
        // the mission" only by the words that name the subject: the date is the subject's own.
        if (
          part.role === undefined &&
          property.id !== undefined &&
          !property.fallback &&
          subject.id !== undefined &&
          !guesser.dateLabelBeyondSubject(span, property.id, subject.id)
        ) {
          property = guesser.fallbackDateProperty();
          subject = guesser.subject(span, property.id, period, gatheringOnly);
        }
        // "today" with no meeting or visit to date (not "a week later": later than what the
        // text tells, not than the publication): when something was done on it ("the
        // Commission said today", "observers arrived today"), a day annotators often claim of
        // something the vocabulary may lack, so a lead with the candidates the sentence gives;
        // else ("Today, the SCO covers …", "would hold a concert today") no claim.
        if (gatheringOnly && subject.id === undefined && !dateline) {
          if (/\b(?:later|earlier|after|before)\b/i.test(d.text) || !doneOn(text, span)) return [];
          const near = guesser.subject(span, property.id, period);
          out.push({
            subject: { candidates: near.id === undefined ? near.candidates : [near.id] },
            property: property.fallback ? { candidates: property.candidates } : property,
            value: part.value,
            qualifiers: { ...qualifiers },
            bare: false,
          });
          continue;
        }
        // "arrived on April 3 … to observe the elections": not the election's date, nor, when a
        // property fits ("core team arrival date"), the election's arrival of anything: a lead,
        // without the property that only fell back to `date`, or without the subject.
        const untied = !dateline && !guesser.datesTheEvent(span, subject);
        // "on Sunday": which Sunday rests on the tense around it, and whose day it is on a
        // reading of the sentence; on the development folders 14 of 32 such guesses were
        // wrong, so the day found is a lead, its subject the annotator's to confirm. So
        // is "today" in someone's words ("“Today, the voter has spoken,” he said on
        // Wednesday"): it counts from the day they spoke, not from the publication.
        // "this year's state election": its year, which on articles not tuned on no annotator
        // claimed (0 of 3 proposed; 5 of 6 on the development folders), the election's own date
        // being told elsewhere or not at all. A lead.
        const relativeYear = d.relative && d.precision === "year" && !/\d/.test(d.text);
        const unsure =
          untied ||
          relativeYear ||
          (d.precision === "year" && inHeading(text, span)) ||
          partEventUnnamed(text, span, subject.id, property.id, vocabulary) ||
          d.weekday === true ||
          (d.relative && insideQuotation(text, span));
        // "the elections" in an article on three: the words around chose one of the elections
        // the noun fits, which on the held-out articles was right for 1 date in 6.
        const chosen = subject.basis === "choice";
        const value = yearFromName(part.value, d.impliedYear, property.id, subject.id, guesser);
        out.push({
          subject:
            (unsure && !property.fallback) || chosen ? { candidates: subject.candidates } : subject,
          property: unsure && property.fallback ? { candidates: property.candidates } : property,
          value,
          qualifiers: { ...qualifiers },
          bare: false,
        });
      }
      return out;
    }
    case "number":
    case "percent": {
      const q = span.quantity!;
      let property = guesser.quantityProperty(span);
      const unit =
        property.id === undefined ? undefined : vocabulary.properties.get(property.id)?.unit;
      const qualifiers: QualifiersData = {};
      if (q.hedge) qualifiers.approximate = q.hedge;
      if (span.kind === "percent" && unit !== "percent") qualifiers.unit = "percent";
      const noun = q.noun[q.noun.length - 1];
      if (span.kind === "number" && unit === undefined && noun && TIME_UNITS.has(noun))
        qualifiers.unit = noun;
      if (q.fraction)
        qualifiers.note = `"${q.numberText}" as a percentage (${q.value}); the text gives a fraction.`;
      // "11 teams, each with two members", "two observers each": a count for each of several,
      // whose subject (one team of them) the vocabulary rarely has; the annotator says.
      const subject = guesser.subject(span, property.id);
      // "SVP 65 seats": the seats a party has are the seats it won.
      const won = subject.id === undefined ? undefined : guesser.wonBy(subject.id, property);
      if (won !== undefined) property = { id: won, candidates: [won, ...property.candidates] };
      const perEach =
        /\beach (?:with|of|having|comprising) $/i.test(text.before(span.at.start, 20)) ||
        /^ (?:[\p{L}-]+ ){1,2}each\b/iu.test(text.after(span.at.end, 40));
      // "giving Primo 21 of the 24 seats", "in 15 of Brazil's 26 states": the total is the
      // whole's, not the part's owner's.
      const total = /\d\s+(?:out\s+)?of\s+(?:the\s+|\p{Lu}[\p{L}-]*['’]s\s+)?$/iu.test(
        text.before(span.at.start, 40),
      );
      // Whose count it is: proposed only when a rule reads its owner ("his 3,524 votes",
      // "ECOWAS deployed 116 observers", "the country's 11 provinces"); when this was chosen,
      // 47 of 48 such proposals were right on every folder. A name before the count ("the DPP
      // won 68", "the SPÖ 38.9%") was right for 38 of 50 counts on the development folders but
      // 22 of 40 on articles not tuned on (another party of that name, the poll's share for the
      // vote's, the outgoing assembly's seats), and a nearer word less often still: the count
      // is a lead, the guess first among its candidates.
      const owned =
        !total &&
        subject.basis === "owner" &&
        !ofPartOfWhole(text, span) &&
        !negatedBefore(text, span) &&
        !pairedRespectively(text, span);
      return [
        {
          subject: perEach || !owned ? { candidates: subject.candidates } : subject,
          property,
          value: q.value,
          qualifiers,
          bare: false,
        },
      ];
    }
    case "name": {
      const n = span.name!;
      // "Azerbaijan" in every other sentence: a place's alias is left to the annotator.
      if (n.form === "alias" && n.entity && vocabulary.entities.get(n.entity)?.type === "place")
        return [];
      const subject: Guess = n.entity
        ? { id: n.entity, candidates: [n.entity] }
        : { candidates: [] };
      const qualifiers: QualifiersData = {};
      if (n.lookAlikeOf)
        qualifiers.note = `Written "${span.text}", which looks like the vocabulary's "${n.lookAlikeOf}"; annotated as written.`;
      if (n.form === "pair") {
        if (n.initialsMismatch)
          qualifiers.note = `The words do not spell the acronym ${n.acronym}; annotated as written.`;
        const name = text.original(span.at.start, span.at.start + n.name!.length);
        return [{ subject, property: known("name"), value: name, qualifiers, bare: true }];
      }
      if (n.pair)
        return [
          { subject, property: known("acronym"), value: span.text, bare: true, quote: n.pair },
        ];
      const property = n.form === "acronym" ? known("acronym") : known("name");
      return [{ subject, property, value: written(span), qualifiers, bare: true }];
    }
    case "title": {
      // "Prosecutor General Kamran Aliyev": the quote shows whose title it is.
      const person = span.title?.personAt;
      const quote = person && {
        start: Math.min(span.at.start, person.start),
        end: Math.max(span.at.end, person.end),
      };
      return [
        {
          subject: guesser.titleHolder(span),
          property: known("position"),
          value: written(span),
          bare: true,
          ...(quote ? { quote } : {}),
        },
      ];
    }
    case "status":
      return [
        {
          subject: guesser.subject(span, "status"),
          property: known("status"),
          value: span.status!.value,
          qualifiers: { as_of: published },
          bare: false,
        },
      ];
  }
}

/** Verbs in the past tense that do not end in -ed. */
const IRREGULAR_PAST = new Set(
  `said told began took met held made went came gave sent won led left became spoke wrote set put
  chose ran brought kept saw stood drew`.split(/\s+/),
);

/** Whether a verb in the past tense stands within four words of the span, in its sentence. */
function doneOn(text: AssistText, span: CheckableSpan): boolean {
  const sentence = text.sentence(span.at.start);
  const words = text.wordsIn(sentence.start, sentence.end);
  const at = words.findIndex((w) => w.end > span.at.start);
  if (at < 0) return false;
  return words
    .slice(Math.max(0, at - 4), at + 5)
    .some(
      (w) =>
        (w.start < span.at.start || w.start >= span.at.end) &&
        (IRREGULAR_PAST.has(w.lower) || (/^\p{L}{3,}ed$/u.test(w.lower) && !/eed$/.test(w.lower))),
    );
}

/** Whether the span stands inside a direct quotation of its paragraph (“…” or "…"). */
function insideQuotation(text: AssistText, span: CheckableSpan): boolean {
  const t = text.text;
  let from = span.at.start;
  while (from > 0 && !text.isBreak(from - 1)) from--;
  const before = t.slice(from, span.at.start);
  const open = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return open > 0 || (before.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * "originally scheduled for", "initially set for", "had been planned for", "postponed from": the
 * words just before a date that say it was given up for another.
 */
const SUPERSEDED_BEFORE =
  /\b(?:(?:originally|initially|previously|first)\s+(?:been\s+)?(?:scheduled|planned|set|slated|due|fixed)|had\s+been\s+(?:scheduled|planned|set|slated|due|fixed)|(?:postponed|delayed|moved|pushed\s+back)\s+from)\s+(?:for\s+|on\s+|to\s+(?:be\s+held|take\s+place)\s+(?:on\s+|in\s+)?)?(?:the\s+)?$/i;

function isSupersededDate(text: AssistText, span: CheckableSpan): boolean {
  return SUPERSEDED_BEFORE.test(text.before(span.at.start, 60));
}

/**
 * Counts in a sentence about one part of a country ("In Western Province, Kagame received 98.28
 * per cent", "Kigali's three districts saw Kagame receive 98.5 per cent"): the share is the
 * part's, a property the whole's share does not name, so its owner is not enough to propose it.
 */
const PART_OF_WHOLE = new RegExp(
  [
    String.raw`\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)* (?:Province|Region|District|County|Prefecture|Governorate|Department|Oblast|Constituency|Municipality|Canton|Parish)\b`,
    String.raw`\p{Lu}[\p{L}'’-]*['’]s (?:\p{L}+ ){0,2}(?:provinces|regions|districts|counties|prefectures|governorates|departments|oblasts|constituencies|municipalities|cantons|parishes)\b`,
    String.raw`\b[Ii]n (?:the )?(?:province|region|district|county|state|constituency|municipality|canton) of \p{Lu}`,
    // "Only one region has escaped the tidal wave …: the Littoral, … where Kamto won 38.60%".
    String.raw`\b(?:region|province|district|county|prefecture|governorate|oblast|canton)\b`,
  ].join("|"),
  "u",
);

function ofPartOfWhole(text: AssistText, span: CheckableSpan): boolean {
  return PART_OF_WHOLE.test(text.sentenceText(span.at.start));
}

/**
 * "Neither Warnock nor Walker received more than 50% of the vote", "failed to win a single
 * seat": what someone did not get is no value of theirs. ("No fewer than 5,000" is a hedge.)
 */
function negatedBefore(text: AssistText, span: CheckableSpan): boolean {
  return /\b(?:neither|nor|not|never|none|failed to|n't)\b|\bno\b(?! (?:fewer|less|more) than)/i.test(
    text.sentenceBefore(span.at.start, 80),
  );
}

/**
 * "Rebecca Long-Bailey and Lisa Nandy won 135,218 votes (27.6%) and 79,597 (16.2%)
 * respectively": the owners are paired with the counts in order, which the nearest name does not
 * tell.
 */
function pairedRespectively(text: AssistText, span: CheckableSpan): boolean {
  return /\brespectively\b/i.test(text.sentenceText(span.at.start));
}

/**
 * "than in October's election", written in June 2023 of the 2022 election: a year the text
 * leaves out is the one the event's name gives ("2022 Toronto municipal election"), when it is
 * the year next to the one the publication implies.
 */
function yearFromName(
  value: string,
  impliedYear: boolean,
  property: string | undefined,
  subject: string | undefined,
  guesser: Guesser,
): string {
  if (!impliedYear || property !== "date" || subject === undefined) return value;
  const [year, other] = guesser.ownYearsOf(subject);
  if (year === undefined || other !== undefined) return value;
  const implied = Number(value.slice(0, 4));
  return Math.abs(year - implied) === 1 ? `${year}${value.slice(4)}` : value;
}

/** What a bound word makes of a date: "since May" starts something, "until May" ends it. */
function boundRole(bound: FoundDate["bound"]): "start" | "end" | undefined {
  if (bound === "since" || bound === "from") return "start";
  if (bound === "until" || bound === "by") return "end";
  return undefined;
}

/** A time of day: "7am", "3.00 pm", "18:30", "at 08.00", "noon". */
const CLOCK_TIME =
  /\d\s*(?:am|pm|a\.m\.|p\.m\.)(?!\p{L})|\b\d{1,2}[:.]\d{2}\s*(?:am|pm|h\b)|\b\d{1,2}:\d{2}\b|\bat \d{1,2}\.\d{2}\b|\b(?:noon|midnight)\b/iu;

/** Verbs that make a date the start or the end of something ("began its work on Feb. 3"). */
const START_VERBS =
  /^(?:begin|begins|began|begun|start|starts|started|launch|launches|launched|open|opens|opened|commence|commences|commenced)$/;
const END_VERBS =
  /^(?:end|ends|ended|complete|completes|completed|finish|finishes|finished|conclude|concludes|concluded|close|closes|closed)$/;

/**
 * Verbs that give a date to something else: between a start verb and the date, it is theirs;
 * so is a saying ("on Wednesday, 25 October the NEC boss explains that staff have completed …").
 */
const OTHER_VERBS =
  /^(?:held|hold|holds|scheduled|signed|approved|took|takes|elected|voted|published|publish|announced|registered|appointed|received|met|meets|said|says|explained|explains|told|tells|stated|states|noted|notes|added|adds)$/;

/**
 * The start or end that a verb in the date's sentence makes of a date "on" some day ("began
 * its observational work … on Feb. 3, 2020"), unless another verb stands between them ("began
 * work, and the election will be held on Feb. 9").
 */
function verbRole(text: AssistText, span: CheckableSpan): "start" | "end" | undefined {
  // "at the end of his mandate in 2016", "since the end of the country's 27-year-long civil war
  // in 2002": the noun says it.
  const bound =
    /\b(end|close|start|beginning|opening) of (?:[\p{L}\p{N}'’-]+ ){1,5}(?:in|on) $/iu.exec(
      text.before(span.at.start, 60),
    );
  if (bound) return /^(?:end|close)$/i.test(bound[1]!) ? "end" : "start";
  // "until the final day of registration, February 12, 2015": the day named is a bound (set
  // off by a comma: in "the first day of early voting for the 2014 local elections" the year
  // names the elections).
  const day =
    /\b(first|opening|last|final|closing) day of (?:[\p{L}'’-]+ ){0,2}[\p{L}'’-]+, $/iu.exec(
      text.before(span.at.start, 60),
    );
  if (day) return /^(?:first|opening)$/i.test(day[1]!) ? "start" : "end";
  // "the eruption, which started in 1995": the verb right before "in" says what the date is.
  const verbIn = /(\p{L}+) in $/u.exec(text.before(span.at.start, 20));
  if (verbIn) {
    const verb = verbIn[1]!.toLowerCase();
    return START_VERBS.test(verb) ? "start" : END_VERBS.test(verb) ? "end" : undefined;
  }
  // "the recount that began Dec. 1": the verb right before the date.
  const verbRight = /(\p{L}+) $/u.exec(text.before(span.at.start, 20));
  if (verbRight) {
    const verb = verbRight[1]!.toLowerCase();
    if (START_VERBS.test(verb)) return "start";
    if (END_VERBS.test(verb)) return "end";
  }
  // "on Feb. 3": a date of its own; "ahead of the February 7 election" dates the election.
  if (!/\bon $/i.test(text.before(span.at.start, 4))) return undefined;
  const sentence = text.sentence(span.at.start);
  const words = text.wordsIn(sentence.start, sentence.end);
  const at = words.findIndex((w) => w.start >= span.at.start);
  if (at < 0) return undefined;
  // "took place on October 27 and began to be broadcast": the verb the date follows has it.
  if (words.slice(Math.max(0, at - 3), at).some((b) => OTHER_VERBS.test(b.lower))) return undefined;
  let best: { role: "start" | "end"; distance: number } | undefined;
  words.forEach((w, i) => {
    const role = START_VERBS.test(w.lower) ? "start" : END_VERBS.test(w.lower) ? "end" : undefined;
    if (role === undefined) return;
    const between = i < at ? words.slice(i + 1, at) : words.slice(at + 1, i);
    if (between.some((b) => OTHER_VERBS.test(b.lower))) return;
    // "On July 7, voting was open from 7 am to 8 pm": the verb starts the hours, not the day.
    if (CLOCK_TIME.test(text.text.slice(w.end, w.end + 20))) return;
    const distance = Math.abs(i - at);
    if (distance <= 20 && (best === undefined || distance < best.distance))
      best = { role, distance };
  });
  return best?.role;
}

/**
 * "Results of the 2024 Regional Elections in Piemonte", "Piemonte 2024 Elections: Dates and
 * Times": a heading names the election by its year; what the annotators claim is the day the
 * text gives, and the heading's year, on text not tuned on, they left alone.
 */
function inHeading(text: AssistText, span: CheckableSpan): boolean {
  const line = text.lineAround(span.at.start, span.at.end).text.trim();
  if (/[.!?]$/.test(line)) return false;
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  if (words.length === 0 || words.length > 10) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/**
 * "BAKU, Azerbaijan, February 5", "MOSCOW (UrduPoint News / Sputnik - 15th September, 2021)",
 * "Caracas, Oct 28 (EFE).-", "MINSK, 15 October (BelTA) –": a dateline's date, which dates the
 * report. Near the top after the place in capitals; anywhere at a line's start when an agency's
 * tag or a dash follows.
 */
function isDatelineDate(text: AssistText, span: CheckableSpan): boolean {
  const t = text.text;
  const before = text.before(span.at.start, 80);
  const after = text.after(span.at.end, 30);
  // Line breaks are spaces in the assistant's text; isBreak tells them apart.
  let from = span.at.start;
  while (from > 0 && span.at.start - from < 80 && !(t[from - 1] === " " && text.isBreak(from - 1)))
    from--;
  const lineStart = t.slice(from, span.at.start);
  if (
    // "Riyadh, Rabi'I 01, 1437, December 12, 2015, SPA --": the place, maybe the date in another
    // calendar, the date, and the agency, in brackets or as an acronym, before a dash.
    /^\s*\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+)*(?:, \p{Lu}[\p{L}'’. -]*)?(?:, [\p{L}'’]+ \d{1,2}, \d{3,4})?,? $/u.test(
      lineStart,
    ) &&
    // The dash may be a colon ("London, July 5 : The Labour Party …").
    (/^,? ?(?:\([^()]{1,20}\)|\/[^/]{1,20}\/|\p{Lu}{2,8})? ?[.]?[-–—:]/u.test(after) ||
      // "Taipei, Nov. 27 (CNA) Saturday's local elections …": the agency's tag, then the text.
      /^ ?\(\p{Lu}[^()]{1,19}\) \p{Lu}/u.test(after) ||
      // "Kathmandu, Nepal      May 14 2017": the place and the date, a line of their own (not a
      // heading that names the event by its date: "Victoria State Election 27 November 2010").
      (lineStart.includes(",") && !EVENT_WORDS.test(lineStart) && endsLine(text, span.at.end)))
  )
    return true;
  // "MOSCOW (UrduPoint News / Sputnik - 15th September, 2021)", "London, (APP - UrduPoint / Pakistan
  // Point News - 5th Jul, 2024)": the place, then the agency and the date in brackets; near the
  // top after other words, and at a line's start wherever the line is (below a page's menus).
  if (BRACKETED_DATELINE_AT_LINE_START.some((b) => b.test(lineStart))) return true;
  if (span.line > 6) return false;
  if (BRACKETED_DATELINE.some((b) => b.test(before))) return true;
  if (span.line > 3) return false;
  return /(?:^|[\s)])\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]*)*(?:, \p{L}[\p{L}'’. -]*)?,? $/u.test(
    before,
  );
}

/** A place, then an agency and a date in brackets (see isDatelineDate), up to the date. */
const BRACKETED_DATELINE_SOURCES = [
  String.raw`\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]*)* \([^()]{2,60}[-–—,] ?$`,
  String.raw`\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]*)*, \([^()]{2,60}[-–—] ?$`,
];
const BRACKETED_DATELINE_AT_LINE_START = BRACKETED_DATELINE_SOURCES.map(
  (s) => new RegExp(String.raw`^\s*${s}`, "u"),
);
const BRACKETED_DATELINE = BRACKETED_DATELINE_SOURCES.map(
  (s) => new RegExp(String.raw`(?:^|\s)${s}`, "u"),
);

/** Words that name an event rather than a place. */
const EVENT_WORDS =
  /\b(?:elections?|votes?|polls?|referendums?|ballots?|primar(?:y|ies)|caucus(?:es)?)\b/i;

/** Whether the line of the original ends at `at`, spaces aside (see lineAround). */
function endsLine(text: AssistText, at: number): boolean {
  return /^ *$/.test(text.text.slice(at, text.lineAround(at).end));
}

function describe(span: CheckableSpan): string {
  const quoted = JSON.stringify(span.text);
  switch (span.kind) {
    case "date":
      return `date ${quoted}${span.date?.impliedYear ? " (year implied)" : ""}${span.date?.relative ? " (relative)" : ""}`;
    case "number":
      return `count ${quoted}`;
    case "percent":
      return `percentage ${quoted}`;
    case "name":
      return span.name?.entity ? `name ${quoted}` : `name ${quoted}, not in the vocabulary`;
    case "title":
      return `title ${quoted}`;
    case "status":
      return `status ${quoted}`;
  }
}

function todoText(what: "entity" | "property", guess: Guess): string {
  if (guess.candidates.length === 0)
    return what === "entity"
      ? "choose an entity id from claims/vocabulary.yaml (or add one)"
      : "choose a property id from claims/vocabulary.yaml";
  return `choose the ${what}: ${guess.candidates.join("? ")}?`;
}

/** The file's own id prefix ("trd" for trd-meeting-date), else one made from its name. */
export function idPrefix(source: Pick<Source, "claimsFile" | "claims" | "shortName">): string {
  const counts = new Map<string, number>();
  for (const c of source.claims) {
    const m = /^([a-z0-9]+)[-_.]/.exec(c.id);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (best) return best[0];
  const base = source.claimsFile.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  const outlet = /^\d{4}-\d{2}-\d{2}_([^_]+)_/.exec(base)?.[1];
  const slug = (outlet ?? source.shortName ?? base)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return CLAIM_ID.test(slug) && slug !== "" ? slug : "claim";
}

/**
 * The prefix of this file's suggested ids: its own prefix, and, when another claims file has the
 * same one, a tag from its file name's title words, as few as tell it from those files' names
 * (`trend-asanov-s1` and `trend-cis-s1` for two new Trend articles), then its date.
 */
export function suggestionIdPrefix(
  source: Pick<Source, "claimsFile" | "claims" | "shortName">,
  others: readonly Pick<Source, "claimsFile" | "claims" | "shortName">[],
): string {
  const prefix = idPrefix(source);
  const rivals = others
    .filter((o) => o.claimsFile !== source.claimsFile && idPrefix(o) === prefix)
    .map((o) => nameParts(o.claimsFile));
  if (rivals.length === 0) return prefix;
  const own = nameParts(source.claimsFile);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((w, i) => w === b[i]);
  const candidates: string[][] = [];
  for (let k = 1; k <= own.words.length; k++) candidates.push(own.words.slice(0, k));
  if (own.date) candidates.push([...own.words, own.date]);
  for (const tag of candidates) {
    const taken = rivals.some((r) =>
      same(tag, [...r.words, ...(r.date ? [r.date] : [])].slice(0, tag.length)),
    );
    if (!taken) return `${prefix}-${tag.join("-")}`;
  }
  // Names alike word for word (claims/a.yaml and claims/a.yml): the file's place among them.
  const all = [source.claimsFile, ...others.map((o) => o.claimsFile)].sort();
  return `${prefix}-${all.indexOf(source.claimsFile) + 1}`;
}

/** A claims file's title words and date (`2024-02-06_azernews_bayramov-meets-lebedev.yaml`). */
function nameParts(claimsFile: string): { words: string[]; date?: string } {
  const stem = claimsFile.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  const date = /^(\d{4})-(\d{2})-(\d{2})_/.exec(stem);
  const title = stem.replace(/^\d{4}-\d{2}-\d{2}_[^_]*_(?=.)/, "");
  const words = title.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return date ? { words, date: `${date[1]}${date[2]}${date[3]}` } : { words };
}

class IdMaker {
  private n = 0;
  constructor(
    private readonly prefix: string,
    private readonly used: ReadonlySet<string>,
  ) {}
  next(): string {
    for (;;) {
      this.n++;
      const id = `${this.prefix}-s${this.n}`;
      if (!this.used.has(id)) return id;
    }
  }
}
