/**
 * The assistant over a checked project: each article's checkable statements, its coverage by
 * the claims' grounded evidence, and suggested claims for what is left. Pure: it works on the
 * result of pipeline/check.ts (its stages are named for the progress line and CLAIMCHECK_TIMING).
 */
import type { GroundingResult, Span } from "../ground/ground-project.js";
import type { Project, Source } from "../model/project.js";
import { timed } from "../pipeline/timing.js";
import { type ArticleAnalysis, analyseArticle } from "./checkable.js";
import {
  type ArticleCoverage,
  addCounts,
  articleCoverage,
  type Counts,
  emptyCounts,
} from "./coverage.js";
import { buildPriors, type Priors } from "./guess.js";
import { type Suggestions, suggestClaims } from "./suggest.js";

export interface AssistedSource {
  source: Source;
  text: string;
  analysis: ArticleAnalysis;
  coverage: ArticleCoverage;
}

export function assistSources(
  project: Project,
  grounding: GroundingResult,
  only?: (source: Source) => boolean,
): AssistedSource[] {
  return eachArticle(grounding, only, (g) => assistSource(project, g.source, g.text, g.spans));
}

/** An article's coverage without its analysis. */
export type SourceCoverage = Pick<AssistedSource, "source" | "coverage">;

/**
 * Each article's coverage alone. Its analysis (every word of the article, every mention) is let
 * go as soon as the coverage is counted: kept, it took 1.2 GB for 4,000 articles.
 */
export function coverageOfSources(
  project: Project,
  grounding: GroundingResult,
  only?: (source: Source) => boolean,
): SourceCoverage[] {
  return [...eachCoverage(project, grounding, only)];
}

/**
 * The same, one article at a time, computed as it is asked for: a caller that writes each
 * article's coverage out need not keep them all.
 */
export function* eachCoverage(
  project: Project,
  grounding: GroundingResult,
  only?: (source: Source) => boolean,
): Generator<SourceCoverage> {
  for (const g of byPath(grounding, only)) {
    yield timed("analyse articles", () => {
      const { source, coverage } = assistSource(project, g.source, g.text, g.spans);
      return { source, coverage };
    });
  }
}

/** `work` for each grounded article `only` accepts, as one stage, by article path. */
function eachArticle<T extends { source: Source }>(
  grounding: GroundingResult,
  only: ((source: Source) => boolean) | undefined,
  work: (grounded: GroundingResult["grounded"][number]) => T,
): T[] {
  return byPath(grounding, only).map((g) => timed("analyse articles", () => work(g)));
}

/** The grounded articles `only` accepts, by article path. */
function byPath(
  grounding: GroundingResult,
  only: ((source: Source) => boolean) | undefined,
): GroundingResult["grounded"] {
  return grounding.grounded
    .filter((g) => !only || only(g.source))
    .sort((a, b) => (a.source.sourcePath < b.source.sourcePath ? -1 : 1));
}

export function assistSource(
  project: Project,
  source: Source,
  text: string,
  spans: ReadonlyMap<string, Span>,
): AssistedSource {
  const analysis = analyseArticle(text, {
    published: source.published,
    vocabulary: project.vocabulary,
  });
  return { source, text, analysis, coverage: articleCoverage(analysis, source, spans) };
}

export function suggestFor(
  project: Project,
  assisted: AssistedSource,
  priors: Priors = buildPriors(project),
  options: { withTodos?: boolean } = {},
): Suggestions {
  const usedIds = new Set(project.sources.flatMap((s) => s.claims.map((c) => c.id)));
  return timed("suggest claims", () =>
    suggestClaims({
      analysis: assisted.analysis,
      coverage: assisted.coverage,
      source: assisted.source,
      vocabulary: project.vocabulary,
      priors,
      usedIds,
      others: project.sources,
      ...(options.withTodos ? { withTodos: true } : {}),
    }),
  );
}

export function totalCounts(sources: readonly SourceCoverage[]): Counts {
  return sources.reduce((sum, s) => addCounts(sum, s.coverage.counts), emptyCounts());
}
