import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { CheckableSpan } from "../../src/assist/checkable.js";
import type { Suggestion } from "../../src/assist/suggest.js";
import {
  AppendError,
  appendSuggestions,
  renderSuggestions,
  SUGGESTED_HEADER,
} from "../../src/assist/yaml-out.js";
import { REPO } from "../helpers/project.js";

const span = { kind: "date", start: 0, end: 1, line: 3, column: 1, text: "x" } as CheckableSpan;

function suggestion(id: string, extra: Partial<Suggestion["claim"]> = {}, todo = {}): Suggestion {
  return {
    claim: {
      id,
      subject: "azerbaijan_presidential_election_2024",
      property: "date",
      value: "2024-02-07",
      qualifiers: { year: "publication", note: 'The text says "February 7": no year.' },
      evidence: "scheduled for February 7",
      status: "suggested",
      ...extra,
    },
    comment: 'line 5: date "February 7" (year implied)',
    todo,
    kind: "date",
    span,
    evidenceSpan: { start: 0, end: 1, line: 5 },
  };
}

const two = [
  suggestion("trd-s1"),
  suggestion(
    "trd-s2",
    { subject: "TODO", property: "TODO", value: 551, qualifiers: undefined, evidence: "551" },
    { subject: "choose an entity", property: "choose a property" },
  ),
];

function comments(text: string): string[] {
  return text.match(/#.*/g) ?? [];
}

describe("rendering suggestions", () => {
  it("is the claims file's own YAML: dates double-quoted, TODOs commented, status last", () => {
    expect(renderSuggestions(two)).toBe(
      [
        '  # line 5: date "February 7" (year implied)',
        "  - id: trd-s1",
        "    subject: azerbaijan_presidential_election_2024",
        "    property: date",
        '    value: "2024-02-07"',
        "    qualifiers:",
        "      year: publication",
        "      note: 'The text says \"February 7\": no year.'",
        "    evidence: scheduled for February 7",
        "    status: suggested",
        "",
        '  # line 5: date "February 7" (year implied)',
        "  - id: trd-s2",
        "    subject: TODO # TODO: choose an entity",
        "    property: TODO # TODO: choose a property",
        "    value: 551",
        '    evidence: "551"',
        "    status: suggested",
        "",
      ].join("\n"),
    );
  });

  it("writes what a terminal would act on as YAML escapes, and reads back the same text", () => {
    const hostile = "evil \u001b[31m red \u202e reversed";
    const s = suggestion("x-s1", { evidence: { quote: hostile, prefix: "\u2066a" } });
    s.comment = `line 1: ${JSON.stringify(hostile)}`;
    const text = renderSuggestions([s]);
    for (const ch of ["\u001b", "\u202e", "\u2066"]) expect(text).not.toContain(ch);
    expect(parseDocument(text).toJS()[0].evidence).toEqual({ quote: hostile, prefix: "\u2066a" });
  });
});

describe("appending suggestions to a claims file", () => {
  const bundled = readFileSync(
    join(REPO, "claims/2024-02-05_trend_prosecutor-general-meets-cis-observers.yaml"),
    "utf8",
  );

  it("keeps every byte of a bundled claims file: the old text is a prefix of the new", () => {
    const updated = appendSuggestions(bundled, two);
    expect(updated.startsWith(bundled)).toBe(true);
    expect(updated.slice(bundled.length).startsWith(`\n  # ${SUGGESTED_HEADER}\n  # line 5`)).toBe(
      true,
    );
    const before = parseDocument(bundled).toJS();
    const after = parseDocument(updated).toJS();
    expect(after.claims.slice(0, before.claims.length)).toEqual(before.claims);
    expect(after.claims.slice(before.claims.length).map((c: { id: string }) => c.id)).toEqual([
      "trd-s1",
      "trd-s2",
    ]);
    expect({ ...after, claims: [] }).toEqual({ ...before, claims: [] });
    for (const c of comments(bundled)) expect(comments(updated)).toContain(c);
  });

  it("a file with no final newline, CRLF line ends, items at column 0", () => {
    const text = "source: a.txt\r\nclaims:\r\n# first\r\n- id: a-1\r\n  value: 1 # one";
    const updated = appendSuggestions(text, [two[0]!]);
    expect(updated.startsWith(text)).toBe(true);
    expect(updated).not.toMatch(/[^\r]\n/);
    expect(updated).toContain("\r\n- id: trd-s1\r\n");
    expect(
      parseDocument(updated)
        .toJS()
        .claims.map((c: { id: string }) => c.id),
    ).toEqual(["a-1", "trd-s1"]);
  });

  it("claims: [] becomes a block list; claims: with nothing gets one", () => {
    for (const text of ["source: a.txt\nclaims: [] # none yet\n", "source: a.txt\nclaims:\n"]) {
      const updated = appendSuggestions(text, [two[0]!]);
      expect(parseDocument(updated).toJS().claims).toHaveLength(1);
      expect(comments(updated)).toEqual(expect.arrayContaining(comments(text)));
    }
  });

  it("claims: before other keys: the items go right after the list, all else unchanged", () => {
    const text = "claims:\n  - id: a-1\n    value: 1\n# the header follows\nsource: a.txt\n";
    const updated = appendSuggestions(text, [two[0]!]);
    const data = parseDocument(updated).toJS();
    expect(data.source).toBe("a.txt");
    expect(data.claims.map((c: { id: string }) => c.id)).toEqual(["a-1", "trd-s1"]);
    // Taking the inserted block out gives the old file back.
    const inserted = updated.slice(
      updated.indexOf("\n  # Suggested"),
      updated.indexOf("# the header"),
    );
    expect(updated.replace(inserted, "")).toBe(text);
  });

  it("refuses what it cannot extend without rewriting: a flow list, no claims key, bad YAML", () => {
    expect(() => appendSuggestions("claims: [{id: a}]\n", two)).toThrow(AppendError);
    expect(() => appendSuggestions("source: a.txt\n", two)).toThrow(/no claims: key/);
    expect(() => appendSuggestions("claims: [\n", two)).toThrow(/not valid YAML/);
  });
});
