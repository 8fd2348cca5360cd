/**
 * How good `suggest` is: on the bundled articles and on each folder of test/fixtures/suggest-quality
 * (development articles the heuristics were tuned on, and held-out ones they never were), each
 * article's claims (and dateline) are taken away, `suggest` runs as if it had never been
 * annotated, and its proposals are compared with the annotators' claims. The figures are printed
 * (the README quotes them) and guarded: no figure may fall more than a small margin below what
 * was last measured, and recall of dates and counts stays at least 80% on the bundled articles.
 *
 * New articles plug in: those added to claims/ and sources/ are measured with the bundled ones,
 * and a folder under test/fixtures/suggest-quality with a quality.json is measured on its own.
 * Either changes the figures: update MEASURED below (and the README) when they change.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CATEGORIES,
  type Category,
  exactPrecision,
  measureSuggestions,
  precision,
  type QualityResult,
  qualityTable,
  recall,
  soundPrecision,
} from "../../src/assist/quality.js";
import { checkProject } from "../../src/pipeline/check.js";
import { REPO, seedProject } from "../helpers/project.js";

const FIXTURES = join(REPO, "test/fixtures/suggest-quality");

interface Corpus {
  name: string;
  root: string;
  /** The kinds of claim annotated completely there: precision means something only for those. */
  categories: readonly Category[];
}

const CORPORA: Corpus[] = [
  { name: "bundled", root: REPO, categories: CATEGORIES },
  // The five articles the heuristics were first written against, apart from those added later.
  { name: "seeds", root: seedProject(), categories: CATEGORIES },
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, "quality.json")))
    .map((d) => ({
      name: d.name,
      root: join(FIXTURES, d.name),
      categories: (
        JSON.parse(readFileSync(join(FIXTURES, d.name, "quality.json"), "utf8")) as {
          categories: Category[];
        }
      ).categories,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1)),
];

/**
 * Last measured, per corpus and kind: recall, precision (overlap), all right (same value, subject
 * and property), nothing wrong (the same, a TODO counting as not wrong).
 */
const MEASURED: Record<string, Partial<Record<Category, [number, number, number, number]>>> = {
  bundled: {
    dates: [44 / 44, 44 / 50, 37 / 50, 41 / 50],
    counts: [45 / 46, 45 / 45, 23 / 45, 35 / 45],
    names: [239 / 310, 188 / 203, 163 / 203, 165 / 203],
    status: [13 / 18, 14 / 25, 14 / 25, 14 / 25],
  },
  seeds: {
    dates: [13 / 13, 13 / 14, 12 / 14, 13 / 14],
    counts: [11 / 11, 11 / 11, 8 / 11, 10 / 11],
    names: [72 / 88, 57 / 63, 45 / 63, 48 / 63],
    status: [6 / 6, 7 / 10, 7 / 10, 7 / 10],
  },
  "development-a": {
    dates: [12 / 12, 12 / 13, 11 / 13, 12 / 13],
    counts: [50 / 50, 50 / 50, 25 / 50, 47 / 50],
  },
  "development-b": {
    dates: [30 / 30, 30 / 32, 24 / 32, 30 / 32],
    counts: [25 / 25, 25 / 26, 8 / 26, 22 / 26],
  },
  "held-out": {
    dates: [6 / 7, 6 / 11, 5 / 11, 6 / 11],
    counts: [19 / 19, 18 / 30, 3 / 30, 14 / 30],
  },
};
const MARGIN = 0.05;

describe.each(CORPORA)("suggestion quality: $name", (corpus) => {
  let result: QualityResult;
  beforeAll(async () => {
    const { project, grounding } = await checkProject({ root: corpus.root });
    result = measureSuggestions(project, grounding);
    const table = qualityTable(result)
      .split("\n")
      .filter((row, i) => i < 2 || corpus.categories.some((c) => row.startsWith(`| ${c} `)))
      .join("\n");
    console.log(`suggest, measured on ${corpus.name}:\n${table}`);
  });

  it("measures every article of the corpus, each annotated claim once", async () => {
    const { project } = await checkProject({ root: corpus.root });
    expect(result.byArticle).toHaveLength(project.sources.length);
    expect(result.byCategory.dates.claims + result.byCategory.counts.claims).toBeGreaterThan(0);
  });

  it.each(CATEGORIES.filter((c) => corpus.categories.includes(c)))(
    "%s: no figure below what was last measured, less a small margin",
    (c) => {
      const measured = MEASURED[corpus.name]?.[c];
      expect(
        measured,
        `no figures recorded for ${corpus.name}: add them to MEASURED`,
      ).toBeDefined();
      const [r, p, allRight, nothingWrong] = measured!;
      const s = result.byCategory[c];
      expect(recall(s)).toBeGreaterThanOrEqual(r - MARGIN);
      expect(precision(s)).toBeGreaterThanOrEqual(p - MARGIN);
      expect(exactPrecision(s)).toBeGreaterThanOrEqual(allRight - MARGIN);
      expect(soundPrecision(s)).toBeGreaterThanOrEqual(nothingWrong - MARGIN);
    },
  );
});

describe("suggestion quality on the bundled articles", () => {
  it("recalls at least 80% of the dates and of the counts", async () => {
    const { project, grounding } = await checkProject({ root: REPO });
    const result = measureSuggestions(project, grounding);
    expect(recall(result.byCategory.dates)).toBeGreaterThanOrEqual(0.8);
    expect(recall(result.byCategory.counts)).toBeGreaterThanOrEqual(0.8);
  });

  it("proposes one date the five seed articles do not annotate, and none wrong besides", async () => {
    const { project, grounding } = await checkProject({ root: seedProject() });
    const result = measureSuggestions(project, grounding);
    expect(result.byCategory.dates.claims).toBe(13);
    expect(result.byCategory.counts.claims).toBe(11);
    // The one: "a press conference today" in the 2024 Unattributed article, which the grown
    // vocabulary names (cis_mission_press_conference_2024) and the seed's claims do not claim.
    const dates = result.byCategory.dates;
    expect(dates.suggestions - dates.matched).toBe(1);
    expect(dates.sound).toBe(dates.matched);
  });
});
