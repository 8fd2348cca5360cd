/**
 * Two annotators of the same articles: the held-out folders with a `second-annotation/` were
 * annotated again, independently, from their articles and vocabulary alone (never the first
 * claims), so the figures below say how often two careful people write the same date or count,
 * under the very measure that judges `suggest` (same value, subject and property, overlapping
 * evidence). And a proposal either of them wrote is one a careful reader would accept.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agreement,
  annotationValues,
  type ReadValue,
  suggestionValues,
} from "../../src/assist/agreement.js";
import { measureSuggestions } from "../../src/assist/quality.js";
import { checkProject } from "../../src/pipeline/check.js";
import { REPO } from "../helpers/project.js";

const FIXTURES = join(REPO, "test/fixtures/suggest-quality");
const FOLDERS = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, "second-annotation")))
  .sort();

/**
 * Pooled over the folders, [agreed, values]. Human figures are fixed by the files; the proposals'
 * figure against either annotator is a floor (measured on the code of the commit that last set
 * it) that may rise.
 */
const MEASURED = {
  folders: 32,
  secondAgainstFirst: { dates: [713, 840], counts: [2585, 2780] },
  firstAgainstSecond: { dates: [713, 741], counts: [2585, 2725] },
  proposalsAgainstFirst: { dates: [76, 103], counts: [2, 4] },
  proposalsAgainstEither: { dates: [84, 103], counts: [2, 4] },
} as const;

/** The second annotation as a project of its own: its claims, the vocabulary and the articles. */
function secondProject(folder: string): string {
  const root = mkdtempSync(join(tmpdir(), "claimcheck-second-"));
  mkdirSync(join(root, "claims"));
  cpSync(join(FIXTURES, folder, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  // A second annotator who needed an entity or property more has a vocabulary of its own, which
  // replaces the folder's (a claim using what was added cannot agree with the first annotator).
  cpSync(join(FIXTURES, folder, "second-annotation"), join(root, "claims"), { recursive: true });
  mkdirSync(join(root, "sources"));
  cpSync(join(FIXTURES, folder, "sources"), join(root, "sources"), { recursive: true });
  return root;
}

const pooled = (
  pairs: { judged: ReadValue[]; reference: ReadValue[] }[],
): { dates: [number, number]; counts: [number, number] } => {
  const total: { dates: [number, number]; counts: [number, number] } = {
    dates: [0, 0],
    counts: [0, 0],
  };
  for (const { judged, reference } of pairs) {
    const score = agreement(judged, reference);
    for (const c of ["dates", "counts"] as const) {
      total[c][0] += score[c].agreed;
      total[c][1] += score[c].values;
    }
  }
  return total;
};

describe("two annotators of the same held-out folders", () => {
  const readings: {
    folder: string;
    first: ReadValue[];
    second: ReadValue[];
    proposals: ReadValue[];
    secondErrors: number;
  }[] = [];

  beforeAll(async () => {
    for (const folder of FOLDERS) {
      const first = await checkProject({ root: join(FIXTURES, folder) });
      const second = await checkProject({ root: secondProject(folder) });
      const judged = measureSuggestions(first.project, first.grounding).suggestions.filter(
        (s) => s.category === "dates" || s.category === "counts",
      );
      readings.push({
        folder,
        first: annotationValues(first.project, first.grounding),
        second: annotationValues(second.project, second.grounding),
        proposals: suggestionValues(judged),
        secondErrors: second.findings.filter((f) => f.severity === "error").length,
      });
    }
  }, 300_000);

  it("has the folders measured, each second annotation valid, every quote found", () => {
    expect(FOLDERS).toHaveLength(MEASURED.folders);
    for (const r of readings) {
      expect(r.secondErrors, r.folder).toBe(0);
      expect(r.second.length, r.folder).toBeGreaterThan(0);
    }
  });

  it("a reading agrees with itself wholly, and a changed subject is one disagreement", () => {
    const { first } = readings[0]!;
    const self = agreement(first, first);
    for (const c of ["dates", "counts"] as const) expect(self[c].agreed).toBe(self[c].values);
    const changed = first.map((v, i) => (i === 0 ? { ...v, subject: `${v.subject}_other` } : v));
    const score = agreement(changed, first)[first[0]!.category];
    expect(score.agreed).toBe(score.values - 1);
  });

  it("agree on the figures recorded: how often two people write the same claim", () => {
    const secondAgainstFirst = pooled(
      readings.map((r) => ({ judged: r.second, reference: r.first })),
    );
    const firstAgainstSecond = pooled(
      readings.map((r) => ({ judged: r.first, reference: r.second })),
    );
    console.log(
      "second against first",
      secondAgainstFirst,
      "first against second",
      firstAgainstSecond,
    );
    expect(secondAgainstFirst).toEqual(MEASURED.secondAgainstFirst);
    expect(firstAgainstSecond).toEqual(MEASURED.firstAgainstSecond);
  });

  it("suggest's proposals: right against the first annotator, and against either", () => {
    const againstFirst = pooled(readings.map((r) => ({ judged: r.proposals, reference: r.first })));
    const againstEither = pooled(
      readings.map((r) => ({ judged: r.proposals, reference: [...r.first, ...r.second] })),
    );
    console.log("proposals against first", againstFirst, "against either", againstEither);
    for (const c of ["dates", "counts"] as const) {
      const [floor, of] = MEASURED.proposalsAgainstEither[c];
      const [agreed, values] = againstEither[c];
      // Either annotator accepts at least what the first does.
      expect(agreed).toBeGreaterThanOrEqual(againstFirst[c][0]);
      expect(agreed / Math.max(values, 1)).toBeGreaterThanOrEqual(floor / of - 0.02);
      const [firstFloor, firstOf] = MEASURED.proposalsAgainstFirst[c];
      expect(againstFirst[c][0] / Math.max(values, 1)).toBeGreaterThanOrEqual(
        firstFloor / firstOf - 0.02,
      );
    }
  });
});
