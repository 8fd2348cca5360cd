/**
 * The most common failing pull request: a misspelt key and a quote that is not in its article.
 * The workflow runs validate first, then report; both must put the problems where a reviewer
 * looks, in every format asked for: annotations at the exact place, SARIF results, the job
 * summary, JUnit failures, JSON. Through the real CLI.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runnerCommands } from "../formats/helpers.js";
import { copyBundled, runCli } from "../helpers/project.js";
import { TREND } from "./helpers.js";

let root = "";
let out = "";
/** Where the two mistakes are, as `file:line:column`. */
let misspelt = "";
let notFound = "";

beforeAll(() => {
  root = copyBundled();
  out = mkdtempSync(join(tmpdir(), "claimcheck-invalid-out-"));
  const path = join(root, TREND);
  const lines = readFileSync(path, "utf8").split("\n");
  // A misspelt key on the first claim, and one word of another claim's quote changed.
  const firstClaim = lines.findIndex((l) => l.startsWith("  - id: "));
  lines.splice(firstClaim + 1, 0, "    subjcet: typo");
  misspelt = `${TREND}:${firstClaim + 2}:5`;
  const quote = lines.findIndex((l, i) => i > firstClaim + 20 && /^ {4}evidence: \S/.test(l));
  lines[quote] = lines[quote]!.replace(/evidence: (\S+)/, "evidence: $1 invented");
  notFound = `${TREND}:${quote + 1}:15`;
  writeFileSync(path, lines.join("\n"));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe.each(["validate", "report"])("%s on invalid input", (command) => {
  it("exits 2 and carries both problems into every format", () => {
    const summary = join(out, `${command}-summary.md`);
    const r = runCli(
      [
        "--root",
        root,
        command,
        "-f",
        "github",
        "-o",
        `sarif=${join(out, `${command}.sarif`)}`,
        "-o",
        `junit=${join(out, `${command}.xml`)}`,
        "-o",
        `json=${join(out, `${command}.json`)}`,
        "-f",
        "markdown",
      ],
      { env: { GITHUB_STEP_SUMMARY: summary } },
    );
    expect(r.code).toBe(2);

    // Annotations, each at its place.
    const errors = runnerCommands(r.stdout).filter((c) => c.name === "error");
    const at = errors.map((c) => `${c.props.file}:${c.props.line}:${c.props.col}`);
    expect(at).toContain(misspelt);
    expect(at).toContain(notFound);
    expect(errors.find((c) => misspelt.endsWith(`:${c.props.line}:5`))?.data).toMatch(
      /unknown key "subjcet"; did you mean "subject"\?/,
    );

    // SARIF: one result each, at the same places.
    const sarif = JSON.parse(readFileSync(join(out, `${command}.sarif`), "utf8"));
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
    const places = results.map((x) => {
      const p = x.locations[0]!.physicalLocation;
      return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn}`;
    });
    expect(places).toContain(misspelt);
    expect(places).toContain(notFound);

    // The job summary says nothing was compared, and lists both.
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("## claimcheck: the claims files are invalid");
    expect(md).toMatch(/2 errors in 1 file: nothing was compared/);
    expect(md).toContain("unknown key &quot;subjcet&quot;");

    // JUnit: two failures.
    const junit = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(join(out, `${command}.xml`), "utf8"),
    );
    expect(Number(junit.testsuites["@_failures"])).toBe(2);

    // JSON: the report, marked as one in which nothing was compared.
    const json = JSON.parse(readFileSync(join(out, `${command}.json`), "utf8"));
    expect(json.validationOnly).toBe(true);
    expect(json.groups).toEqual([]);
    expect(json.summary.severities.error).toBe(2);
  });

  it("prints JSON, and only JSON, with -f json", () => {
    const r = runCli(["--root", root, command, "-f", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).findings).toHaveLength(2);
  });
});
