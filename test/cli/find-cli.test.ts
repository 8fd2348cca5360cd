import { describe, expect, it } from "vitest";
import { BUNDLED_ARTICLES, makeProject, runCli } from "../helpers/project.js";

const U18 = "sources/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt";
const U24 = "sources/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.txt";

describe("claimcheck find (real process)", { timeout: 60_000 }, () => {
  it("prints each exact match as path:line:col with its context, exit 0", () => {
    const r = runCli(["find", "Ilham Aliyev has received"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${U18}:7:41: President of the Republic of Azerbaijan Ilham Aliyev has received a delegation .*…$`,
      ),
    );
    expect(lines[1]).toMatch(new RegExp(`^${U24}:6:41: `));
  });

  it("matches as grounding does: spacing and curly quotes do not matter", () => {
    const r = runCli(["find", "Election 2024”  Independent Media Center"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^sources\/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation\.txt:\d+:\d+: /,
    );
  });

  it("searches one article with --source", () => {
    const r = runCli(["find", "Ilham Aliyev has received", "--source", U24]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`^${U24}:6:41: `));
  });

  it("on a near miss (llham for Ilham) shows the closest passages with a character diff, exit 1", () => {
    const r = runCli(["find", "llham Aliyev has received"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `not found: "llham Aliyev has received" is not in ${BUNDLED_ARTICLES} articles\n`,
    );
    expect(r.stdout).toContain(`  ${U18}:7:41  1 character differs (a near miss: a typo?)\n`);
    expect(r.stdout).toContain("    article: [-I-]lham Aliyev has received\n");
    expect(r.stdout).toContain("    quote:   {+l+}lham Aliyev has received\n");
  });

  it("says so when nothing comes close, exit 1", () => {
    const r = runCli(["find", "penguins of the Antarctic ice shelf", "--source", U18]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `not found: "penguins of the Antarctic ice shelf" is not in ${U18}\nno passage comes close (fewer than half of the characters match)\n`,
    );
  });

  it("escapes what an article contains before it reaches the terminal", () => {
    const root = makeProject({
      "sources/evil.txt": "before \u001b[2J\u001b]0;pwned\u0007 the evil words \u202e after",
    });
    const r = runCli(["find", "the evil words"], { cwd: root });
    expect(r.code).toBe(0);
    for (const ch of ["\u001b", "\u0007", "\u202e"]) expect(r.stdout).not.toContain(ch);
    expect(r.stdout).toContain("\\u{1b}[2J");
  });

  it("exit 2 for an empty quote or a missing source", () => {
    expect(runCli(["find", "  "]).code).toBe(2);
    const r = runCli(["find", "x", "--source", "sources/nope.txt"]);
    expect(r).toMatchObject({ code: 2, stderr: "claimcheck: sources/nope.txt does not exist\n" });
  });
});
