import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Article, groundEvidence } from "../../src/ground/ground-project.js";
import { locateQuote } from "../../src/ground/locate-quote.js";
import { closestPassage, nearMissLimit } from "../../src/ground/near-miss.js";
import { normalizeForMatch, normalizeQuote } from "../../src/ground/normalize.js";
import type { Source } from "../../src/model/project.js";

describe("normalizeForMatch", () => {
  it.each([
    ["non-breaking and repeated spaces", "a\u00a0\u00a0 b\n\nc", "a b c"],
    ["curly apostrophe", "Azerbaijan\u2019s", "Azerbaijan's"],
    ["back-tick used as an apostrophe", "country`s", "country's"],
    ["curly double quotes", "\u201cElection 2024\u201d", '"Election 2024"'],
    ["NFD to NFC", "Bayramov e\u0301", "Bayramov \u00e9"],
    ["letters are left alone", "llham Ilham", "llham Ilham"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeForMatch(input).text).toBe(expected);
  });

  it("maps every normalised character back to the original", () => {
    const original = "x\u00a0\u00a0y\u2019s e\u0301";
    const { text, origin } = normalizeForMatch(original);
    expect(text).toBe("x y's \u00e9");
    expect(origin[0]).toBe(0);
    expect(origin[1]).toBe(1); // the space run starts at index 1
    expect(origin[2]).toBe(3);
    expect(origin[text.length]).toBe(original.length);
  });

  it("is idempotent", () => {
    const once = normalizeQuote(" a\u2019  b\u00a0c ");
    expect(normalizeQuote(once)).toBe(once);
  });
});

describe("locating a quote", () => {
  const article = new Article("The CEC met. Then the CEC said yes.\nThe CEC\u00a0approved it.");

  it("finds every occurrence and narrows them by context", () => {
    expect(locateQuote(article.normalized, { quote: "the CEC" }).matches).toHaveLength(1);
    expect(locateQuote(article.normalized, { quote: "CEC" }).matches).toHaveLength(3);
    const withPrefix = locateQuote(article.normalized, { quote: "CEC", prefix: "Then the" });
    expect(withPrefix.matches).toHaveLength(1);
    const withSuffix = locateQuote(article.normalized, { quote: "CEC", suffix: "approved" });
    expect(withSuffix.matches).toHaveLength(1);
  });

  it("reports spans in code points, lines and columns of the original text", () => {
    const m = locateQuote(article.normalized, { quote: "CEC approved" }).matches[0]!;
    const span = article.span(m.start, m.end);
    expect(span).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 17 });
    expect([...article.text].slice(span.start, span.end).join("")).toBe("CEC\u00a0approved");
  });
});

describe("near misses", () => {
  const text =
    "Expressing his gratitude for warm words, President Ilham Aliyev hailed close cooperation.";
  it("finds the passage one letter away", () => {
    const found = closestPassage(normalizeForMatch(text).text, "President llham Aliyev hailed");
    expect(found).toMatchObject({ errors: 1 });
    expect(found!.errors).toBeLessThanOrEqual(nearMissLimit(29));
  });

  it("grades a one-letter typo as a near miss with a character diff, and a paraphrase as not found", () => {
    const source = {
      sourcePath: "sources/a.txt",
      where: { locate: () => ({ file: "claims/a.yaml", line: 9, column: 15 }) },
    } as unknown as Source;
    const near = groundEvidence(
      new Article(text),
      { quote: "President llham Aliyev" },
      source,
      ["claims", 0, "evidence"],
      "claim",
    );
    expect(near.findings[0]).toMatchObject({ ruleId: "quote-near-miss", severity: "error" });
    expect(near.findings[0]!.diff).toEqual([
      { op: 0, text: "President " },
      { op: -1, text: "I" },
      { op: 1, text: "l" },
      { op: 0, text: "lham Aliyev" },
    ]);
    const far = groundEvidence(
      new Article(text),
      { quote: "The minister thanked everyone for coming" },
      source,
      ["claims", 0, "evidence"],
      "claim",
    );
    expect(far.findings[0]).toMatchObject({ ruleId: "quote-not-found" });
  });
});

/**
 * The normalisation written the slow, obvious way: one character (with its combining marks) at a
 * time. The real one copies plain runs; both must give the same text and the same origin table.
 */
function referenceNormalize(original: string): { text: string; origin: number[] } {
  const space = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
  const singles = ["\u2018", "\u2019", "\u201a", "\u201b", "`", "\u00b4", "\u2032"];
  const doubles = ["\u201c", "\u201d", "\u201e", "\u201f", "\u2033"];
  let text = "";
  const origin: number[] = [];
  let pending = -1;
  let i = 0;
  while (i < original.length) {
    const ch = String.fromCodePoint(original.codePointAt(i) ?? 0);
    if (space.test(ch)) {
      if (pending < 0) pending = i;
      i += ch.length;
      continue;
    }
    if (pending >= 0) {
      text += " ";
      origin.push(pending);
      pending = -1;
    }
    let end = i + ch.length;
    while (end < original.length) {
      const next = String.fromCodePoint(original.codePointAt(end) ?? 0);
      if (!/\p{M}/u.test(next)) break;
      end += next.length;
    }
    let piece = original.slice(i, end).normalize("NFC");
    if (singles.includes(piece)) piece = "'";
    else if (doubles.includes(piece)) piece = '"';
    text += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
    i = end;
  }
  if (pending >= 0) {
    text += " ";
    origin.push(pending);
  }
  origin.push(original.length);
  return { text, origin };
}

describe("the fast normalisation agrees with the obvious one", () => {
  // Mostly the characters whose handling differs between runs and the slow path.
  const pieces = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "`", "\u2019", "\u0301", "\u0344"];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 24 })
    .map((parts) => parts.join(""));

  it("on generated text", () => {
    fc.assert(
      fc.property(text, (s) => {
        const fast = normalizeForMatch(s);
        const slow = referenceNormalize(s);
        expect(fast.text).toBe(slow.text);
        expect([...fast.origin]).toEqual(slow.origin);
      }),
      { numRuns: 3000 },
    );
  });

  it("on the bundled articles", () => {
    for (const file of readdirSync("sources")) {
      const original = readFileSync(`sources/${file}`, "utf8");
      const fast = normalizeForMatch(original);
      const slow = referenceNormalize(original);
      expect(fast.text).toBe(slow.text);
      expect([...fast.origin]).toEqual(slow.origin);
    }
  });
});
