import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, BUNDLED_ARTICLES, copyBundled, runCli } from "../helpers/project.js";

const NEW_ARTICLE = "sources/2024-03-01_newswire_cis-council-meets.txt";
const NEW_TEXT = `CIS council meets in Baku

  date 2024-03-01
BAKU, Azerbaijan, February 29. The Council of Heads of Government of the Commonwealth of Independent States met on Thursday.
`;

describe("claimcheck init (real process)", { timeout: 60_000 }, () => {
  it("builds the bundle the tests run", () => {
    expect(existsSync(BIN), "run `npm run build` first").toBe(true);
  });

  it("writes the claims file with the header the text shows; it validates as written, with a warning for the outlet to fill in", () => {
    const root = copyBundled();
    writeFileSync(join(root, NEW_ARTICLE), NEW_TEXT);
    const r = runCli(["init", NEW_ARTICLE], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const claimsFile = "claims/2024-03-01_newswire_cis-council-meets.yaml";
    expect(r.stdout).toContain(`wrote ${claimsFile}`);
    expect(r.stdout).toMatch(/published +2024-03-01/);

    const text = readFileSync(join(root, claimsFile), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../claims.schema.json");
    expect(parse(text)).toEqual({
      source: NEW_ARTICLE,
      outlet: "TODO: the outlet's name",
      published: "2024-03-01",
      dateline: { place: "Baku", date: "--02-29", evidence: "BAKU, Azerbaijan, February 29" },
      title: "CIS council meets in Baku",
      claims: null,
    });
    expect(text).toContain('(the file name says "newswire")');
    expect(text).toMatch(/^ {2}# - id: newswire-01/m);

    // Already formatted as fmt would format it.
    expect(runCli(["fmt", "--check", claimsFile], { cwd: root }).code).toBe(0);

    // No claims yet: valid, and the placeholder init wrote for the outlet is a located warning.
    const before = runCli(["validate"], { cwd: root });
    expect(before.stdout).toContain(
      `${claimsFile}\n  3:9      warning  outlet: still the placeholder "TODO: the outlet's name"; write the outlet or publisher, as the report should name it  placeholder\n`,
    );
    expect(before.stdout).toMatch(
      new RegExp(
        `${BUNDLED_ARTICLES + 1} claims files, \\d+ claims: all valid, every quote found \\(1 warning\\)`,
      ),
    );
    expect(before.code).toBe(0);

    // And the assistant works on it at once.
    const suggested = runCli(["suggest", NEW_ARTICLE], { cwd: root });
    expect(suggested.stderr).toMatch(/^\d+ suggested claims? for \d+ uncovered statements? of /m);
    // "met on Thursday": a weekday, pointed to as a lead.
    expect(suggested.stderr).toMatch(/^1 lead: .*\n {2}line \d+: date "Thursday" \(relative\)/);
    expect(suggested.stdout).toContain("value: Commonwealth of Independent States");
    expect(suggested.code).toBe(0);

    appendFileSync(
      join(root, claimsFile),
      [
        "  - id: nw-cis-name",
        "    subject: cis",
        "    property: name",
        "    value: Commonwealth of Independent States",
        "    evidence: the Commonwealth of Independent States met",
        "",
      ].join("\n"),
    );
    const after = runCli(["validate"], { cwd: root });
    expect(after.stdout).toMatch(
      new RegExp(`${BUNDLED_ARTICLES + 1} claims files, \\d+ claims: all valid, every quote found`),
    );
    expect(after.code).toBe(0);
  });

  it("leaves the title out when the text has no headline, and the report names the article by its file name", () => {
    const root = copyBundled();
    const article = "sources/2024-01-12_newswire_asanov-named-coordinator.txt";
    writeFileSync(
      join(root, article),
      "6 Feb. 10:30 (UTC+3 MSK)\n\nBAKU, Azerbaijan, January 12. The Commonwealth of Independent States named a coordinator.\n",
    );
    const r = runCli(["init", article], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /title +none: line 3 holds a dateline: it is the body's first line; the report will use the file name/,
    );
    const claimsFile = join(root, "claims/2024-01-12_newswire_asanov-named-coordinator.yaml");
    expect(parse(readFileSync(claimsFile, "utf8")).title).toBeUndefined();
    writeFileSync(
      claimsFile,
      readFileSync(claimsFile, "utf8").replace("TODO: the outlet's name", "Newswire"),
    );
    expect(runCli(["validate"], { cwd: root }).code).toBe(0);
    const report = JSON.parse(runCli(["report", "--format", "json"], { cwd: root }).stdout);
    expect(
      report.sources.find((s: { sourcePath: string }) => s.sourcePath === article),
    ).toMatchObject({ title: "Asanov named coordinator", titleFromFileName: true });
  });

  it("works from another directory with --root", () => {
    const root = copyBundled();
    writeFileSync(join(root, NEW_ARTICLE), NEW_TEXT);
    const r = runCli(["--root", root, "init", NEW_ARTICLE], { cwd: tmpdir() });
    expect(r.code).toBe(0);
    expect(existsSync(join(root, "claims/2024-03-01_newswire_cis-council-meets.yaml"))).toBe(true);
  });

  it("refuses to overwrite an existing claims file (exit 2), and leaves it as it was", () => {
    const root = copyBundled();
    const existing = "claims/2024-02-05_trend_prosecutor-general-meets-cis-observers.yaml";
    const before = readFileSync(join(root, existing));
    const r = runCli(
      ["init", "sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt"],
      { cwd: root },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `claimcheck: ${existing} already exists; init never overwrites a claims file (edit it, or delete it to start again)\n`,
    );
    expect(readFileSync(join(root, existing))).toEqual(before);
  });

  it("refuses an article another claims file already annotates", () => {
    const root = copyBundled();
    const name = "2024-02-05_trend_prosecutor-general-meets-cis-observers";
    cpSync(join(root, `claims/${name}.yaml`), join(root, "claims/renamed.yaml"));
    rmSync(join(root, `claims/${name}.yaml`));
    const r = runCli(["init", `sources/${name}.txt`], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sources/${name}.txt is already annotated by claims/renamed.yaml`);
    expect(existsSync(join(root, `claims/${name}.yaml`))).toBe(false);
  });

  it("refuses an article that is missing or outside the repository", () => {
    const root = copyBundled();
    const outside = join(mkdtempSync(join(tmpdir(), "claimcheck-outside-")), "article.txt");
    writeFileSync(outside, NEW_TEXT);
    const missing = runCli(["init", "sources/nope.txt"], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("claimcheck: sources/nope.txt does not exist\n");
    const away = runCli(["init", outside], { cwd: root });
    expect(away.code).toBe(2);
    expect(away.stderr).toMatch(/is outside the repository .*; the article must be inside it/);
  });
});
