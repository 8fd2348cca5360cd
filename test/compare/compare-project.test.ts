import { describe, expect, it } from "vitest";
import { compareInMemory } from "../helpers/compare.js";

const VOCABULARY = `entities:
  - {id: mission, type: group, name: Observation mission}
properties:
  - {id: head, label: head, type: name, cardinality: single}
  - {id: size, label: size, type: quantity, cardinality: single}
`;

interface Article {
  shortName: string;
  claims: { property: string; value: string | number; asOf?: string }[];
}

/** Compares articles whose every claim is about the mission, each quote being its own sentence. */
function compare(articles: Article[], expectedRules: string[] = []) {
  const texts = new Map<string, string>();
  const claims = articles.map((article, i) => {
    const file = `claims/a${i}.yaml`;
    const quotes = article.claims.map((c, k) => `Sentence ${i}-${k} gives ${c.value}.`);
    texts.set(file, quotes.join("\n"));
    const items = article.claims.map(
      (c, k) =>
        `  - id: a${i}-${k}\n    subject: mission\n    property: ${c.property}\n    value: ${JSON.stringify(c.value)}\n${c.asOf ? `    qualifiers: {as_of: "${c.asOf}"}\n` : ""}    evidence: ${JSON.stringify(quotes[k])}\n`,
    );
    return {
      file,
      text: `source: sources/a${i}.txt\noutlet: Outlet ${i}\nshort_name: ${article.shortName}\npublished: 2024-02-06\ntitle: T\nclaims:\n${items.join("")}`,
    };
  });
  return compareInMemory(VOCABULARY, claims, texts, expectedRules).result;
}

describe("compareProject", () => {
  it("counts every claims file as a source of its own, whatever short names they give", () => {
    const head = (value: string) => [{ property: "head", value }];
    const { groups, agreement } = compare(
      [
        { shortName: "Dup", claims: head("Sergey Lebedev") },
        { shortName: "Dup", claims: head("Ivan Petrov") },
        { shortName: "Other", claims: head("Ivan Petrov") },
        { shortName: "Dup", claims: head("Sergey Lebedev") },
        { shortName: "Third", claims: head("Ivan Petrov") },
      ],
      // The repeated name is an error, naming both files…
      ["duplicate-short-name", "duplicate-short-name"],
    );
    // …and the files are still told apart: nobody "says both".
    const group = groups[0]!;
    expect(group.values.map((v) => [v.display, v.sources])).toEqual([
      ["Ivan Petrov", ["Dup (a1)", "Other", "Third"]],
      ["Sergey Lebedev", ["Dup", "Dup (a3)"]],
    ]);
    expect(group.sourceCount).toBe(5);
    expect(agreement.map((a) => [a.source, a.shared, a.agreeing])).toEqual([
      ["Dup", 1, 0],
      ["Dup (a1)", 1, 1],
      ["Dup (a3)", 1, 0],
      ["Other", 1, 1],
      ["Third", 1, 1],
    ]);
  });

  it("keeps each as-of date its own fact when a subject has many", () => {
    const months = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, "0")}`);
    const sizes = (offset: number) =>
      months.map((asOf, m) => ({ property: "size", value: 100 + m + offset, asOf }));
    const { groups } = compare([
      { shortName: "A", claims: sizes(0) },
      { shortName: "B", claims: [...sizes(0), { property: "size", value: 7 }] },
      { shortName: "C", claims: sizes(1) },
    ]);
    expect(groups.map((g) => g.key).sort()).toEqual(
      ["mission/size", ...months.map((m) => `mission/size@${m}`)].sort(),
    );
    for (const g of groups.filter((g) => g.asOf !== undefined)) {
      expect(g.sourceCount).toBe(3);
      expect(g.values.map((v) => v.sources)).toEqual([["A", "B"], ["C"]]);
    }
  });
});
