import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject, REPO } from "../helpers/project.js";

const ARTICLE = readFileSync(
  join(REPO, "sources/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt"),
);
const SOURCE = "sources/article.txt";

/** One claim that is valid against the bundled vocabulary and the article. */
const VALID_CLAIM = `  - id: t-candidates
    subject: azerbaijan_presidential_election_2024
    property: registered_candidates
    value: 7
    evidence: Azerbaijan has registered 7 candidates
`;

interface Case {
  name: string;
  yaml: string;
  rule: string;
  line: number;
  column: number;
  message: string | RegExp;
}

const cases: Case[] = [
  {
    name: "YAML syntax error",
    yaml: `${header(SOURCE)}claims:\n  - id: t-1\n    subject: [cis\n`,
    rule: "yaml-syntax",
    line: 9,
    column: 1,
    message: /flow sequence|Missing|expected/i,
  },
  {
    name: "unknown key with a did-you-mean",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM}    evidnce: x\n`,
    rule: "unknown-key",
    line: 12,
    column: 5,
    message: 'claims[0].evidnce: unknown key "evidnce"; did you mean "evidence"?',
  },
  {
    name: "wrong type",
    yaml: `${header(SOURCE)}claims:\n  - id: t-1\n    subject: cis\n    property: name\n    value: [a, b]\n    evidence: Union of Independent States\n`,
    rule: "schema",
    line: 10,
    column: 12,
    message: /^claims\[0\]\.value: expected a string or a number or true or false, got a list/,
  },
  {
    name: "a date value that is not a date",
    yaml: `${header(SOURCE)}claims:\n  - id: t-1\n    subject: azerbaijan_presidential_election_2024\n    property: date\n    value: Feb 7\n    evidence: February 7, 2024\n`,
    rule: "value-type",
    line: 10,
    column: 12,
    message:
      'claims[0].value: expected a date like 2024-02-07, 2024-02, 2024 or --12-19, got "Feb 7" (property "date" is of type date)',
  },
  {
    name: "duplicate id",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM}${VALID_CLAIM}`,
    rule: "duplicate-claim-id",
    line: 12,
    column: 9,
    message: /claim id "t-candidates" is already used/,
  },
  {
    name: "unknown subject",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM.replace("azerbaijan_presidential_election_2024", "azerbaijan_presidential_election_2042")}`,
    rule: "unknown-subject",
    line: 8,
    column: 14,
    message:
      'claims[0].subject: unknown subject "azerbaijan_presidential_election_2042"; did you mean "azerbaijan_presidential_election_2024"?',
  },
  {
    name: "unknown property",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM.replace("registered_candidates", "registred_candidates")}`,
    rule: "unknown-property",
    line: 9,
    column: 15,
    message:
      'claims[0].property: unknown property "registred_candidates"; did you mean "registered_candidates"?',
  },
  {
    name: "missing source",
    yaml: `${header("sources/missing.txt")}claims:\n${VALID_CLAIM}`,
    rule: "source-missing",
    line: 1,
    column: 9,
    message: "source: sources/missing.txt does not exist",
  },
  {
    name: "source outside the repository",
    yaml: `${header("../outside.txt")}claims:\n${VALID_CLAIM}`,
    rule: "source-path",
    line: 1,
    column: 9,
    message: /has a "\.\." part: a source is a plain path under sources\//,
  },
  {
    // .git/config holds the CI job's token; an article's text is printed and published.
    name: "source in a hidden folder of the repository",
    yaml: `${header(".git/config")}claims:\n${VALID_CLAIM}`,
    rule: "source-path",
    line: 1,
    column: 9,
    message: /".git\/config" names a hidden file or folder \(".git"\)/,
  },
  {
    name: "source in the repository but not under sources/",
    yaml: `${header("README.md")}claims:\n${VALID_CLAIM}`,
    rule: "source-path",
    line: 1,
    column: 9,
    message: /"README.md" is not in sources\//,
  },
  {
    name: "source path that climbs out and back, carrying a workflow command",
    yaml: `${header("::error title=Spoofed::forged/../sources/a.txt")}claims:\n${VALID_CLAIM}`,
    rule: "source-path",
    line: 1,
    column: 9,
    message: /has a "\.\." part: a source is a plain path under sources\/; write sources\/a\.txt/,
  },
  {
    name: "hidden file under sources/",
    yaml: `${header("sources/.secret.txt")}claims:\n${VALID_CLAIM}`,
    rule: "source-path",
    line: 1,
    column: 9,
    message: /names a hidden file or folder \("\.secret\.txt"\)/,
  },
  {
    name: "quote with one wrong letter",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM.replace("registered 7", "registerd 7")}`,
    rule: "quote-near-miss",
    line: 11,
    column: 15,
    message: /differs by 1 character/,
  },
  {
    name: "duplicate YAML key",
    yaml: `${header(SOURCE)}claims:\n${VALID_CLAIM}    value: 8\n`,
    rule: "duplicate-key",
    line: 12,
    column: 5,
    message: /Map keys must be unique/,
  },
];

describe("broken claims files", () => {
  it.each(cases)("$name → $rule at $line:$column", async (c) => {
    const root = makeProject({ "claims/t.yaml": c.yaml, [SOURCE]: ARTICLE });
    const { findings } = await checkProject({ root });
    const errors = findings.filter((f) => f.severity === "error");
    const hit = errors.find((f) => f.ruleId === c.rule);
    expect(hit, JSON.stringify(errors, null, 2)).toBeDefined();
    expect(hit!.location).toMatchObject({ file: "claims/t.yaml", line: c.line, column: c.column });
    if (typeof c.message === "string") expect(hit!.message).toBe(c.message);
    else expect(hit!.message).toMatch(c.message);
  });

  it("reports every problem in every file in one run", async () => {
    const root = makeProject({
      "claims/a.yaml": `${header(SOURCE)}claims:\n${VALID_CLAIM.replace("property: registered_candidates", "property: nmae")}`,
      "claims/b.yaml": `${header("sources/b.txt", "short_name: B\n").replace("short_name: Test\n", "")}claims:\n  - id: b-1\n    subject: ciss\n    property: name\n    value: x\n    evidence: y\n`,
      [SOURCE]: ARTICLE,
      "sources/b.txt": "y",
    });
    const { findings } = await checkProject({ root });
    const rules = findings
      .filter((f) => f.severity === "error")
      .map((f) => `${f.location.file}:${f.ruleId}`);
    expect(rules).toEqual(
      expect.arrayContaining(["claims/a.yaml:unknown-property", "claims/b.yaml:unknown-subject"]),
    );
  });

  it("keeps positions right in a file with CRLF line endings", async () => {
    const yaml =
      `${header(SOURCE)}claims:\n${VALID_CLAIM.replace("property: registered_candidates", "property: nmae")}`.replace(
        /\n/g,
        "\r\n",
      );
    const root = makeProject({ "claims/t.yaml": yaml, [SOURCE]: ARTICLE });
    const { findings } = await checkProject({ root });
    expect(findings.find((f) => f.ruleId === "unknown-property")?.location).toMatchObject({
      line: 9,
      column: 15,
    });
  });
});
