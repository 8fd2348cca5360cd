/**
 * How good `suggest` is on the bundled articles: each article's claims (and dateline) are taken
 * away, `suggest` runs as if it had never been annotated, and its proposals are compared with the
 * annotators' claims. The figures are printed (they are in the README) and guarded: the issue's
 * target is recall ≥ 80% for dates and counts, and no figure may fall more than a small margin
 * below what was measured when the assistant was written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  CATEGORIES,
  type Category,
  measureSuggestions,
  precision,
  type QualityResult,
  qualityTable,
  recall,
} from "../../src/assist/quality.js";
import { checkProject } from "../../src/pipeline/check.js";
import { REPO } from "../helpers/project.js";

/** Measured when written (recall, precision; and of the recalled, same value, subject, property). */
const MEASURED: Record<Category, [number, number, number, number, number]> = {
  dates: [13 / 13, 13 / 15, 13 / 13, 13 / 13, 13 / 13],
  counts: [11 / 11, 11 / 12, 11 / 11, 7 / 11, 10 / 11],
  names: [72 / 88, 57 / 63, 61 / 72, 52 / 72, 52 / 72],
  status: [5 / 5, 6 / 10, 5 / 5, 5 / 5, 5 / 5],
};
const MARGIN = 0.05;

describe("suggestion quality on the bundled articles", () => {
  let result: QualityResult;
  beforeAll(async () => {
    const { project, grounding } = await checkProject({ root: REPO });
    result = measureSuggestions(project, grounding);
    console.log(`suggest, measured on the bundled articles:\n${qualityTable(result)}`);
  });

  it("recalls at least 80% of the dates and of the counts (the issue's target)", () => {
    expect(recall(result.byCategory.dates)).toBeGreaterThanOrEqual(0.8);
    expect(recall(result.byCategory.counts)).toBeGreaterThanOrEqual(0.8);
  });

  it.each(CATEGORIES)("%s: no figure below what was measured, less a small margin", (c) => {
    const s = result.byCategory[c];
    const [r, p, value, subject, property] = MEASURED[c];
    expect(recall(s)).toBeGreaterThanOrEqual(r - MARGIN);
    expect(precision(s)).toBeGreaterThanOrEqual(p - MARGIN);
    expect(s.sameValue / s.recalled).toBeGreaterThanOrEqual(value - MARGIN);
    expect(s.sameSubject / s.recalled).toBeGreaterThanOrEqual(subject - MARGIN);
    expect(s.sameProperty / s.recalled).toBeGreaterThanOrEqual(property - MARGIN);
  });

  it("covers every article and every annotated date and count", () => {
    expect(result.byArticle).toHaveLength(5);
    expect(result.byCategory.dates.claims).toBe(13);
    expect(result.byCategory.counts.claims).toBe(11);
  });
});
