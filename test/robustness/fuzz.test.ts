/**
 * Property-based tests (fast-check) on hostile input:
 *
 *  - random YAML documents, random token soup, random Unicode in every string field of a valid
 *    claims file, and random line and character mutations of the bundled claims files go
 *    through validation, grounding, comparison and every output format without an exception,
 *    and every finding points inside its file (1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1);
 *  - the comparators are symmetric: compareValues(a, b) and compareValues(b, a) give the same
 *    relation and kind, for dates, quantities, names (look-alike letters included) and texts,
 *    and values with one comparison key agree;
 *  - normalisation is idempotent (normalizeName, normalizeText, normalizeQuote).
 *
 * Run counts are sized so that the file takes well under a minute on two cores; the totals are
 * printed at the end (and recorded in the README's Reliability section).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { compareValues, nameContextFor, valueKey } from "../../src/compare/compare-values.js";
import { isDateError, parseDateValue } from "../../src/compare/date.js";
import { normalizeName } from "../../src/compare/name.js";
import { makeQuantity } from "../../src/compare/quantity.js";
import { normalizeText } from "../../src/compare/text.js";
import type { NameContext, TypedValue } from "../../src/compare/types.js";
import type { Finding, Location } from "../../src/findings/finding.js";
import { groundProject } from "../../src/ground/ground-project.js";
import { normalizeForMatch, normalizeQuote } from "../../src/ground/normalize.js";
import { codePointLength, LineIndex } from "../../src/load/line-index.js";
import { decodeText } from "../../src/load/read-text.js";
import type { Vocabulary } from "../../src/model/project.js";
import type { CheckResult } from "../../src/pipeline/check.js";
import { assembleReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import { FORMAT_NAMES, loadFormatter } from "../../src/report/formats/index.js";
import type { Formatter } from "../../src/report/formats/types.js";
import { HEDGES } from "../../src/validate/schema.js";
import { KNOWN_KEYS } from "../../src/validate/schema-findings.js";
import { type TextFile, validateProject } from "../../src/validate/validate-project.js";
import { REPO } from "../helpers/project.js";
import { FUZZ_RUNS } from "./figures.js";

// ---------------------------------------------------------------------------------------------
// The bundled project, read once

const VOCABULARY_PATH = "claims/vocabulary.yaml";
const VOCABULARY_TEXT = readFileSync(join(REPO, VOCABULARY_PATH), "utf8");
const BUNDLED: TextFile[] = [
  "2018-04-12_unattributed_aliyev-receives-sco-secretary-general",
  "2024-02-05_trend_prosecutor-general-meets-cis-observers",
  "2024-02-06_azernews_bayramov-receives-cis-secretary-general",
  "2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation",
  "2024-02-08_unattributed_aliyev-receives-cis-secretary-general",
].map((name) => ({
  file: `claims/${name}.yaml`,
  text: readFileSync(join(REPO, `claims/${name}.yaml`), "utf8"),
}));
/** Articles by repository path. */
const ARTICLES = new Map(
  BUNDLED.map((f) => {
    const path = /^source: (.+)$/m.exec(f.text)?.[1]?.trim() ?? "";
    return [path, readFileSync(join(REPO, path), "utf8")] as const;
  }),
);
const VOCABULARY: Vocabulary = validateProject({
  vocabulary: { file: VOCABULARY_PATH, text: VOCABULARY_TEXT },
  vocabularyPath: VOCABULARY_PATH,
  claims: [],
}).project.vocabulary;
const SUBJECTS = [...VOCABULARY.entities.keys()];

let formatters: [string, Formatter][] = [];
beforeAll(async () => {
  formatters = await Promise.all(
    FORMAT_NAMES.map(async (name) => [name, await loadFormatter(name)] as [string, Formatter]),
  );
});

// ---------------------------------------------------------------------------------------------
// Totals

const totals: { property: string; runs: number }[] = [];

/** fc.assert with the run count recorded for the totals. */
function check<T>(name: string, property: fc.IProperty<T>, runs: number): void {
  fc.assert(property, { numRuns: runs });
  totals.push({ property: name, runs });
}

afterAll(() => {
  if (totals.length === 0) return;
  const runs = totals.reduce((n, t) => n + t.runs, 0);
  const lines = totals.map((t) => `  ${String(t.runs).padStart(6)}  ${t.property}`);
  console.log(
    `fuzz totals: ${totals.length} properties, ${runs} generated cases in all\n${lines.join("\n")}`,
  );
});

// ---------------------------------------------------------------------------------------------
// Strings that have broken text tools before

const NASTY = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u001b[31m",
  "\u001b]8;;http://x\u0007",
  "\u009b",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\ufffd",
  "\u0301",
  "\u0308",
  "\u0338",
  "e\u0301",
  "\u00e9",
  "ß",
  "ẞ",
  "İ",
  "ı",
  "ǅ",
  "Σ",
  "ς",
  "І",
  "і",
  "а",
  "е",
  "о",
  "р",
  "с",
  "l",
  "I",
  "1",
  "0",
  "O",
  "ə",
  "Ə",
  "😀",
  "👨‍👩‍👧",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "\u{10ffff}",
  "%",
  "%0A",
  ":",
  "::",
  "::error::",
  "##[",
  ",",
  "<",
  ">",
  "&",
  "&amp;",
  '"',
  "'",
  "`",
  "|",
  "*",
  "_",
  "[",
  "]",
  "(",
  ")",
  "(CIS)",
  "\\",
  "]]>",
  "<!--",
  "-->",
  "<script>",
  "#",
  "- ",
  ": ",
  "&a",
  "*a",
  "!tag",
  "---",
  "...",
  "  ",
  ".",
  "-",
  "—",
  "\u2212",
  "’",
  "“",
  "½",
  "\u1ffd",
  "\u1fef",
  "\ufb2c",
  "\u0344",
  "\u2adc",
  "٣",
  "Ⅻ",
  "the ",
];

/** Short strings mixing plain letters, any code point and the strings above. */
const nastyString = (maxLength = 24) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
        { weight: 3, arbitrary: fc.constantFrom(..."abc XYZ aliyev Ilham 7 2024-02") },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));

// ---------------------------------------------------------------------------------------------
// Running the pipeline and checking where findings point

/** Every finding, and every place it relates to, lies inside a file that exists. */
function expectInside(findings: readonly Finding[], files: ReadonlyMap<string, string>): void {
  const indexes = new Map<string, LineIndex>();
  const inside = (loc: Location, what: string) => {
    const text = files.get(loc.file);
    if (text === undefined) throw new Error(`${what} points at an unknown file ${loc.file}`);
    let lines = indexes.get(loc.file);
    if (!lines) {
      lines = new LineIndex(text);
      indexes.set(loc.file, lines);
    }
    const ok = (line: number, column: number) =>
      Number.isInteger(line) &&
      Number.isInteger(column) &&
      line >= 1 &&
      line <= lines.lineCount &&
      column >= 1 &&
      column <= codePointLength(lines.lineText(line)) + 1;
    if (!ok(loc.line, loc.column))
      throw new Error(
        `${what} at ${loc.file}:${loc.line}:${loc.column} is outside the file (${lines.lineCount} lines)`,
      );
    if (loc.endLine !== undefined) {
      const endColumn = loc.endColumn ?? 1;
      if (!ok(loc.endLine, endColumn))
        throw new Error(`${what} ends at ${loc.endLine}:${endColumn}, outside the file`);
      if (loc.endLine < loc.line || (loc.endLine === loc.line && endColumn < loc.column))
        throw new Error(`${what} ends (${loc.endLine}:${endColumn}) before it starts`);
    }
  };
  for (const f of findings) {
    const what = `${f.ruleId} "${f.message.slice(0, 80)}"`;
    inside(f.location, what);
    for (const r of f.related) inside(r, `${what}, related`);
  }
}

/**
 * Validation, grounding, comparison and every output format, as the CLI strings them together;
 * throws if any stage throws or a finding points outside its file.
 */
function runEverything(
  rawClaims: readonly TextFile[],
  options: {
    vocabulary?: string;
    articles?: ReadonlyMap<string, string>;
    /** Whether to render every output format (the default) or none. */
    formats?: "all" | "none";
  } = {},
): void {
  // As the files are read: strict UTF-8 and no byte-order mark (see load/read-text.ts).
  const asRead = (f: TextFile): TextFile => {
    const read = decodeText(new TextEncoder().encode(f.text));
    return read.ok ? { file: f.file, text: read.text } : { file: f.file, text: "" };
  };
  const claims = rawClaims.map(asRead);
  const vocabulary = asRead({ file: VOCABULARY_PATH, text: options.vocabulary ?? VOCABULARY_TEXT });
  const articles = options.articles ?? ARTICLES;
  // Findings may point into any of these: claims files, the vocabulary, and (related places) articles.
  const files = new Map([...claims, vocabulary].map((f) => [f.file, f.text]));
  for (const [path, text] of articles) files.set(path, text);
  const validation = validateProject({ vocabulary, vocabularyPath: VOCABULARY_PATH, claims });
  expectInside(validation.findings, files);
  const texts = new Map<string, string>();
  for (const s of validation.project.sources) {
    const text = articles.get(s.sourcePath);
    if (text !== undefined) texts.set(s.claimsFile, text);
  }
  const grounding = groundProject(validation.project.sources, texts);
  expectInside(grounding.findings, files);
  const result: CheckResult = {
    project: validation.project,
    grounding,
    findings: [...validation.findings, ...grounding.findings],
    invalidFiles: validation.invalidFiles,
    cacheHits: 0,
  };
  const report = assembleReport(result, { includeArticles: true });
  expectInside(report.findings, files);
  const which = options.formats ?? "all";
  if (which === "none") return;
  for (const [name, format] of formatters) {
    for (const color of [false, true]) {
      const text = format(report, {
        colors: makeColors(color),
        width: 80,
        token: "fuzztoken",
        version: "0.0.0",
      });
      if (typeof text !== "string") throw new Error(`${name} returned ${typeof text}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Claims files, whole and in pieces

/** The claims-file keys of the format (the first 26 of the keys did-you-mean knows). */
const KEYS = KNOWN_KEYS.slice(0, KNOWN_KEYS.indexOf("note") + 1);

/** Any YAML-representable tree whose keys are mostly the format's own. */
const yamlTree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    tie("list"),
    tie("map"),
  ),
  leaf: fc.oneof(
    nastyString(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("2024-02-06", "--02-05", "sources/a.txt", "cis", "name", "about"),
  ),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), nastyString(8)), tie("node"), {
    maxKeys: 6,
  }),
}));

/** How the `yaml` library may write a document: block or flow, any scalar style. */
const yamlStyle = fc.record({
  collectionStyle: fc.constantFrom("any", "block", "flow") as fc.Arbitrary<
    "any" | "block" | "flow"
  >,
  defaultStringType: fc.constantFrom(
    "PLAIN",
    "QUOTE_DOUBLE",
    "QUOTE_SINGLE",
    "BLOCK_LITERAL",
  ) as fc.Arbitrary<"PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL">,
  lineEnding: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
});

type YamlStyle = typeof yamlStyle extends fc.Arbitrary<infer T> ? T : never;

function writeYaml(value: unknown, style: YamlStyle): string {
  const text = stringify(value, {
    collectionStyle: style.collectionStyle,
    defaultStringType: style.defaultStringType,
    lineWidth: 0,
  });
  return (style.bom ? "\ufeff" : "") + text.replace(/\n/g, style.lineEnding);
}

/** YAML's own punctuation in random order: the parser's error paths. */
const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "- ",
        ": ",
        ":",
        "\n",
        "\r\n",
        "  ",
        "    ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "*b",
        "<<: ",
        "!!str ",
        "!!js/function ",
        "!foo ",
        "'",
        '"',
        "\\",
        "# c\n",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "? ",
        "%YAML 1.2\n",
        "%TAG ! tag:x,2000:\n",
        "\ufeff",
        "source",
        "claims",
        "id",
        "value",
        "evidence",
      ),
      nastyString(4),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** A valid claims file (against the first bundled article) whose string fields are replaced at random. */
const BASE_ARTICLE_PATH = [...ARTICLES.keys()][3] ?? "";
const BASE_ARTICLE = ARTICLES.get(BASE_ARTICLE_PATH) ?? "";

function baseClaims(): Record<string, unknown> {
  return {
    source: BASE_ARTICLE_PATH,
    outlet: "Trend News Agency",
    short_name: "Fuzz",
    published: "2024-02-06",
    dateline: { place: "Baku", date: "--02-05", evidence: "BAKU, Azerbaijan, February 5" },
    title: "A fuzzed article",
    author: "Nobody",
    url: "https://example.org/fuzz",
    claims: [
      {
        id: "fz-candidates",
        subject: "azerbaijan_presidential_election_2024",
        property: "registered_candidates",
        value: 7,
        qualifiers: { approximate: "about", as_of: "2024-02", unit: "count", note: "n" },
        evidence: { quote: "registered 7 candidates", prefix: "has ", suffix: " to" },
        status: "accepted",
      },
      {
        id: "fz-name",
        subject: "cis",
        property: "name",
        value: "Union of Independent States",
        qualifiers: { year: "stated" },
        evidence: "Union of Independent States",
      },
    ],
  };
}

/** Every string field of baseClaims(), as a path. */
const STRING_FIELDS: (string | number)[][] = [
  ["source"],
  ["outlet"],
  ["short_name"],
  ["published"],
  ["dateline", "place"],
  ["dateline", "date"],
  ["dateline", "evidence"],
  ["title"],
  ["author"],
  ["url"],
  ...[0, 1].flatMap((i) => [
    ["claims", i, "id"],
    ["claims", i, "subject"],
    ["claims", i, "property"],
    ["claims", i, "value"],
    ["claims", i, "status"],
  ]),
  ["claims", 0, "qualifiers", "approximate"],
  ["claims", 0, "qualifiers", "as_of"],
  ["claims", 0, "qualifiers", "unit"],
  ["claims", 0, "qualifiers", "note"],
  ["claims", 0, "evidence", "quote"],
  ["claims", 0, "evidence", "prefix"],
  ["claims", 0, "evidence", "suffix"],
  ["claims", 1, "qualifiers", "year"],
  ["claims", 1, "evidence"],
];

function setAt(data: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/** A change to a file's text: a line deleted, doubled or swapped, a character put in or taken out. */
type Mutation =
  | { kind: "delete-line" | "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; other: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete-char"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("delete-line", "duplicate-line") as fc.Arbitrary<
      "delete-line" | "duplicate-line"
    >,
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(..."-:[]{}'\"#&*!|> \t\n")),
  }),
  fc.record({ kind: fc.constant("delete-char" as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === "insert" || m.kind === "delete-char") {
    const at = m.at % (text.length + 1);
    return m.kind === "insert"
      ? text.slice(0, at) + m.text + text.slice(at)
      : text.slice(0, at) + text.slice(at + 1);
  }
  const lines = text.split("\n");
  const i = m.at % lines.length;
  if (m.kind === "delete-line") lines.splice(i, 1);
  else if (m.kind === "duplicate-line") lines.splice(i, 0, lines[i] ?? "");
  else if (m.kind === "swap-lines") {
    const j = m.other % lines.length;
    [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
  }
  return lines.join("\n");
}

describe("hostile claims files never crash the pipeline, and every finding is located inside its file", () => {
  it("random YAML documents (any tree, any style, any line ending)", { timeout: 60_000 }, () => {
    check(
      "random YAML documents → validate, ground, compare, every format",
      fc.property(yamlTree.node, yamlStyle, (tree, style) => {
        runEverything([{ file: "claims/fuzz.yaml", text: writeYaml(tree, style) }], {
          formats: "none",
        });
      }),
      FUZZ_RUNS.randomDocuments,
    );
  });

  it("random YAML token soup", { timeout: 60_000 }, () => {
    check(
      "YAML token soup → validate, ground, compare",
      fc.property(tokenSoup, (text) => {
        runEverything([{ file: "claims/fuzz.yaml", text }], { formats: "none" });
      }),
      FUZZ_RUNS.tokenSoup,
    );
  });

  it("random Unicode in every string field of a valid claims file, quoted in its article", {
    timeout: 60_000,
  }, () => {
    check(
      "random Unicode in every string field → validate, ground, compare, every format",
      fc.property(
        fc.array(fc.option(nastyString(), { freq: 2 }), {
          minLength: STRING_FIELDS.length,
          maxLength: STRING_FIELDS.length,
        }),
        yamlStyle,
        (values, style) => {
          const data = baseClaims();
          const inserted: string[] = [];
          values.forEach((v, i) => {
            if (v === null) return;
            setAt(data, STRING_FIELDS[i]!, v);
            inserted.push(v);
          });
          // The article also says the random strings, so that quotes are found and compared.
          const article = `${BASE_ARTICLE}\n${inserted.join(" \n")}\n`;
          const articles = new Map(ARTICLES).set(BASE_ARTICLE_PATH, article);
          const path = typeof data.source === "string" ? data.source : "";
          if (path !== BASE_ARTICLE_PATH) articles.set(path, article);
          // A second, untouched file on another copy of the article, so that facts have two
          // sources and the formats show conflicts, diffs and highlights of the random text.
          const other = baseClaims();
          other.source = "sources/fuzz-other.txt";
          other.short_name = "Other";
          for (const claim of other.claims as { id: string }[]) claim.id = `other-${claim.id}`;
          articles.set("sources/fuzz-other.txt", BASE_ARTICLE);
          const claims = [
            { file: "claims/fuzz.yaml", text: writeYaml(data, style) },
            { file: "claims/other.yaml", text: writeYaml(other, style) },
          ];
          runEverything(claims, { articles });
        },
      ),
      FUZZ_RUNS.unicodeFields,
    );
  });

  it("random mutations of the bundled claims files and the vocabulary", { timeout: 60_000 }, () => {
    check(
      "mutated bundled claims files and vocabulary → validate, ground, compare, every format",
      fc.property(
        fc.nat({ max: BUNDLED.length }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (which, mutations) => {
          const mutated = (text: string) => mutations.reduce(mutate, text);
          if (which === BUNDLED.length) {
            runEverything(BUNDLED, {
              vocabulary: mutated(VOCABULARY_TEXT),
              formats: "all",
            });
          } else {
            runEverything(
              BUNDLED.map((f, i) => (i === which ? { ...f, text: mutated(f.text) } : f)),
              { formats: "all" },
            );
          }
        },
      ),
      FUZZ_RUNS.mutations,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Comparators

function expectSymmetric(a: TypedValue, b: TypedValue, ctx: NameContext): void {
  const ab = compareValues(a, b, ctx);
  const ba = compareValues(b, a, ctx);
  expect({ relation: ba.relation, kind: ba.kind }).toEqual({
    relation: ab.relation,
    kind: ab.kind,
  });
  expect(ba.gap).toEqual(ab.gap);
  // Values with one comparison key are the same value: they agree.
  if (valueKey(a, ctx) === valueKey(b, ctx)) expect(ab.relation).toBe("agree");
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const dateText = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map((y) => pad(y, 4)),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`),
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([m, d]) => `--${pad(m, 2)}-${pad(d, 2)}`),
);
const published = fc
  .tuple(
    fc.integer({ min: 1990, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`);
const dateValue = fc
  .tuple(
    dateText,
    published,
    fc.constantFrom(undefined, "stated", "annotator", "publication") as fc.Arbitrary<
      "stated" | "annotator" | "publication" | undefined
    >,
  )
  .map(([text, pub, yearSource]) => parseDateValue(text, { published: pub, yearSource }))
  .filter((d): d is Exclude<typeof d, { error: string }> => !isDateError(d));

const quantityValue = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.constantFrom(
        0,
        -0,
        0.1,
        0.2,
        0.30000000000000004,
        1e-9,
        170,
        153,
        Number.MAX_SAFE_INTEGER,
      ),
    ),
    fc.option(fc.constantFrom(...HEDGES), { nil: undefined }),
    fc.constantFrom(undefined, "", "count", "percent", "%", "per cent", "km", "KM "),
  )
  .map(([amount, hedge, unit]) => makeQuantity(amount, hedge, unit));

/** Names built from real name parts, look-alike letters and the characters that fool folding. */
const NAME_PARTS = [
  "Ilham",
  "llham",
  "Iiham",
  "Aliyev",
  "Aliev",
  "Əliyev",
  "Commonwealth",
  "Union",
  "of",
  "Independent",
  "States",
  "(CIS)",
  "(IPA)",
  "CIS",
  "PA",
  "Inter-Parliamentary",
  "Assembly",
  "Sergey",
  "Sergei",
  "Lebedev",
  "Lebedeff",
  "Сергей",
  "Лебедев",
  "the",
  "The",
  "Zhakip",
  "Jakip",
  "Asanov",
  "U.S.",
  "People's",
];
const nameText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...NAME_PARTS) },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom(" ", " ", " ", "  ", "-", "\u00a0", "\u200b", ""), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map((seps) => parts.map((p, i) => p + (seps[i] ?? "")).join("")),
  );
const nameContext: fc.Arbitrary<NameContext> = fc
  .constantFrom(...SUBJECTS, "no-such-entity")
  .map((subject) => nameContextFor(subject, VOCABULARY));

describe("comparators are symmetric", () => {
  it("dates", () => {
    check(
      "date comparison symmetric",
      fc.property(dateValue, dateValue, (a, b) =>
        expectSymmetric(a, b, nameContextFor("", VOCABULARY)),
      ),
      FUZZ_RUNS.dates,
    );
  });

  it("quantities", () => {
    check(
      "quantity comparison symmetric",
      fc.property(quantityValue, quantityValue, (a, b) =>
        expectSymmetric(a, b, nameContextFor("", VOCABULARY)),
      ),
      FUZZ_RUNS.quantities,
    );
  });

  it("names, look-alike letters included", () => {
    check(
      "name comparison symmetric",
      fc.property(nameText, nameText, nameContext, (a, b, ctx) =>
        expectSymmetric({ type: "name", text: a }, { type: "name", text: b }, ctx),
      ),
      FUZZ_RUNS.names,
    );
  });

  it("texts", () => {
    check(
      "text comparison symmetric",
      fc.property(fc.oneof(nameText, nastyString()), fc.oneof(nameText, nastyString()), (a, b) =>
        expectSymmetric(
          { type: "text", text: a },
          { type: "text", text: b },
          nameContextFor("", VOCABULARY),
        ),
      ),
      FUZZ_RUNS.texts,
    );
  });
});

describe("normalisation is idempotent", () => {
  const anyText = fc.oneof(nastyString(32), nameText, fc.string({ unit: "binary" }));

  it("normalizeForMatch maps every character back to the original, in order", () => {
    check(
      "normalizeForMatch origin table consistent",
      fc.property(anyText, (s) => {
        const { text, origin } = normalizeForMatch(s);
        expect(origin.length).toBe(text.length + 1);
        expect(origin[text.length]).toBe(s.length);
        for (let k = 1; k < origin.length; k++) {
          expect(origin[k]!).toBeGreaterThanOrEqual(origin[k - 1]!);
          expect(origin[k]!).toBeLessThanOrEqual(s.length);
        }
      }),
      FUZZ_RUNS.idempotence,
    );
  });

  for (const [name, normalize] of [
    ["normalizeName", normalizeName],
    ["normalizeText", normalizeText],
    ["normalizeQuote", normalizeQuote],
  ] as const) {
    it(name, () => {
      check(
        `${name} idempotent`,
        fc.property(anyText, (s) => {
          const once = normalize(s);
          expect(normalize(once)).toBe(once);
        }),
        FUZZ_RUNS.idempotence,
      );
    });
  }
});
