/**
 * A finding's identity across runs and commits (findings/identity.ts), and what depends on it:
 * the baseline's new / unchanged / fixed, and SARIF's fingerprints. Then a project that lives in
 * a folder of its repository (data/claims/…): annotations, SARIF and the baseline name files
 * from the repository's top.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sortFindings } from "../../src/findings/finding.js";
import { compareWithBaseline, findingIdentities } from "../../src/findings/identity.js";
import { runReport } from "../../src/pipeline/report.js";
import { AZERNEWS, git, initRepo, setClaimValue, TREND } from "../ci/helpers.js";
import { runnerCommands } from "../formats/helpers.js";
import { copyBundled, REPO, runCli } from "../helpers/project.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function findingsOf(root: string) {
  return sortFindings((await runReport({ root })).report().findings);
}

describe("identity", () => {
  it("stays when lines move: a comment and a new claim above every finding of a file", async () => {
    const root = copyBundled();
    made.push(root);
    const before = await findingsOf(root);
    const path = join(root, TREND);
    const text = readFileSync(path, "utf8");
    writeFileSync(
      path,
      text.replace(
        "claims:\n",
        "# Reviewed twice.\n\nclaims:\n  - id: trd-extra\n    subject: ilham_aliyev\n    property: name\n    value: Ilham Aliyev\n    evidence: Ilham Aliyev signed a decree\n",
      ),
    );
    const after = await findingsOf(root);
    const { states, fixed } = compareWithBaseline(after, before);
    const moved = after.filter((f, i) => f.location.file === TREND && states[i] === "unchanged");
    expect(moved.length).toBeGreaterThan(0);
    // Every finding of the edited file moved down, and is still the same finding…
    for (const f of moved) {
      const old = before.find((b) => b.message === f.message && b.ruleId === f.ruleId);
      expect(old && f.location.line > old.location.line).toBe(true);
    }
    // …and nothing was fixed; what is new is about the added claim only.
    expect(fixed).toEqual([]);
    const fresh = after.filter((_, i) => states[i] === "new");
    expect(fresh.every((f) => f.about === "Ilham Aliyev" || f.message.includes("trd-extra"))).toBe(
      true,
    );
  });

  it("changes with the value: a changed value is new, the findings elsewhere unchanged", async () => {
    const root = copyBundled();
    made.push(root);
    const before = await findingsOf(root);
    setClaimValue(root, AZERNEWS, "azn-election-date", '"2024-02-08"');
    const after = await findingsOf(root);
    const { states, fixed } = compareWithBaseline(after, before);
    const fresh = after.filter((_, i) => states[i] === "new");
    expect(fresh.some((f) => f.ruleId === "conflict" && f.about === "2024-02-08")).toBe(true);
    expect(fresh.every((f) => f.location.file === AZERNEWS)).toBe(true);
    // The old value agreed with the others: no finding of it to fix.
    expect(fixed).toEqual([]);
  });

  it("is unique within a run, so SARIF fingerprints are too", async () => {
    const ids = findingIdentities(await findingsOf(REPO));
    expect(new Set(ids).size).toBe(ids.length);
    const sarif = JSON.parse(readFileSync(join(REPO, "test/golden/bundled.sarif"), "utf8"));
    const prints = sarif.runs[0].results.map(
      (r: { partialFingerprints: Record<string, string> }) =>
        r.partialFingerprints["claimcheckFinding/v2"],
    );
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe("a project in a folder of its repository", () => {
  it("names files from the repository's top in annotations, SARIF and the baseline", () => {
    const top = mkdtempSync(join(tmpdir(), "claimcheck-subdir-"));
    made.push(top);
    mkdirSync(join(top, "data"));
    for (const dir of ["claims", "sources"])
      cpSync(join(REPO, dir), join(top, "data", dir), { recursive: true });
    writeFileSync(join(top, "README.md"), "A repository with its claims in data/.\n");
    initRepo(top);
    git(top, "checkout", "-q", "-b", "feature");
    const line = setClaimValue(join(top, "data"), AZERNEWS, "azn-election-date", '"2024-02-08"');
    git(top, "commit", "-q", "-am", "Azernews: election date");

    const sarifPath = join(top, "out.sarif");
    const r = runCli(
      [
        "--root",
        "data",
        "report",
        "-f",
        "github",
        "-o",
        `sarif=${sarifPath}`,
        "--baseline",
        "main",
      ],
      { cwd: top },
    );
    expect(r.code, r.stderr).toBe(1);
    const errors = runnerCommands(r.stdout).filter((c) => c.name === "error");
    expect(errors.map((e) => `${e.props.file}:${e.props.line}`)).toEqual([
      `data/${AZERNEWS}:${line}`,
    ]);
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8"));
    const uris = new Set(
      sarif.runs[0].results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris].every((u) => String(u).startsWith("data/claims/"))).toBe(true);
    expect(r.stderr).toMatch(/against main \([0-9a-f]{12}\): \d+ new/);
  });
});
