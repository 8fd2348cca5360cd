/**
 * What makes `suggest` and `coverage` linear in an article's length must find what the plain
 * searches found: the phrase index against a scan of the text, the overlap check against
 * comparing every pair, and chrono read in pieces against chrono over the whole text.
 */
import * as chrono from "chrono-node";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDates } from "../../src/assist/dates.js";
import { pickLongest } from "../../src/assist/names.js";
import { OccurrenceIndex } from "../../src/assist/occurrences.js";
import { AssistText } from "../../src/assist/text.js";
import { findOccurrences } from "../../src/ground/locate-quote.js";

describe("the phrase index", () => {
  // Few letters, so that phrases repeat and pieces collide.
  const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "c"), maxLength: 400 });

  it("finds every occurrence a scan finds", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 12 }), (t, at, length) => {
        const index = new OccurrenceIndex(t);
        const start = t.length === 0 ? 0 : at % t.length;
        const needle = t.slice(start, start + length);
        const all = findOccurrences(t, needle).map((o) => o.start);
        expect(index.find(needle, Number.MAX_SAFE_INTEGER)).toEqual(all);
        // With a limit: that many of them, each a real occurrence.
        const two = index.find(needle, 2);
        expect(two).toHaveLength(Math.min(2, all.length));
        for (const s of two) expect(all).toContain(s);
      }),
      { numRuns: 1000 },
    );
  });

  it("finds nothing for a phrase the text does not hold", () => {
    const index = new OccurrenceIndex("the commission met the delegation");
    expect(index.find("the delegation met", 5)).toEqual([]);
    expect(index.find("the", 5)).toEqual([0, 19]);
  });
});

describe("choosing the longest of overlapping mentions", () => {
  const reference = <T extends { start: number; end: number }>(candidates: T[]): T[] => {
    const sorted = [...candidates].sort(
      (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
    const chosen: T[] = [];
    for (const c of sorted)
      if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
    return chosen.sort((a, b) => a.start - b.start);
  };

  it("chooses what comparing every pair chose", () => {
    const span = fc
      .tuple(fc.nat(200), fc.nat(20), fc.nat(5))
      .map(([start, length, id]) => ({ start, end: start + length, id }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (candidates) => {
        expect(pickLongest(candidates)).toEqual(reference(candidates));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("dates read in pieces", () => {
  const MONTHS = ["January", "March", "May", "October", "December"];
  const line = fc
    .tuple(
      fc.nat(4),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1990, max: 2030 }),
      fc.nat(3),
    )
    .map(
      ([m, d, y, form]) =>
        [
          `The session opened on ${MONTHS[m]} ${d}, ${y} in the capital.`,
          `It was held by ${y} at the latest, officials said.`,
          `Delegates arrived on ${d} ${MONTHS[m]} and left the next day.`,
          "Nothing was dated in this line of the report.",
        ][form]!,
    );

  it("finds what chrono finds over the whole text, when no date crosses a line break", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 100, maxLength: 400 }), (lines) => {
        const original = `${lines.join("\n")}\n`;
        const text = new AssistText(original);
        const dates = findDates(text, "2024-02-06").filter((d) => /\D/.test(d.text));
        // findDates gives the date without a leading "on", "from" (as chrono does not).
        const whole = chrono
          .parse(text.text, { instant: new Date("2024-02-06T12:00:00Z"), timezone: 0 })
          .map((r) => {
            const lead = /^(?:on|from|since|until|till|by|in)\s+/i.exec(r.text)?.[0] ?? "";
            return [r.index + lead.length, r.text.slice(lead.length)];
          });
        // Bare years ("by 2026") are found apart from chrono.
        expect(dates.map((d) => [d.start, d.text])).toEqual(
          whole.filter(([, t]) => dates.some((d) => d.text === t)),
        );
        expect(dates.length).toBe(whole.length);
      }),
      { numRuns: 20 },
    );
  });
});
