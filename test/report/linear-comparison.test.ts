import { describe, expect, it } from "vitest";
import { compareInMemory } from "../helpers/compare.js";

const VOCABULARY = `entities:
  - {id: cis_mission, type: group, name: CIS observation mission}
properties:
  - {id: observer_count, label: observers, type: quantity, cardinality: single}
`;

/** n sources, each stating the mission's size in one of a few surface forms. */
function hotFact(n: number) {
  const forms = [
    { value: 170, quote: "170 observers" },
    { value: 170, quote: "one hundred and seventy observers" },
    { value: 170, quote: "close to 170 observers", hedge: "close to" },
    { value: 400, quote: "400 observers" },
  ];
  const claims = [];
  const texts = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const form = forms[i % forms.length]!;
    const file = `claims/s${i}.yaml`;
    texts.set(file, `The mission had ${form.quote} in the country.`);
    claims.push({
      file,
      text: `source: sources/s${i}.txt\noutlet: Outlet ${i}\nshort_name: S${i}\npublished: 2024-02-06\ntitle: T\nclaims:\n  - id: s${i}-1\n    subject: cis_mission\n    property: observer_count\n    value: ${form.value}\n${form.hedge ? `    qualifiers: {approximate: ${form.hedge}}\n` : ""}    evidence: ${form.quote}\n`,
    });
  }
  return compareInMemory(VOCABULARY, claims, texts);
}

describe("comparison cost", () => {
  it("compares distinct values, not pairs of claims: 1,000 sources stating one fact", () => {
    const { result } = hotFact(1000);
    const g = result.groups[0]!;
    expect(result.groups).toHaveLength(1);
    expect(g.sourceCount).toBe(1000);
    // Three distinct values (170 exact, close to 170, 400): two comparisons against the majority.
    // The two with 250 sources each come in the order of the values, not of the files.
    expect(g.values.map((v) => v.display)).toEqual(["170", "400", "close to 170"]);
    expect(g.values.map((v) => v.sources.length)).toEqual([500, 250, 250]);
    expect(g.verdict).toBe("conflict");
    // The matrix is left out above 100 sources, so only the group's own comparisons count.
    expect(result.matrix).toBeUndefined();
    expect(result.comparisons).toBe(2);
  });

  it("grows linearly: ten times the sources, the same comparisons", () => {
    expect(hotFact(100).result.comparisons).toBeLessThanOrEqual(2 + 3); // the matrix may compare the two minority values once
    expect(hotFact(1000).result.comparisons).toBe(2);
  });

  it("names a few sources per message, so findings grow with the claims, not their square", () => {
    const small = hotFact(100).findings;
    const large = hotFact(1000).findings;
    const conflict = large.find((f) => f.ruleId === "conflict")!;
    // The 500 sources of the majority value: five named, the rest counted.
    expect(conflict.message).toMatch(/\(S0, S1, S100, S101, S104 and 495 more\)/);
    expect(conflict.related).toHaveLength(10);
    const bytes = (fs: unknown[]) => JSON.stringify(fs).length;
    // Ten times the sources: about ten times the bytes (a square would be a hundred).
    expect(bytes(large) / bytes(small)).toBeLessThan(12);
  });
});
