import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CST, Lexer, parseDocument, stringify } from "yaml";
import { formatYaml } from "../../src/edit/format-yaml.js";
import { REPO } from "../helpers/project.js";

/** The data a YAML text holds, read the way claimcheck reads it. */
function data(text: string): unknown {
  const doc = parseDocument(text.replace(/^\ufeff/, ""), {
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    strict: true,
  });
  expect(doc.errors).toEqual([]);
  return doc.toJS({ maxAliasCount: 100 });
}

/** Every comment, found by the yaml library's lexer (not by the code under test). */
function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) {
    if (CST.tokenType(token) === "comment") out.push(token.trimEnd());
  }
  return out.sort();
}

/** Lines that are only a comment, as written (indentation aside). */
function commentLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith("#"));
}

function format(text: string): string {
  const result = formatYaml(text);
  if (!result.ok) throw new Error(`not formatted: ${result.message}`);
  return result.text;
}

/** The round-trip contract: same data, every comment kept, and formatting again changes nothing. */
function expectLossless(input: string): string {
  const output = format(input);
  expect(data(output)).toEqual(data(input));
  expect(comments(output)).toEqual(comments(input));
  const lines = output.split(/\r\n|\r|\n/).map((l) => l.trim());
  for (const line of commentLines(input)) expect(lines).toContain(line);
  expect(format(output)).toBe(output);
  return output;
}

const bundled = readdirSync(join(REPO, "claims"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => `claims/${f}`);

describe("fmt round-trip over every bundled file", () => {
  it("finds the bundled files", () => {
    expect(bundled.length).toBeGreaterThanOrEqual(6);
  });
  it.each(bundled)("%s keeps its data and comments, and is stable", (file) => {
    const text = readFileSync(join(REPO, file), "utf8");
    const output = expectLossless(text);
    // Formatting only: the same lines, apart from quoting and order.
    expect(output.split("\n").length).toBe(text.split("\n").length);
  });
});

const HOSTILE: Record<string, string> = {
  "comments everywhere": `# yaml-language-server: $schema=../claims.schema.json
# a second header line

# a detached comment
source: sources/a.txt # after source
outlet: Outlet # after outlet
# before published
published: "2024-02-05"
title: A title
claims: # after claims
  # before the first claim
  - id: a # after id
    # before subject
    subject: s
    property: p # after property
    value: v
    evidence: # after the evidence key
      # inside evidence
      quote: q # after quote
  # a group heading
  - id: b
    subject: s
    property: p
    value: 1
    evidence: e
    # at the end of a claim
  # at the end of the list
# at the very end
`,
  "keys out of order, with comments attached": `title: T # the title
claims:
  - evidence: {suffix: ' s', quote: q, prefix: "p "}
    # the value's note
    value: 2024-02
    status: suggested
    qualifiers:
      note: n
      approximate: about
      as_of: 2024-02-05
    property: p
    subject: s
    id: x
    extra_key: kept after the known ones
published: 2024-02-05
source: sources/a.txt
outlet: O
dateline:
  evidence: BAKU, February 5
  date: --02-05
  place: Baku
`,
  "anchors and aliases, including across reordered keys": `source: s
outlet: &o The Outlet
title: *o
claims:
  - id: a
    evidence: &q the quote
    value: *q
  - value: &v 7
    id: b
    evidence: *q
    subject: *v
`,
  "multi-line strings of every kind": `source: s
notes:
  literal: |
    line one
      indented line

    after a blank line
  literal_keep: |+
    kept trailing newlines


  folded: >
    folded
    text
  folded_strip: >-
    stripped
  plain_multi: plain text
    continued on the next line
  double_multi: "double quoted
    continued"
  single_multi: 'single quoted

    with a blank line'
  escapes: "tab\\there \\u00e9 \\x41 \\"quoted\\" \\\\ backslash"
`,
  "odd quoting": `"source": 's'
'outlet': "Outlet"
published: '2024-02-05'
title: 'it''s "quoted"'
claims:
  - id: 'a'
    value: "true"
    other: 'yes'
    number_string: "007"
    null_string: 'null'
    tilde: "~"
    date_plain: 2024-02-07
    month_day: --12-19
    year: "2024"
    colon: "a: b"
    hash: "a #b"
    leading_space: "  lead"
    trailing_space: 'trail  '
    empty: ''
    backslash: 'C:\\path'
    real_null: null
    real_tilde: ~
    real_bool: True
    real_float: 66.70
    real_hex: 0x1F
    real_exp: 1e3
`,
  CRLF: "# header\r\nsource: s # c\r\nclaims:\r\n  - id: a\r\n    value: |\r\n      x\r\n      y\r\n    subject: s\r\n",
  unicode:
    '# Ünïcödé comment ☃ 𝄞 — \u200b zero width\nsource: sources/é.txt\ntitle: Bakı — Azərbaycan “quoted” ‘single’ 𝄞\nclaims:\n  - id: u\n    value: "\\u202e reversed"\n    evidence: Yeni Azərbaycan Partiyası\n',
  "byte-order mark": "\ufeffsource: s\nclaims: []\n",
  "flow collections with comments": `source: s
claims: [
  {id: a, value: 1}, # first
  {value: 2, id: b} # second
]
list: [a, b, {c: d}]
`,
  "tags and document marker": `---
source: !!str 5
title: !!str 2024-02-05
claims: []
`,
  "blank lines in odd places": `

source: s


outlet: o

claims:


  - id: a

    subject: s


  - id: b
`,
  "vocabulary-like": `# Shared vocabulary
entities:
  - id: a
    type: person
  # Places
  - id: b

    type: place
properties:
  - id: date
    label: date
`,
};

describe("fmt round-trip over hostile inputs", () => {
  it.each(Object.entries(HOSTILE))("%s", (_name, input) => {
    expectLossless(input);
  });

  it("keeps CRLF line endings and the byte-order mark", () => {
    const crlf = format(HOSTILE.CRLF!);
    expect(crlf).toContain("\r\n");
    expect(crlf.replace(/\r\n/g, "")).not.toContain("\n");
    expect(format(HOSTILE["byte-order mark"]!).startsWith("\ufeff")).toBe(true);
  });

  it("sorts claims files into the canonical key order", () => {
    const out = format(HOSTILE["keys out of order, with comments attached"]!);
    const topKeys = out
      .split("\n")
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.split(":")[0]);
    expect(topKeys).toEqual(["source", "outlet", "published", "dateline", "title", "claims"]);
    const claimKeys = out
      .split("\n")
      .filter((l) => /^ {2}[- ] [a-z_]+:/.test(l))
      .map((l) => l.slice(4).split(":")[0]);
    expect(claimKeys).toEqual([
      "id",
      "subject",
      "property",
      "value",
      "qualifiers",
      "evidence",
      "status",
      "extra_key",
    ]);
    expect(out).toContain(
      '    qualifiers:\n      approximate: about\n      as_of: "2024-02-05"\n      note: n\n',
    );
    expect(out).toContain('    evidence: {quote: q, prefix: "p ", suffix: " s"}\n');
    expect(out).toContain('  place: Baku\n  date: "--02-05"\n  evidence: BAKU, February 5\n');
    // The comment travels with its key.
    expect(out).toContain('    # the value\'s note\n    value: "2024-02"\n');
    expect(out).toContain("title: T # the title\n");
  });

  it("keeps the header comment at the top when the first key moves", () => {
    const out = format(
      "# yaml-language-server: $schema=../claims.schema.json\ntitle: T\nsource: s\nclaims: []\n",
    );
    expect(out).toBe(
      "# yaml-language-server: $schema=../claims.schema.json\nsource: s\ntitle: T\n\nclaims: []\n",
    );
  });

  it("quotes dates, never changes a type, and prefers double quotes", () => {
    const out = format(HOSTILE["odd quoting"]!);
    expect(out).toContain('published: "2024-02-05"\n');
    expect(out).toContain('    date_plain: "2024-02-07"\n');
    expect(out).toContain('    month_day: "--12-19"\n');
    expect(out).toContain('source: "s"\n');
    expect(out).toContain('  - id: "a"\n');
    expect(out).toContain('    other: "yes"\n');
    expect(out).toContain("title: 'it''s \"quoted\"'\n");
    expect(out).toContain("    backslash: 'C:\\path'\n");
    expect(out).toContain("    real_float: 66.70\n");
    expect(out).toContain("    real_bool: True\n");
    expect(out).toContain("    real_hex: 0x1F\n");
    expect(out).toContain("    real_exp: 1e3\n");
  });

  it("keeps the document-start marker and the directives", () => {
    expect(format("---\na: 'x'\n")).toBe('---\na: "x"\n');
    expect(format("# c\n---\na: 'x'\n")).toBe('# c\n---\na: "x"\n');
    expect(format("%YAML 1.2\n---\na: 'x'\n")).toBe('%YAML 1.2\n---\na: "x"\n');
    expect(format("a: 'x'\n")).toBe('a: "x"\n');
  });

  it("does not fold long lines", () => {
    const long = `source: s\ntitle: ${"word ".repeat(60).trim()}\nclaims: []\n`;
    expect(format(long)).toBe(long.replace("title", "title").replace("\nclaims", "\n\nclaims"));
  });

  it("sets groups of claims apart, and tightens a claim", () => {
    const out = format(HOSTILE["blank lines in odd places"]!);
    expect(out).toBe("source: s\noutlet: o\n\nclaims:\n  - id: a\n    subject: s\n\n  - id: b\n");
  });

  it("leaves empty and comment-only files alone", () => {
    for (const text of ["", "\n", "# only a comment\n"]) {
      const result = formatYaml(text);
      expect(result).toMatchObject({ ok: true, changed: false, text });
    }
  });

  it("refuses a file that does not parse, with the offset of the problem", () => {
    for (const text of [
      "a: [1, 2\n",
      "a: 1\na: 2\n",
      "a: *nope\n",
      "a: 1\n---\nb: 2\n",
      "\ta: 1\n",
    ]) {
      const result = formatYaml(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason).toBe("syntax");
    }
  });

  it("refuses a billion laughs instead of expanding it", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    // As it is (already formatted), and with a line to format.
    for (const text of [`${lines.join("\n")}\n`, `${lines.join("\n")}\nz: 'quoted'\n`]) {
      const result = formatYaml(text);
      expect(result).toMatchObject({ ok: false, reason: "syntax" });
      if (!result.ok) expect(result.message).toMatch(/alias count/i);
    }
  });
});

describe("fmt round-trip, generated documents", () => {
  const key = fc.constantFrom(
    "source",
    "outlet",
    "title",
    "published",
    "claims",
    "id",
    "subject",
    "property",
    "value",
    "qualifiers",
    "evidence",
    "quote",
    "prefix",
    "suffix",
    "note",
    "x",
    "y z",
    "true",
  );
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.constantFrom(
      "2024-02-05",
      "2024",
      "--02-05",
      "yes",
      "null",
      "7",
      " lead",
      "a: b",
      "#x",
      "it's",
    ),
  );
  const scalar = fc.oneof(
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
    list: fc.array(tie("node"), { maxLength: 4 }),
    map: fc.dictionary(key, tie("node"), { maxKeys: 6 }),
  })).map;

  it("keeps data and comments whatever the structure", () => {
    fc.assert(
      fc.property(
        value,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom<"PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE">(
          "PLAIN",
          "QUOTE_DOUBLE",
          "QUOTE_SINGLE",
        ),
        (doc, commentAt, trailingAt, style) => {
          const base = stringify(doc, { lineWidth: 0, defaultStringType: style });
          const lines = base.split("\n");
          // Full-line comments between lines, indented like the next line (never inside a block scalar).
          const blockScalar = /[|>][-+]?\d*$/;
          for (const [n, at] of commentAt.entries()) {
            const i = at % lines.length;
            if (lines.slice(0, i).some((l) => blockScalar.test(l))) continue;
            const indent = /^ */.exec(lines[i] ?? "")?.[0] ?? "";
            lines.splice(i, 0, `${indent}# comment ${n}`);
          }
          // Comments at the end of lines, where that leaves the data as it was.
          for (const [n, at] of trailingAt.entries()) {
            const i = at % lines.length;
            if (lines[i] === "" || lines.slice(0, i + 1).some((l) => blockScalar.test(l))) continue;
            const withComment = [...lines];
            withComment[i] = `${withComment[i]} # trailing ${n}`;
            const parsed = parseDocument(withComment.join("\n"));
            if (
              parsed.errors.length === 0 &&
              JSON.stringify(parsed.toJS()) === JSON.stringify(parseDocument(base).toJS())
            ) {
              lines.splice(i, 1, withComment[i] ?? "");
            }
          }
          expectLossless(lines.join("\n"));
        },
      ),
      { numRuns: Number(process.env.FMT_RUNS ?? 200) },
    );
  }, 60_000);
});
