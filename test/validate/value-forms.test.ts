/**
 * Numbers as real articles write them, in the quotes of the annotated folders: the value check
 * reads them, so a claim that has the number right gets no warning, and one that has it wrong
 * still does.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEDGE_PHRASES } from "../../src/assist/numbers.js";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject, REPO } from "../helpers/project.js";

const FIXTURES = join(REPO, "test/fixtures/suggest-quality");

/** The claim ids of a folder's value-not-in-quote warnings. */
async function valueWarnings(folder: string): Promise<string[]> {
  const { findings } = await checkProject({ root: join(FIXTURES, folder) });
  return findings
    .filter((f) => f.ruleId === "value-not-in-quote")
    .map((f) => /"([^"]+)"/.exec(f.message)?.[1] ?? f.message);
}

/** The findings of a project with one observer count quoting `quote` from an article holding `text`. */
async function oneCount(quote: string, value: string, qualifiers = "", text = `${quote}.`) {
  const root = makeProject({
    "claims/t.yaml": `${header("sources/a.txt")}claims:\n  - id: t-1\n    subject: cis_observation_mission_2024\n    property: observer_count\n    value: ${value}\n${qualifiers}    evidence: ${quote}\n`,
    "sources/a.txt": text,
  });
  return (await checkProject({ root })).findings;
}

describe("numbers as the articles write them", () => {
  it.each<[string, string[]]>([
    // "85,6%": decimal commas
    ["development-g", ["h5g-kampong-speu-turnout", "h5g-kandal-turnout", "h5g-takeo-turnout"]],
    // "8,3-million"
    ["development-k", ["h9b-population"]],
    // "about 1.5-million", "200-thousand"
    ["development-m", ["h11b-population"]],
    ["development-n", ["h12e-expected-voters"]],
    // "25,31%", "23,24%"
    ["held-out-13", ["h13d-turnout-1300", "h13d-2014-turnout-1300", "h13d-sofia-district-turnout"]],
    // "18.1million", "34, 684", "(42.2pc)"
    ["held-out-14", ["h14e-registered-voters", "h14e-polling-stations", "h14f-pest-turnout"]],
    // "11,5%", "the 38 thousands polling stations"
    ["held-out-15", ["h15a-turnout-noon", "h15a-polling-stations"]],
    // "1,099, 279"
    ["held-out-16", ["h16b-registered-voters"]],
  ])("%s: the quotes show the values claimed", async (folder, ids) => {
    const warned = await valueWarnings(folder);
    for (const id of ids) expect(warned).not.toContain(id);
  });

  it.each<[string, string, string]>([
    ["a decimal comma", "turnout was 25,31% by noon", "25.13"],
    ["a scale glued to its digits", "There are 18.1million voters", "1810000"],
    ["a scale after a hyphen", "about 1.5-million inhabitants", "150000"],
    ["a space after a thousands comma", "34, 684 polling stations", "43684"],
    ["a plural scale", "the 38 thousands polling stations", "3800"],
  ])("still warns of a wrong value read from %s", async (_name, text, value) => {
    const findings = await oneCount(text, value);
    expect(findings.filter((f) => f.ruleId === "value-not-in-quote")).toHaveLength(1);
  });
});

describe("the hedges suggest reads, the value check accepts", () => {
  it.each(HEDGE_PHRASES.map(([phrase, hedge]) => [phrase, hedge]))(
    '"%s 120 observers" backs approximate: %s',
    async (phrase, hedge) => {
      const quote = `The mission had ${phrase} 120 observers`;
      const findings = await oneCount(quote, "120", `    qualifiers: {approximate: ${hedge}}\n`);
      expect(findings.filter((f) => f.severity !== "note")).toEqual([]);
    },
  );

  it('"the estimated 550,000 voters" backs approximate: about, and does not ask for it', async () => {
    const text = "the estimated 550,000 voters";
    for (const qualifiers of ["    qualifiers: {approximate: about}\n", ""]) {
      const findings = await oneCount(text, "550000", qualifiers, `The mission counted ${text}.`);
      expect(findings.filter((f) => f.ruleId === "value-not-in-quote")).toEqual([]);
    }
  });
});

describe("a comparison after the number is no hedge", () => {
  it.each<[string, string, number]>([
    ["There were 1,048 candidates, 112 fewer than five years ago", "112", 0],
    ["4,216 new voters, 316 more than the last election", "316", 0],
    ["fewer than 112 candidates stood", "112", 1],
    ["turnout of nearly 60% by noon", "60", 1],
  ])("%j, claimed %s without a hedge: %i warning(s)", async (quote, value, warnings) => {
    const findings = await oneCount(quote, value);
    expect(findings.filter((f) => f.ruleId === "value-not-in-quote")).toHaveLength(warnings);
  });
});
