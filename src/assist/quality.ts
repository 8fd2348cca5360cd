/**
 * How good the suggestions are, measured on annotated articles: take each article's claims
 * away (and its dateline), run `suggest` as if it had never been annotated, and compare with
 * what the annotator wrote.
 *
 * - recall: the share of the original claims whose evidence span some proposal of the same
 *   category overlaps (its value's span, not its longer quote);
 * - found: the same, counting leads too (values found but not proposed, see suggest.ts): what
 *   the assistant points the annotator to;
 * - precision: the share of suggestions whose value span overlaps the evidence of an original
 *   claim of the same category;
 * - exact precision: the share of suggestions that overlap such a claim and have its value,
 *   subject and property (a TODO is not the same: the suggestion is right only when whole);
 * - sound precision: the share of suggestions that propose nothing wrong: they overlap such a
 *   claim, have its value, and a subject and property that are its own or TODO (the annotator
 *   is asked, not misled);
 * - of the claims recalled, how many got the same value, subject and property.
 *
 * Categories: dates (properties of type date; date suggestions), counts (type quantity;
 * counts and percentages), names (type name; names, acronyms and titles), status (the
 * `status` property; status phrases). Other claims (booleans, free text) are left out: no
 * span kind proposes them.
 */
import type { GroundingResult, Span } from "../ground/ground-project.js";
import type { Claim, Project, Source } from "../model/project.js";
import type { CheckableKind } from "./checkable.js";
import { buildPriors } from "./guess.js";
import { assistSource } from "./project.js";
import { type Lead, type Suggestion, suggestClaims } from "./suggest.js";

export const CATEGORIES = ["dates", "counts", "names", "status"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Score {
  claims: number;
  recalled: number;
  /** Claims a proposal or a lead overlaps. */
  found: number;
  /** Leads: values found and not proposed. */
  leads: number;
  suggestions: number;
  matched: number;
  /** Suggestions with the same value, subject and property as a claim they overlap. */
  exact: number;
  /** Suggestions with the same value as a claim they overlap, and its subject and property or TODO. */
  sound: number;
  /** Of the recalled claims: a suggestion overlapping it has the same value / subject / property. */
  sameValue: number;
  sameSubject: number;
  sameProperty: number;
}

/** One suggestion, and how it fared against the annotators' claims. */
export interface JudgedSuggestion {
  sourcePath: string;
  category: Category;
  line: number;
  /** The value's span in the article (code points), as a claim's grounded evidence is. */
  start: number;
  end: number;
  text: string;
  claim: Suggestion["claim"];
  /**
   * exact: a claim it overlaps has its value, subject and property; sound: the same but for
   * TODOs; overlap: it overlaps one, but something it proposes differs; none: it overlaps none.
   */
  verdict: "exact" | "sound" | "overlap" | "none";
}

export interface QualityResult {
  byCategory: Record<Category, Score>;
  byArticle: { sourcePath: string; byCategory: Record<Category, Score> }[];
  suggestions: JudgedSuggestion[];
}

export function measureSuggestions(
  project: Project,
  grounding: GroundingResult,
  options: { withTodos?: boolean } = {},
): QualityResult {
  const total = emptyScores();
  const byArticle: QualityResult["byArticle"] = [];
  const judged: JudgedSuggestion[] = [];
  for (const g of grounding.grounded) {
    const { scores, suggestions } = measureArticle(project, g.source, g.text, g.spans, options);
    byArticle.push({ sourcePath: g.source.sourcePath, byCategory: scores });
    judged.push(...suggestions);
    for (const c of CATEGORIES) total[c] = add(total[c], scores[c]);
  }
  byArticle.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1));
  judged.sort((a, b) =>
    a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : a.line - b.line,
  );
  return { byCategory: total, byArticle, suggestions: judged };
}

function measureArticle(
  project: Project,
  source: Source,
  text: string,
  spans: ReadonlyMap<string, Span>,
  options: { withTodos?: boolean },
): { scores: Record<Category, Score>; suggestions: JudgedSuggestion[] } {
  const stripped: Source = { ...source, claims: [], dateline: undefined };
  // What the annotators did elsewhere is fair to learn from; this article's claims are not.
  const others: Project = {
    ...project,
    sources: project.sources.map((s) => (s === source ? stripped : s)),
  };
  const assisted = assistSource(others, stripped, text, new Map());
  const { proposed: suggestions, leads } = suggestClaims({
    analysis: assisted.analysis,
    coverage: assisted.coverage,
    source: stripped,
    vocabulary: project.vocabulary,
    priors: buildPriors(others),
    usedIds: new Set(),
    ...(options.withTodos ? { withTodos: true } : {}),
  });
  const originals: { claim: Claim; span: Span; category: Category }[] = [];
  for (const claim of source.claims) {
    const span = spans.get(claim.id);
    const category = claimCategory(project, claim);
    if (span && category && claim.status === "accepted") originals.push({ claim, span, category });
  }
  const scores = emptyScores();
  const overlaps = (s: Suggestion | Lead, span: Span) =>
    s.span.start < span.end && span.start < s.span.end;
  for (const l of leads) scores[kindCategory(l.kind)].leads++;
  for (const o of originals) {
    const score = scores[o.category];
    score.claims++;
    const pointed = (s: Suggestion | Lead) =>
      kindCategory(s.kind) === o.category && overlaps(s, o.span);
    if (suggestions.some(pointed) || leads.some(pointed)) score.found++;
    const hits = suggestions.filter(
      (s) => kindCategory(s.kind) === o.category && overlaps(s, o.span),
    );
    if (hits.length === 0) continue;
    score.recalled++;
    if (hits.some((s) => sameValue(s.claim.value, o.claim.value))) score.sameValue++;
    if (hits.some((s) => s.claim.subject === o.claim.subject)) score.sameSubject++;
    if (hits.some((s) => s.claim.property === o.claim.property)) score.sameProperty++;
  }
  const judged: JudgedSuggestion[] = [];
  for (const s of suggestions) {
    const category = kindCategory(s.kind);
    const overlapping = originals.filter((o) => o.category === category && overlaps(s, o.span));
    const exact = overlapping.some((o) => sameFact(s.claim, o.claim));
    const sound = overlapping.some(
      (o) =>
        sameValue(s.claim.value, o.claim.value) &&
        (s.claim.subject === o.claim.subject || s.claim.subject === "TODO") &&
        (s.claim.property === o.claim.property || s.claim.property === "TODO"),
    );
    scores[category].suggestions++;
    if (overlapping.length > 0) scores[category].matched++;
    if (exact) scores[category].exact++;
    if (sound) scores[category].sound++;
    judged.push({
      sourcePath: source.sourcePath,
      category,
      line: s.span.line,
      start: s.span.start,
      end: s.span.end,
      text: s.span.text,
      claim: s.claim,
      verdict: exact ? "exact" : sound ? "sound" : overlapping.length > 0 ? "overlap" : "none",
    });
  }
  return { scores, suggestions: judged };
}

export function claimCategory(project: Project, claim: Claim): Category | undefined {
  if (claim.property === "status") return "status";
  switch (project.vocabulary.properties.get(claim.property)?.type) {
    case "date":
      return "dates";
    case "quantity":
      return "counts";
    case "name":
      return "names";
    default:
      return undefined;
  }
}

export function kindCategory(kind: CheckableKind): Category {
  switch (kind) {
    case "date":
      return "dates";
    case "number":
    case "percent":
      return "counts";
    case "name":
    case "title":
      return "names";
    case "status":
      return "status";
  }
}

/** Whether two readings give the same value of the same subject and property (a TODO is not the same). */
export function sameFact(
  a: { subject: string; property: string; value: unknown },
  b: { subject: string; property: string; value: unknown },
): boolean {
  return a.subject === b.subject && a.property === b.property && sameValue(a.value, b.value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= Math.abs(b) * 0.005;
  return typeof a === "string" && typeof b === "string"
    ? a.trim().toLowerCase() === b.trim().toLowerCase()
    : a === b;
}

function emptyScore(): Score {
  return {
    claims: 0,
    recalled: 0,
    found: 0,
    leads: 0,
    suggestions: 0,
    matched: 0,
    exact: 0,
    sound: 0,
    sameValue: 0,
    sameSubject: 0,
    sameProperty: 0,
  };
}

function emptyScores(): Record<Category, Score> {
  return { dates: emptyScore(), counts: emptyScore(), names: emptyScore(), status: emptyScore() };
}

function add(a: Score, b: Score): Score {
  return {
    claims: a.claims + b.claims,
    recalled: a.recalled + b.recalled,
    found: a.found + b.found,
    leads: a.leads + b.leads,
    suggestions: a.suggestions + b.suggestions,
    matched: a.matched + b.matched,
    exact: a.exact + b.exact,
    sound: a.sound + b.sound,
    sameValue: a.sameValue + b.sameValue,
    sameSubject: a.sameSubject + b.sameSubject,
    sameProperty: a.sameProperty + b.sameProperty,
  };
}

export const recall = (s: Score): number => (s.claims === 0 ? 1 : s.recalled / s.claims);
export const foundRecall = (s: Score): number => (s.claims === 0 ? 1 : s.found / s.claims);
export const precision = (s: Score): number =>
  s.suggestions === 0 ? 1 : s.matched / s.suggestions;
export const exactPrecision = (s: Score): number =>
  s.suggestions === 0 ? 1 : s.exact / s.suggestions;
export const soundPrecision = (s: Score): number =>
  s.suggestions === 0 ? 1 : s.sound / s.suggestions;

/** Several corpora's figures as one: every count summed, so the shares are pooled, not averaged. */
export function poolScores(
  results: readonly Pick<QualityResult, "byCategory">[],
): Pick<QualityResult, "byCategory"> {
  const total = emptyScores();
  for (const r of results) for (const c of CATEGORIES) total[c] = add(total[c], r.byCategory[c]);
  return { byCategory: total };
}

/** The figures as a Markdown table, for the README. */
export function qualityTable(result: Pick<QualityResult, "byCategory">): string {
  const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(0)}%`);
  const rows = CATEGORIES.map((c) => {
    const s = result.byCategory[c];
    return `| ${c} | ${s.recalled}/${s.claims} (${pct(s.recalled, s.claims)}) | ${s.found}/${s.claims} (${pct(s.found, s.claims)}), ${s.leads} ${s.leads === 1 ? "lead" : "leads"} | ${s.matched}/${s.suggestions} (${pct(s.matched, s.suggestions)}) | ${s.exact}/${s.suggestions} (${pct(s.exact, s.suggestions)}) | ${s.sound}/${s.suggestions} (${pct(s.sound, s.suggestions)}) | ${pct(s.sameValue, s.recalled)} | ${pct(s.sameSubject, s.recalled)} | ${pct(s.sameProperty, s.recalled)} |`;
  });
  return [
    "| kind | recall | found (with leads) | precision | all right | nothing wrong | same value | same subject | same property |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
