/**
 * The mention finder chooses which names' patterns to run; what they find must not change. The
 * reference below is the search as it was before the finder: every form's pattern over the
 * whole text, and the look-alike index built from the forms searched.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foldForPlainForm,
  type Mention,
  MentionFinder,
  type NameForm,
  pickLongest,
} from "../../src/assist/names.js";
import { AssistText } from "../../src/assist/text.js";
import { confusableSkeleton } from "../../src/compare/name.js";

function referenceMentions(text: AssistText, forms: readonly NameForm[]): Mention[] {
  const candidates: Mention[] = [];
  for (const f of forms) {
    const escaped = f.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`,
      f.form === "acronym" ? "gu" : "giu",
    );
    for (const m of text.text.matchAll(re)) {
      candidates.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        entity: f.entity,
        type: f.type,
        form: f.form,
      });
    }
  }
  const bySkeleton = new Map<string, NameForm>();
  const lengths = new Set<number>();
  for (const f of forms) {
    if (f.form === "acronym") continue;
    const n = f.text.split(" ").length;
    if (n < 2 || n > 6 || f.text.length < 6) continue;
    bySkeleton.set(confusableSkeleton(f.text), f);
    lengths.add(n);
  }
  for (const n of lengths) {
    for (let i = 0; i + n <= text.words.length; i++) {
      const first = text.words[i]!;
      const last = text.words[i + n - 1]!;
      const run = text.text.slice(first.start, last.end);
      if (run.split(" ").length !== n) continue;
      const form = bySkeleton.get(confusableSkeleton(run));
      if (!form || run.toLowerCase() === form.text.toLowerCase()) continue;
      candidates.push({
        start: first.start,
        end: last.end,
        text: run,
        entity: form.entity,
        type: form.type,
        form: form.form,
        lookAlikeOf: form.text,
      });
    }
  }
  return pickLongest(candidates);
}

// Pieces that stress the choice of patterns: case, the two non-ASCII letters that match ASCII
// ones in any case (KELVIN SIGN, LONG S), Cyrillic look-alikes, digits, punctuation at the ends
// of a name, hyphens, quotes and parentheses.
const WORDS = [
  "Ilham",
  "ILHAM",
  "llham",
  "Aliyev",
  "aliyev",
  "Aliyеv",
  "CIS",
  "cis",
  "Cis",
  "SCO",
  "Union",
  "of",
  "Independent",
  "States",
  "\u212Aamran",
  "Kamran",
  "kamran",
  "\u017Fergey",
  "Sergey",
  "2024",
  "Event",
  "Inc.",
  '"Election',
  '2024"',
  "U.S.",
  "(CIS)",
  "Jean-Luc",
  "naïve",
  "ΣΟΦΙΑ",
  "σοφια",
  "Straße",
  "STRASSE",
  "İstanbul",
  "istanbul",
];
const SEPARATORS = [" ", " ", " ", ", ", ". ", "-", " (", ") "];

const phrase = (min: number, max: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
      minLength: min,
      maxLength: max,
    })
    .map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join(""));

const form = fc.record({
  text: phrase(1, 4),
  entity: fc.constantFrom("a", "b", "c", "d"),
  type: fc.constant("person" as const),
  form: fc.constantFrom("name", "alias", "variant", "acronym") as fc.Arbitrary<NameForm["form"]>,
});

describe("MentionFinder", () => {
  it("finds what every form's pattern over the whole text finds", () => {
    fc.assert(
      fc.property(phrase(0, 30), fc.array(form, { maxLength: 12 }), (text, forms) => {
        const assist = new AssistText(text);
        expect(new MentionFinder(forms).find(assist)).toEqual(referenceMentions(assist, forms));
      }),
      { numRuns: 400 },
    );
  });

  it("with some forms left out, finds what searching only the others finds", () => {
    fc.assert(
      fc.property(
        phrase(0, 30),
        fc.array(form, { maxLength: 12 }),
        fc.constantFrom("a", "b", "c", "d"),
        (text, forms, left) => {
          const assist = new AssistText(text);
          const kept = (f: NameForm) => f.entity !== left;
          const finder = new MentionFinder(forms);
          expect(finder.find(assist, kept)).toEqual(referenceMentions(assist, forms.filter(kept)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("finds names met in the bundled articles' style, and look-alikes", () => {
    const forms: NameForm[] = [
      { text: "Ilham Aliyev", entity: "aliyev", type: "person", form: "name" },
      {
        text: "Commonwealth of Independent States",
        entity: "cis",
        type: "organisation",
        form: "name",
      },
      { text: "CIS", entity: "cis", type: "organisation", form: "acronym" },
      { text: "Independent States", entity: "x", type: "organisation", form: "alias" },
    ];
    const text = new AssistText(
      "President llham Aliyev met the Commonwealth of Independent States (CIS) delegation; cis is not CIS.",
    );
    const found = new MentionFinder(forms).find(text).map((m) => [m.text, m.entity, m.lookAlikeOf]);
    expect(found).toEqual([
      ["llham Aliyev", "aliyev", "Ilham Aliyev"],
      ["Commonwealth of Independent States", "cis", undefined],
      ["CIS", "cis", undefined],
      ["CIS", "cis", undefined],
    ]);
  });

  it("does not find a name again inside its last match, as a search of the whole text does not", () => {
    // "Event-Event" is found at 16 only: the search goes on after that match, so the one at 22
    // is never a candidate, and the longer name that overlaps the first is all that is left.
    const forms: NameForm[] = [
      { text: "Event-Event", entity: "e", type: "event", form: "name" },
      { text: "big big big Event", entity: "b", type: "event", form: "name" },
    ];
    const text = new AssistText("the big big big Event-Event-Event");
    const found = new MentionFinder(forms).find(text);
    expect(found.map((m) => [m.start, m.text])).toEqual([[4, "big big big Event"]]);
    expect(found).toEqual(referenceMentions(text, forms));
  });

  it("folds every character that matches a printable ASCII one in any case to that one", () => {
    // The finder looks plain names up by folded text, so a character that a case-insensitive
    // pattern pairs with an ASCII one must fold to the same: checked for every code point.
    const ascii = /[\x21-\x7e]/iu;
    const missed: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!ascii.test(ch)) continue;
      const folded = foldForPlainForm(ch);
      const partner = [..."abcdefghijklmnopqrstuvwxyz0123456789"].find((a) =>
        new RegExp(`^${a}$`, "iu").test(ch),
      );
      if (partner === undefined || folded !== partner) missed.push(`U+${cp.toString(16)}`);
    }
    expect(missed).toEqual([]);
    // The two there are, so that the check above is not empty.
    expect(foldForPlainForm("\u212A\u017F")).toBe("ks");
  });
});
