/**
 * What an article states that a claim could check: dates, counts and percentages (with their
 * hedges), names and acronyms from the vocabulary, titles, and event status phrases. Each is a
 * span of the article, counted in code points like grounding's spans, with its line.
 *
 * Mentions of one name (or one title) are one statement however often the article repeats
 * them: they share a `key`, and coverage counts the key once.
 */
import type { Span } from "../ground/ground-project.js";
import type { Vocabulary } from "../model/project.js";
import { type FoundDate, findDates, timeStampLines } from "./dates.js";
import { type AcronymPair, findAcronymPairs, type Mention, mentionFinder } from "./names.js";
import { type FoundQuantity, findQuantities } from "./numbers.js";
import { type FoundStatus, type FoundTitle, findStatuses, findTitles } from "./phrases.js";
import { AssistText } from "./text.js";

export const CHECKABLE_KINDS = ["date", "number", "percent", "name", "title", "status"] as const;
export type CheckableKind = (typeof CHECKABLE_KINDS)[number];

export interface NameDetail {
  /** The vocabulary entity, when the name, alias, variant or acronym is known. */
  entity?: string;
  form: Mention["form"] | "pair";
  /** For "Name (ACR)": the name and the acronym apart. */
  name?: string;
  acronym?: string;
  lookAlikeOf?: string;
  initialsMismatch?: boolean;
  /** An acronym given in parentheses: the whole "Name (ACR)", in normalised offsets. */
  pair?: { start: number; end: number };
}

export interface CheckableSpan {
  kind: CheckableKind;
  /** Code points from the start of the article, end exclusive (as grounding's spans). */
  start: number;
  end: number;
  line: number;
  column: number;
  /** The span as the article writes it (under grounding's normalisation). */
  text: string;
  /** Spans with the same key state the same thing (one name, one title). */
  key: string;
  /** Offsets into the normalised text. */
  at: { start: number; end: number };
  date?: FoundDate;
  quantity?: FoundQuantity;
  name?: NameDetail;
  title?: { person?: string; personAt?: { start: number; end: number } };
  status?: { value: FoundStatus["value"] };
}

export interface CheckableOptions {
  /** The article's publication date (YYYY-MM-DD): the reference for dates without a year. */
  published?: string | undefined;
  vocabulary: Vocabulary;
}

export interface ArticleAnalysis {
  text: AssistText;
  spans: CheckableSpan[];
  /** Every vocabulary mention, pairs included, for guessing subjects. */
  mentions: Mention[];
}

export function findCheckable(article: string, options: CheckableOptions): CheckableSpan[] {
  return analyseArticle(article, options).spans;
}

export function analyseArticle(article: string, options: CheckableOptions): ArticleAnalysis {
  const text = new AssistText(article);
  const finder = mentionFinder(options.vocabulary);
  const mentions = finder.find(text);
  const pairs = findAcronymPairs(text, mentions, finder.forms);
  const stamps = timeStampLines(text);
  const dates = findDates(text, options.published, stamps);
  const nameRanges = [...mentions, ...pairs];
  // A page's time stamp ("8 Feb. 14:05 (UTC+3 MSK)") holds no count either.
  const quantities = findQuantities(text, [...dates, ...nameRanges, ...stamps]);
  // A year inside a name ("Election 2024" Independent Media Center) is part of the name.
  const datesOutsideNames = dates.filter(
    (d) => !nameRanges.some((n) => d.start >= n.start && d.end <= n.end),
  );
  const titles = findTitles(text, mentions);
  const statuses = findStatuses(text);

  const spans: CheckableSpan[] = [];
  const add = (
    kind: CheckableKind,
    start: number,
    end: number,
    key: string | undefined,
    detail: Partial<CheckableSpan>,
  ) => {
    const span: Span = text.span(start, end);
    spans.push({
      kind,
      start: span.start,
      end: span.end,
      line: span.line,
      column: span.column,
      text: text.text.slice(start, end),
      key: key ?? `${kind}@${span.start}`,
      at: { start, end },
      ...detail,
    });
  };
  for (const d of datesOutsideNames) add("date", d.start, d.end, undefined, { date: d });
  for (const q of quantities) add(q.kind, q.start, q.end, undefined, { quantity: q });
  for (const p of pairs) {
    const entity = p.entity ?? "?";
    add("name", p.start, p.end, `name:${entity}:${p.name.text.toLowerCase()}`, {
      name: pairDetail(p),
    });
    // The acronym is a statement of its own, the same one as its later mentions ("CIS").
    add("name", p.acronym.start, p.acronym.end, `name:${entity}:${p.acronym.text.toLowerCase()}`, {
      name: {
        ...(p.entity === undefined ? {} : { entity: p.entity }),
        form: "acronym",
        pair: { start: p.start, end: p.end },
      },
    });
  }
  for (const m of mentions) {
    if (pairs.some((p) => m.start >= p.start && m.end <= p.end)) continue;
    add("name", m.start, m.end, `name:${m.entity}:${m.text.toLowerCase()}`, {
      name: {
        entity: m.entity,
        form: m.form,
        ...(m.lookAlikeOf === undefined ? {} : { lookAlikeOf: m.lookAlikeOf }),
      },
    });
  }
  for (const t of titles) addTitle(add, t);
  for (const s of statuses)
    add("status", s.start, s.end, undefined, { status: { value: s.value } });
  spans.sort((a, b) => a.start - b.start || a.end - b.end || kindOrder(a.kind) - kindOrder(b.kind));
  return {
    text,
    spans,
    mentions: [...mentions, ...pairMentions(pairs, mentions, options.vocabulary)],
  };
}

function addTitle(
  add: (
    kind: CheckableKind,
    s: number,
    e: number,
    key: string | undefined,
    d: Partial<CheckableSpan>,
  ) => void,
  t: FoundTitle,
) {
  add("title", t.start, t.end, `title:${t.text.toLowerCase()}`, {
    title: t.person === undefined ? {} : { person: t.person, personAt: t.personAt! },
  });
}

function pairDetail(p: AcronymPair): NameDetail {
  return {
    ...(p.entity === undefined ? {} : { entity: p.entity }),
    form: "pair",
    name: p.name.text,
    acronym: p.acronym.text,
    ...(p.initialsMismatch ? { initialsMismatch: true } : {}),
  };
}

/** A pair's parts as mentions of its entity, when the mentions list lacks them. */
function pairMentions(
  pairs: readonly AcronymPair[],
  mentions: readonly Mention[],
  vocabulary: Vocabulary,
): Mention[] {
  const out: Mention[] = [];
  for (const p of pairs) {
    if (p.entity === undefined) continue;
    if (!mentions.some((m) => m.start === p.name.start && m.entity === p.entity)) {
      out.push({
        start: p.name.start,
        end: p.name.end,
        text: p.name.text,
        entity: p.entity,
        type: vocabulary.entities.get(p.entity)?.type ?? "other",
        form: "name",
      });
    }
  }
  return out;
}

function kindOrder(kind: CheckableKind): number {
  return CHECKABLE_KINDS.indexOf(kind);
}
