/**
 * Coverage: which checkable statements of an article some claim's evidence covers. A statement
 * (one date, one count, one name however often repeated...) is covered when the grounded
 * evidence span of an accepted claim overlaps one of its spans; the article's header covers
 * what it states too (the publication date on a date line, the headline, the dateline).
 * Statements covered only by `status: suggested` claims are counted apart: they await review.
 */
import { DATELINE_KEY, type Span } from "../ground/ground-project.js";
import { findOccurrences } from "../ground/locate-quote.js";
import { normalizeQuote } from "../ground/normalize.js";
import type { Source } from "../model/project.js";
import {
  type ArticleAnalysis,
  CHECKABLE_KINDS,
  type CheckableKind,
  type CheckableSpan,
} from "./checkable.js";

export type CoverageState = "covered" | "suggested" | "uncovered";

export interface Statement {
  key: string;
  kind: CheckableKind;
  /** Every occurrence, in text order; the first is the one shown. */
  spans: CheckableSpan[];
  state: CoverageState;
  /** Ids of the claims whose evidence covers it; `#published`, `#title`, `#dateline` for the header. */
  coveredBy: string[];
}

export interface Counts {
  checkable: number;
  covered: number;
  suggested: number;
  uncovered: number;
}

export interface ArticleCoverage {
  sourcePath: string;
  claimsFile: string;
  statements: Statement[];
  counts: Counts;
  byKind: Record<CheckableKind, Counts>;
}

/** Lines at the top of an article where a date equal to the publication date is the date line. */
const HEADER_LINES = 5;

interface Cover {
  id: string;
  start: number;
  end: number;
  suggested: boolean;
}

export function articleCoverage(
  analysis: ArticleAnalysis,
  source: Source,
  claimSpans: ReadonlyMap<string, Span>,
): ArticleCoverage {
  const covers: Cover[] = [];
  const status = new Map(source.claims.map((c) => [c.id, c.status]));
  for (const [id, span] of claimSpans) {
    covers.push({
      id: id === DATELINE_KEY ? "#dateline" : id,
      start: span.start,
      end: span.end,
      suggested: status.get(id) === "suggested",
    });
  }
  // A title made from the file name is not in the text.
  const title = source.titleFromFileName ? "" : normalizeQuote(source.title);
  if (title !== "") {
    for (const o of findOccurrences(analysis.text.text, title)) {
      const span = analysis.text.span(o.start, o.end);
      covers.push({ id: "#title", start: span.start, end: span.end, suggested: false });
    }
  }

  const groups = new Map<string, CheckableSpan[]>();
  for (const span of analysis.spans) {
    const list = groups.get(span.key) ?? [];
    list.push(span);
    groups.set(span.key, list);
  }
  const statements: Statement[] = [];
  for (const [key, spans] of groups) {
    const accepted = new Set<string>();
    const suggested = new Set<string>();
    for (const span of spans) {
      if (isDateLine(analysis, span, source.published)) accepted.add("#published");
      for (const c of covers) {
        if (c.start < span.end && span.start < c.end)
          (c.suggested ? suggested : accepted).add(c.id);
      }
    }
    const state: CoverageState =
      accepted.size > 0 ? "covered" : suggested.size > 0 ? "suggested" : "uncovered";
    statements.push({
      key,
      kind: spans[0]!.kind,
      spans,
      state,
      coveredBy: [...(state === "covered" ? accepted : suggested)].sort(),
    });
  }
  statements.sort((a, b) => a.spans[0]!.start - b.spans[0]!.start || a.key.localeCompare(b.key));
  return {
    sourcePath: source.sourcePath,
    claimsFile: source.claimsFile,
    statements,
    counts: count(statements),
    byKind: countByKind(statements),
  };
}

/**
 * The publication date on a date line near the top ("  • 12 April 2018", " date 2024-02-05"),
 * or in figures anywhere ("Uzbekistan 26/12/2007 President …", the page's date beside its
 * headline: an article writes the dates it tells of in words): the claims file's `published`
 * states it, no claim needs to.
 */
function isDateLine(analysis: ArticleAnalysis, span: CheckableSpan, published: string): boolean {
  if (span.kind !== "date" || !span.date) return false;
  // "05/10/2020" is read month first; on a page of 5 October it is day first.
  const [y, m, d] = span.date.value.split("-");
  const swapped = `${y}-${d}-${m}`;
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(span.text))
    return span.date.value === published || swapped === published;
  if (span.date.value !== published) return false;
  // "Today Ilham Aliyev received…" is a sentence, not a date line, whatever day it is.
  if (span.line > HEADER_LINES || span.date.relative) return false;
  const line = Array.from(analysis.text.article.lines.lineText(span.line));
  const before = line.slice(0, span.column - 1).join("");
  return /^[\s\p{P}\p{S}]*((date|published|updated|posted|calendar)[\w-]*[\s\p{P}\p{S}]*)?$/iu.test(
    before,
  );
}

export function emptyCounts(): Counts {
  return { checkable: 0, covered: 0, suggested: 0, uncovered: 0 };
}

export function count(statements: readonly Statement[]): Counts {
  const c = emptyCounts();
  for (const s of statements) {
    c.checkable++;
    c[s.state]++;
  }
  return c;
}

export function countByKind(statements: readonly Statement[]): Record<CheckableKind, Counts> {
  const out = Object.fromEntries(CHECKABLE_KINDS.map((k) => [k, emptyCounts()])) as Record<
    CheckableKind,
    Counts
  >;
  for (const s of statements) {
    out[s.kind].checkable++;
    out[s.kind][s.state]++;
  }
  return out;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    checkable: a.checkable + b.checkable,
    covered: a.covered + b.covered,
    suggested: a.suggested + b.suggested,
    uncovered: a.uncovered + b.uncovered,
  };
}

/** Covered share, 0..1; an article with nothing checkable counts as fully covered. */
export function share(c: Counts): number {
  return c.checkable === 0 ? 1 : c.covered / c.checkable;
}
