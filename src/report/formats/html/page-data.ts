/**
 * What the review page's script renders, as compact JSON: the facts with their values and claims,
 * the agreement by source, the notes on files, and each article's text cut into segments. Sources
 * are numbers (their place in the report's list) and verdicts are numbers (VERDICT_ORDER), so that
 * a fact stated by thousands of sources does not repeat their names; the page builds the same
 * elements the server once wrote, only for what comes into view.
 *
 * Every string goes through jsonForScript when it is written into the page: hidden characters
 * made visible, nothing that could close its element, no CI log command.
 */
import { describeKind } from "../../../compare/group-findings.js";
import type { ClaimRef, GroupResult, ValueCluster, Verdict } from "../../../compare/result.js";
import type { DiffPart, Finding, Severity } from "../../../findings/finding.js";
import { DATELINE_KEY } from "../../../ground/ground-project.js";
import type { ReportResult } from "../../report-result.js";
import { articleSegments, type Segment } from "./article.js";
import { IdMaker } from "./text.js";

export const VERDICT_ORDER: readonly Verdict[] = [
  "conflict",
  "compatible",
  "agree",
  "single-source",
];

/** A claim: [id, source, evidence link, quote, line, column, year source, annotator's note]. */
export type ClaimData = [
  id: string,
  source: number,
  /** The id of its evidence span; 1 when that is "ev-" and the claim id; 0 when not found. */
  evidence: string | 0 | 1,
  quote: string,
  line: number,
  column: number,
  /** Where a date's year came from when the text gives none: 0 the text, 1 the annotator, 2 the publication date. */
  year: 0 | 1 | 2,
  note?: string,
];

export interface ValueData {
  /** As shown. */
  d: string;
  /** How it relates to the majority value ("reference" for the majority itself). */
  r: string;
  /** The parts against the majority value (the character diff, else the word diff). */
  x?: [op: -1 | 0 | 1, text: string][];
  /** What differs, in words. */
  t?: string;
  /** Sources stating it. */
  s: number[];
  /** How each source writes it, when they differ: [text, sources]. */
  f?: [text: string, sources: number[]][];
  c: ClaimData[];
}

export interface FactData {
  /** Subject, property, and the as-of date when there is one. */
  s: string;
  p: string;
  a?: string;
  /** Verdict, as its place in VERDICT_ORDER. */
  v: number;
  /** The kind of difference, in words. */
  k?: string;
  /** How many sources state it, and which (sorted by name). */
  n: number;
  src: number[];
  /** Sources standing apart; those contradicting themselves. */
  apart?: number[];
  self?: number[];
  tie?: 1;
  ack?: 1;
  /** Findings about the fact beyond its verdict: [severity, message]. */
  notes?: [Severity, string][];
  vals: ValueData[];
}

/** An article as the page lists it; its text comes from the element `article-N` when needed. */
export interface ArticleHead {
  /** Its source. */
  s: number;
  path: string;
  claims: string;
  spans: number;
  /** Lines and characters: how tall it will be, before it is drawn. */
  lines: number;
  chars: number;
}

/** One article's text: its segments (article.ts) and the claims they refer to. */
export interface ArticleBody {
  t: Segment[];
  /** [evidence id, claim id, verdict (-1: none), fact (-1: none, -2: the dateline), value]. */
  c: [string, string, number, number, number][];
}

export interface SourceData {
  /** Short name, outlet, claims file, published, title, whether the title came from the file name. */
  n: string;
  o: string;
  f: string;
  d: string;
  t: string;
  tf?: 1;
}

export interface PageData {
  sources: SourceData[];
  /** Sources in the order the filter lists them: by name, numbers in names by value. */
  order: number[];
  /** Whether the report carries the articles (a claim without a span then says so). */
  withArticles: boolean;
  facts: FactData[];
  /** Agreement by source: [source name, outlet, shared, agreeing, rate]. */
  rates: [string, string, number, number, number | null][];
  /** Findings about single files: [severity, message, file:line:column, rule]. */
  notes: [Severity, string, string, string][];
  articles: ArticleHead[];
}

export interface PageModel {
  data: PageData;
  bodies: ArticleBody[];
}

/** The data of the page, and each article's body. Same report, same data. */
export function pageModel(report: ReportResult): PageModel {
  const sourceIndex = new Map<string, number>();
  const sources: SourceData[] = report.sources.map((s, i) => {
    sourceIndex.set(s.shortName, i);
    return {
      n: s.shortName,
      o: s.outlet,
      f: s.claimsFile,
      d: s.published,
      t: s.title,
      ...(s.titleFromFileName ? { tf: 1 as const } : {}),
    };
  });
  const indexOf = (name: string): number => {
    let i = sourceIndex.get(name);
    if (i === undefined) {
      // A name the report's source list lacks (none should): listed, so nothing is lost.
      i = sources.length;
      sources.push({ n: name, o: "", f: "", d: "", t: "" });
      sourceIndex.set(name, i);
    }
    return i;
  };

  const articles = report.articles ?? [];
  // Evidence ids first, in article order, so that they do not depend on the groups' order.
  const evidenceIds = new IdMaker("ev-");
  for (const a of articles) {
    for (const s of a.spans) {
      const name = s.claimId === DATELINE_KEY ? `dateline-${a.shortName}` : s.claimId;
      evidenceIds.id(claimKey(a.claimsFile, s.claimId), name);
    }
  }

  const notes = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!f.group || f.ruleId === "conflict" || f.ruleId === "single-source") continue;
    const list = notes.get(f.group);
    if (list) list.push(f);
    else notes.set(f.group, [f]);
  }

  // Where each claim lies among the facts, for the tooltips of its evidence.
  const place = new Map<string, [fact: number, value: number, verdict: number]>();
  const facts = report.groups.map((g, fi): FactData => {
    const verdict = VERDICT_ORDER.indexOf(g.verdict);
    g.values.forEach((v, vi) => {
      for (const c of v.claims) place.set(claimKey(c.claimsFile, c.claimId), [fi, vi, verdict]);
    });
    const groupNotes = notes.get(g.key) ?? [];
    return {
      s: g.subjectLabel,
      p: g.propertyLabel,
      ...(g.asOf ? { a: g.asOf } : {}),
      v: verdict,
      ...(g.kind ? { k: describeKind(g.kind) } : {}),
      n: g.sourceCount,
      src: groupSources(g).map(indexOf),
      ...(g.standApart.length > 0 ? { apart: g.standApart.map(indexOf) } : {}),
      ...(g.selfContradicting.length > 0 ? { self: g.selfContradicting.map(indexOf) } : {}),
      ...(g.tie ? { tie: 1 as const } : {}),
      ...(g.acknowledged ? { ack: 1 as const } : {}),
      ...(groupNotes.length > 0
        ? { notes: groupNotes.map((f): [Severity, string] => [f.severity, f.message]) }
        : {}),
      vals: g.values.map((v, vi) =>
        valueData(v, vi === 0, (c) => claimData(c, indexOf, evidenceIds), indexOf),
      ),
    };
  });

  const bodies = articles.map((a): ArticleBody => {
    const claims: ArticleBody["c"] = [];
    const byId = new Map<string, number>();
    const segments = articleSegments(a, (claimId) => {
      let i = byId.get(claimId);
      if (i !== undefined) return i;
      const key = claimKey(a.claimsFile, claimId);
      const id = evidenceIds.get(key)!;
      const at = place.get(key);
      i = claims.length;
      if (at) claims.push([id, claimId, at[2], at[0], at[1]]);
      else if (claimId === DATELINE_KEY) claims.push([id, "dateline", -1, -2, 0]);
      else claims.push([id, claimId, -1, -1, 0]);
      byId.set(claimId, i);
      return i;
    });
    return { t: segments, c: claims };
  });

  return {
    data: {
      sources,
      order: byName(sources),
      withArticles: report.articles !== undefined,
      facts,
      rates: report.agreement.map((a) => [a.source, a.outlet, a.shared, a.agreeing, a.rate]),
      notes: report.findings
        .filter((f) => !f.group)
        .map((f) => [
          f.severity,
          f.message,
          `${f.location.file}:${f.location.line}:${f.location.column}`,
          f.ruleId,
        ]),
      articles: articles.map((a) => ({
        s: indexOf(a.shortName),
        path: a.sourcePath,
        claims: a.claimsFile,
        spans: a.spans.length,
        lines: countLines(a.text),
        chars: a.text.length,
      })),
    },
    bodies,
  };
}

function claimKey(claimsFile: string, claimId: string): string {
  return `${claimsFile}\n${claimId}`;
}

function groupSources(g: GroupResult): string[] {
  return [...new Set(g.values.flatMap((v) => v.sources))].sort();
}

function valueData(
  v: ValueCluster,
  isReference: boolean,
  claim: (c: ClaimRef) => ClaimData,
  indexOf: (name: string) => number,
): ValueData {
  const parts = !isReference && v.relation !== "agree" ? (v.charDiff ?? v.wordDiff) : undefined;
  return {
    d: v.display,
    r: isReference ? "reference" : v.relation,
    ...(parts ? { x: parts.map((p: DiffPart): [-1 | 0 | 1, string] => [p.op, p.text]) } : {}),
    ...(!isReference && v.detail ? { t: v.detail } : {}),
    s: v.sources.map(indexOf),
    ...(v.forms
      ? { f: v.forms.map((f): [string, number[]] => [f.text, f.sources.map(indexOf)]) }
      : {}),
    c: v.claims.map(claim),
  };
}

function claimData(
  c: ClaimRef,
  indexOf: (name: string) => number,
  evidenceIds: IdMaker,
): ClaimData {
  const id = evidenceIds.get(claimKey(c.claimsFile, c.claimId));
  const evidence = id === undefined ? 0 : id === `ev-${c.claimId}` ? 1 : id;
  const year = c.yearSource === "annotator" ? 1 : c.yearSource === "publication" ? 2 : 0;
  const out: ClaimData = [
    c.claimId,
    indexOf(c.source),
    evidence,
    c.evidence,
    c.line,
    c.column,
    year,
  ];
  if (c.note) out.push(c.note);
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Places in `sources` sorted by name as a reader expects: case aside, and runs of digits by their
 * value, so S2 comes before S10; ties by the name itself, so the order is the same everywhere.
 */
function byName(sources: readonly SourceData[]): number[] {
  const keys = sources.map((s) => naturalKey(s.n));
  return sources
    .map((_, i) => i)
    .sort((a, b) => compareKeys(keys[a]!, keys[b]!) || cmp(sources[a]!.n, sources[b]!.n));
}

type KeyPart = string | number;

function naturalKey(name: string): KeyPart[] {
  return (name.toLowerCase().match(/\d+|\D+/g) ?? []).map((part) =>
    /^\d/.test(part) ? Number(part) : part,
  );
}

function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x - y;
    } else if (typeof x === "number") return -1;
    else if (typeof y === "number") return 1;
    else if (x !== y) return cmp(x, y);
  }
  return a.length - b.length;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
