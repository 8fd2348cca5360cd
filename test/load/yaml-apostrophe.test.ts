import { describe, expect, it } from "vitest";
import { earlyClosedQuotes, withApostrophesDoubled } from "../../src/load/yaml-apostrophe.js";

describe("earlyClosedQuotes", () => {
  it.each([
    ["value: 'From the People's Republic'\n", "People's", "From the People's Republic"],
    ["  - 'Azerbaijan's election' # a comment\n", "Azerbaijan's", "Azerbaijan's election"],
    ["list: [a, 'it's here']\n", "it's", "it's here"],
    ["evidence: 'the CEC''s chair's words'\n", "chair's", "the CEC's chair's words"],
  ])("finds the apostrophe that closed %j", (text, word, intended) => {
    const [q, ...rest] = earlyClosedQuotes(text);
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ word, intended });
    expect(text[q!.at]).toBe("'");
  });

  it.each([
    "value: 'It''s fine'\n",
    "value: 'plain' # the People's comment\n",
    "value: don't worry\n",
    'value: "the People\'s Republic"\n',
    "value: 'ends here'\nnext: 'also fine'\n",
  ])("finds nothing in %j", (text) => {
    expect(earlyClosedQuotes(text)).toEqual([]);
  });
});

describe("withApostrophesDoubled", () => {
  it("doubles each apostrophe and maps offsets back", () => {
    const text = "a: 'x's'\nb: 'y's'\n";
    const fixed = withApostrophesDoubled(text, earlyClosedQuotes(text));
    expect(fixed.text).toBe("a: 'x''s'\nb: 'y''s'\n");
    // "b" is at 9 in the original and at 10 in the fixed text.
    expect(fixed.original(10)).toBe(9);
    expect(fixed.original(3)).toBe(3);
    expect(fixed.original(fixed.text.length)).toBe(text.length);
  });
});
