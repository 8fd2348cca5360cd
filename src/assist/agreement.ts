/**
 * How far two readings of the same articles agree, judged the way `suggest`'s proposals are
 * judged (quality.ts): a value of one reading agrees when the other has a claim of the same
 * category whose evidence overlaps it, with the same value, subject and property.
 *
 * It measures what the quality targets can ask of a guesser: a second annotator, given the same
 * articles and vocabulary but not the first annotator's claims, shows how often two careful
 * people write the same claim. And a proposal that either annotator wrote is one a careful
 * reader would accept, which a single annotation undercounts.
 */
import type { GroundingResult } from "../ground/ground-project.js";
import type { Project } from "../model/project.js";
import {
  CATEGORIES,
  type Category,
  claimCategory,
  type JudgedSuggestion,
  sameFact,
} from "./quality.js";

/** One value a reading gives: where in which article, and what it says of what. */
export interface ReadValue {
  sourcePath: string;
  category: Category;
  /** Code points from the start of the article, end exclusive. */
  start: number;
  end: number;
  subject: string;
  property: string;
  value: unknown;
}

export interface AgreementScore {
  /** Values of the reading judged. */
  values: number;
  /** Of those, the ones the reference reading also gives. */
  agreed: number;
}

/** An annotation's accepted, grounded claims, as values (its evidence's span). */
export function annotationValues(project: Project, grounding: GroundingResult): ReadValue[] {
  const values: ReadValue[] = [];
  for (const g of grounding.grounded) {
    for (const claim of g.source.claims) {
      const span = g.spans.get(claim.id);
      const category = claimCategory(project, claim);
      if (!span || !category || claim.status !== "accepted") continue;
      values.push({
        sourcePath: g.source.sourcePath,
        category,
        start: span.start,
        end: span.end,
        subject: claim.subject,
        property: claim.property,
        value: claim.value,
      });
    }
  }
  return values;
}

/** Proposals, as values (the value's span, as the quality measure takes it). */
export function suggestionValues(suggestions: readonly JudgedSuggestion[]): ReadValue[] {
  return suggestions.map((s) => ({
    sourcePath: s.sourcePath,
    category: s.category,
    start: s.start,
    end: s.end,
    subject: s.claim.subject,
    property: s.claim.property,
    value: s.claim.value,
  }));
}

/** How many of `judged`'s values `reference` also gives, by category. */
export function agreement(
  judged: readonly ReadValue[],
  reference: readonly ReadValue[],
): Record<Category, AgreementScore> {
  const byArticle = new Map<string, ReadValue[]>();
  for (const r of reference) {
    const list = byArticle.get(r.sourcePath);
    if (list) list.push(r);
    else byArticle.set(r.sourcePath, [r]);
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, { values: 0, agreed: 0 }])) as Record<
    Category,
    AgreementScore
  >;
  for (const j of judged) {
    const score = scores[j.category];
    score.values++;
    const same = (r: ReadValue) =>
      r.category === j.category && r.start < j.end && j.start < r.end && sameFact(j, r);
    if (byArticle.get(j.sourcePath)?.some(same)) score.agreed++;
  }
  return scores;
}
