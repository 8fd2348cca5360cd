import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { copyBundled, runCli } from "../helpers/project.js";

const ARTICLE = "sources/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.txt";
const CLAIMS = "claims/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.yaml";

describe("claimcheck suggest (real process)", { timeout: 60_000 }, () => {
  it("prints suggestions to paste, changing nothing", () => {
    const root = copyBundled();
    const before = readFileSync(join(root, CLAIMS), "utf8");
    const r = runCli(["suggest", ARTICLE], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}# Suggested by `claimcheck suggest`/);
    expect(r.stdout).toContain("  - id: u24-s1\n");
    expect(r.stdout).toContain("    status: suggested\n");
    // Two statements are uncovered: the liberated territories' name, and "a press conference
    // today", dated from the publication date since the vocabulary knows the event.
    expect(r.stderr).toMatch(/^2 suggested claims for 2 uncovered statements of sources\//);
    expect(r.stdout).toContain("    subject: cis_mission_press_conference_2024\n");
    expect(r.stdout).toContain('    value: "2024-02-08"\n');
    expect(readFileSync(join(root, CLAIMS), "utf8")).toBe(before);
    // What it prints parses as a list of claims.
    expect(parseDocument(r.stdout).toJS()).toHaveLength(2);
  });

  it("--write appends, keeping every byte; validate passes with notes; a second run has nothing left", () => {
    const root = copyBundled();
    const before = readFileSync(join(root, CLAIMS), "utf8");
    const reportBefore = runCli(["report", "--format", "json"], { cwd: root });

    const w = runCli(["suggest", CLAIMS, "--write"], { cwd: root });
    expect(w.stderr).toBe("");
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/appended 2 suggested claims .* \(u24-s1 … u24-s2\)/);
    const after = readFileSync(join(root, CLAIMS), "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(/^\n {2}# Suggested by/);

    const v = runCli(["validate"], { cwd: root });
    expect(v.code).toBe(0);

    // Suggested claims are not compared: the report's facts are unchanged.
    const reportAfter = runCli(["report", "--format", "json"], { cwd: root });
    expect(reportAfter.code).toBe(reportBefore.code);
    const [a, b] = [JSON.parse(reportAfter.stdout), JSON.parse(reportBefore.stdout)];
    expect(a.groups.length).toBeGreaterThan(10);
    expect(a.groups).toEqual(b.groups);
    expect(a.summary.verdicts).toEqual(b.summary.verdicts);
    expect(a.summary.comparisons).toBe(b.summary.comparisons);

    const c = runCli(["coverage", ARTICLE], { cwd: root });
    expect(c.stdout).toMatch(/16\/18 covered \(88\.9%\), 2 by suggested claims awaiting review/);

    const again = runCli(["suggest", ARTICLE, "--write"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /nothing to suggest: every checkable statement of sources\/.* is covered/,
    );
    expect(readFileSync(join(root, CLAIMS), "utf8")).toBe(after);
  });

  it("two new articles of one outlet, printed and not written: no id in common", () => {
    const root = copyBundled();
    const texts = {
      "sources/2024-02-09_newswire_cis-mission-ends.txt":
        "The CIS observation mission led by Sergey Lebedev ended its work on February 8.\n",
      "sources/2024-02-09_newswire_sco-mission-ends.txt":
        "The SCO mission led by Rashid Alimov ended its work on February 8.\n",
    };
    const ids: string[][] = [];
    for (const [path, text] of Object.entries(texts)) {
      writeFileSync(join(root, path), text);
      expect(runCli(["init", path], { cwd: root }).code).toBe(0);
    }
    for (const path of Object.keys(texts)) {
      const r = runCli(["suggest", path], { cwd: root });
      expect(r.code).toBe(0);
      ids.push([...r.stdout.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!));
    }
    expect(ids[0]).toContain("newswire-cis-s1");
    expect(ids[1]).toContain("newswire-sco-s1");
    expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
  });

  it("a fact the file already claims at another mention is left out, and the summary says so", () => {
    // The bundled file claims the election's status once; the article states it again.
    const root = copyBundled();
    const azernews = "sources/2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt";
    const none = runCli(["suggest", azernews], { cwd: root });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(
      /nothing to suggest for the 1 uncovered statement of .*: 1 restates a fact the file already claims at another mention \(claimcheck coverage lists them\)/,
    );
    // The press conference's day, claimed by a quote elsewhere in the article: one proposal is left.
    const claimed = `  - id: u24-press-conference-day\n    subject: cis_mission_press_conference_2024\n    property: date\n    value: "2024-02-08"\n    evidence: Sergey Lebedev extended his congratulations\n`;
    writeFileSync(join(root, CLAIMS), readFileSync(join(root, CLAIMS), "utf8") + claimed);
    const one = runCli(["suggest", ARTICLE], { cwd: root });
    expect(one.code).toBe(0);
    expect(one.stderr).toMatch(
      /^1 suggested claim for 2 uncovered statements of sources\/.*\(1 more not proposed: the file already claims its fact at another mention\)/,
    );
    expect(parseDocument(one.stdout).toJS()).toHaveLength(1);
  });

  it("--write refuses a claims file with errors, and leaves it alone", () => {
    const root = copyBundled();
    const broken = readFileSync(join(root, CLAIMS), "utf8").replace(
      "subject: ilham_aliyev",
      "subject: ilham_aliev",
    );
    writeFileSync(join(root, CLAIMS), broken);
    const r = runCli(["suggest", ARTICLE, "--write"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 1 error; fix them first \(claimcheck validate\)/);
    expect(readFileSync(join(root, CLAIMS), "utf8")).toBe(broken);
  });
});
