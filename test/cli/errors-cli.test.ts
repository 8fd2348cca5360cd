import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeProject, REPO, runCli } from "../helpers/project.js";

/** Errors in the annotator's words, with the line and column, as the terminal shows them. */
const ARTICLE = readFileSync(
  join(REPO, "sources/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt"),
);

const HEADER = `source: sources/a.txt
outlet: Test Outlet
published: "2024-02-06"
title: A test article
claims:
`;

const CLAIMS = `  - id: t-date
    subject: azerbaijan_presidential_election_2024
    property: date
    value: Feb 7
    evidence: February 7, 2024
  - id: t-subject
    subject: sergey_lebedv
    property: name
    value: Sergey Lebedev
    evidence: Sergey Lebedev
  - id: t-property
    subject: sergey_lebedev
    property: nmae
    value: Sergey Lebedev
    evidence: Sergey Lebedev
  - id: t-keys
    subject: sergey_lebedev
    property: name
    value: Sergey Lebedev
    qualifiers: {aproximate: about}
    evidence: Sergey Lebedev
    staus: accepted
  - id: t-status
    subject: sergey_lebedev
    property: name
    value: Sergey Lebedev
    evidence: Sergey Lebedev
    status: acepted
`;

describe("validation errors speak the annotator's language (real process)", {
  timeout: 60_000,
}, () => {
  const run = (yaml: string) => {
    const root = makeProject({ "claims/t.yaml": yaml, "sources/a.txt": ARTICLE });
    const r = runCli(["--root", root, "validate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("");
    return r.stdout;
  };

  let out = "";
  beforeAll(() => {
    out = run(HEADER + CLAIMS);
  });

  it("a date that is not a date: the path, what was expected, what was written, and the line", () => {
    expect(out).toMatch(
      /^ {2}9:12 +error +claims\[0\]\.value: expected a date like 2024-02-07[^\n]*, got "Feb 7"/m,
    );
  });

  it.each([
    [
      "a subject",
      /^ {2}12:14 +error +claims\[1\]\.subject: unknown subject "sergey_lebedv"; did you mean "sergey_lebedev"\?/m,
    ],
    [
      "a property",
      /^ {2}18:15 +error +claims\[2\]\.property: unknown property "nmae"; did you mean "name"\?/m,
    ],
    [
      "a claim's key",
      /^ {2}27:5 +error +claims\[3\]\.staus: unknown key "staus"; did you mean "status"\?/m,
    ],
    [
      "a qualifier's key",
      /^ {2}25:18 +error +claims\[3\]\.qualifiers\.aproximate: unknown key "aproximate"; did you mean "approximate"\?/m,
    ],
    [
      "a status",
      /^ {2}33:13 +error +claims\[4\]\.status: [^\n]*got "acepted"; did you mean "accepted"\?/m,
    ],
  ])("did you mean, for %s", (_what, expected) => {
    expect(out).toMatch(expected);
  });

  it("did you mean, for a header key", () => {
    expect(run(HEADER.replace("outlet:", "outlett:") + CLAIMS)).toMatch(
      /^ {2}2:1 +error +outlett: unknown key "outlett"; did you mean "outlet"\?/m,
    );
  });
});
