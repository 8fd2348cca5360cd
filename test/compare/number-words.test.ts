import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findNumbers, parseNumberWords } from "../../src/compare/number-words.js";

describe("parseNumberWords", () => {
  it.each<[string, number]>([
    ["7", 7],
    ["seven", 7],
    ["Seven", 7],
    ["SEVEN", 7],
    ["zero", 0],
    ["ten", 10],
    ["nineteen", 19],
    ["twenty", 20],
    ["twenty-one", 21],
    ["twenty one", 21],
    ["ninety‑nine", 99], // non-breaking hyphen
    ["one hundred", 100],
    ["a hundred", 100],
    ["one hundred and five", 105],
    ["one hundred five", 105],
    ["two hundred and thirty-four", 234],
    ["twelve hundred", 1200],
    ["a thousand", 1000],
    ["two thousand and five", 2005],
    ["two thousand twenty-four", 2024],
    ["one hundred and five thousand", 105000],
    ["three billion", 3e9],
    ["two million three hundred thousand", 2_300_000],
    ["one million two hundred thousand and fifty", 1_200_050],
    ["a million", 1e6],
    ["a dozen", 12],
    ["two dozen", 24],
    ["two thirds", 2 / 3],
    ["two-thirds", 2 / 3],
    ["a third", 1 / 3],
    ["one third", 1 / 3],
    ["three quarters", 0.75],
    ["a quarter", 0.25],
    ["half", 0.5],
    ["a half", 0.5],
    ["one and a half", 1.5],
    ["two and three quarters", 2.75],
    ["one and a half million", 1_500_000],
    ["half a million", 500_000],
    ["half a dozen", 6],
    ["1,200", 1200],
    ["12,345,678", 12_345_678],
    ["1200", 1200],
    ["3.5", 3.5],
    ["1,200.50", 1200.5],
    ["3.5 million", 3_500_000],
    ["1.1 million", 1_100_000],
    ["7 thousand", 7000],
    ["5 hundred", 500],
    ["  seven  ", 7],
    // Forms real articles write: decimal commas, scales joined by a hyphen or nothing, plurals.
    ["25,31", 25.31],
    ["11,5", 11.5],
    ["1,20", 1.2],
    ["8,3-million", 8_300_000],
    ["1.5-million", 1_500_000],
    ["200-thousand", 200_000],
    ["18.1million", 18_100_000],
    ["3.5million", 3_500_000],
    ["38 thousands", 38_000],
  ])("%j → %d", (text, value) => {
    expect(parseNumberWords(text)).toBe(value);
  });

  it.each([
    [""],
    ["   "],
    ["a"],
    ["and"],
    ["dozens"],
    ["several"],
    ["a few"],
    ["thousands"],
    ["fifth"],
    ["twenty-first"],
    ["7th"],
    ["G7"],
    ["-3"],
    ["$7"],
    ["7%"],
    ["seven eight"],
    ["seven and eight"],
    ["seven candidates"],
    ["nineteen ninety-six"],
    ["one hundred and"],
    ["two thousand three thousand"],
    ["1, 200"],
    ["1,2345"],
    ["two thousands"],
    ["5km"],
    ["8pm"],
    ["1990s"],
    ["two third"],
    ["one thirds"],
    ["someone"],
  ])("%j is not one number", (text) => {
    expect(parseNumberWords(text)).toBeUndefined();
  });

  it("reads 7 and seven as the same number", () => {
    expect(parseNumberWords("7")).toBe(parseNumberWords("seven"));
  });

  it("reads every integer below 10,000 written in digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => parseNumberWords(String(n)) === n),
    );
  });
});

describe("findNumbers", () => {
  it.each<[string, Array<[number, string]>]>([
    ["registered seven candidates", [[7, "seven"]]],
    ["with close to 170 observers", [[170, "170"]]],
    ["voting in nearly 400 polling stations", [[400, "400"]]],
    ["for the first time in more than 30 years", [[30, "30"]]],
    [
      "three billion people, which is two thirds of the area",
      [
        [3e9, "three billion"],
        [2 / 3, "two thirds"],
      ],
    ],
    [
      "observers from twenty-one countries and 1,200 journalists",
      [
        [21, "twenty-one"],
        [1200, "1,200"],
      ],
    ],
    [
      "one hundred and five members and seven",
      [
        [105, "one hundred and five"],
        [7, "seven"],
      ],
    ],
    [
      "seven and eight",
      [
        [7, "seven"],
        [8, "eight"],
      ],
    ],
    ["a 3.5 million budget", [[3_500_000, "3.5 million"]]],
    [
      "In 2024, 7 candidates",
      [
        [2024, "2024"],
        [7, "7"],
      ],
    ],
    ["a seven-member commission", [[7, "seven"]]],
    ["a third of voters", [[1 / 3, "a third"]]],
    ["half of the seats", [[0.5, "half"]]],
    ["an hour and a half", []],
    ["half a million people", [[500_000, "half a million"]]],
    ["a dozen delegates", [[12, "a dozen"]]],
    [
      "About 26 000 candidates were contesting 1 435 seats",
      [
        [26_000, "26 000"],
        [1435, "1 435"],
      ],
    ],
    ["some 1\u00a0200\u00a0000 voters", [[1_200_000, "1\u00a0200\u00a0000"]]],
    [
      "on 23 April 2008 200 observers",
      [
        [23, "23"],
        [2008, "2008"],
        [200, "200"],
      ],
    ],
    ["a hundred observers", [[100, "a hundred"]]],
    // as real articles write them
    [
      "when by 13:00 it was 23,24%",
      [
        [13, "13"],
        [0, "00"],
        [23.24, "23,24"],
      ],
    ],
    ["highest (42.2pc) in Pest County", [[42.2, "42.2"]]],
    ["There are 18.1million voters", [[18_100_000, "18.1million"]]],
    ["about 1.5-million inhabitants", [[1_500_000, "1.5-million"]]],
    ["the 38 thousands polling stations", [[38_000, "38 thousands"]]],
    ["polls close at 8pm on Sunday", []],
    // not counts
    ["running for a fifth term", []],
    ["the second half", []],
    ["the twenty-first century", []],
    ["the twenty first century", []],
    ["on the 7th, the G7 and the 5km race", []],
    ["someone and everyone", []],
    ["dozens of observers", []],
  ])("%j", (text, expected) => {
    const found = findNumbers(text);
    expect(found.map((f) => [f.value, f.text])).toEqual(expected);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it("gives offsets in UTF-16 code units", () => {
    const text = "👍 seven 🇦🇿 twenty-one";
    expect(findNumbers(text).map(({ start, end }) => [start, end])).toEqual([
      [3, 8],
      [14, 24],
    ]);
  });

  it("finds every number that parseNumberWords reads when it stands alone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        const found = findNumbers(`about ${n.toLocaleString("en-US")} people`);
        return found.length === 1 && found[0]?.value === n;
      }),
    );
  });
});
