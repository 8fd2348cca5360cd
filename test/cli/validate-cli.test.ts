import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_ARTICLES, header, makeProject, REPO, runCli } from "../helpers/project.js";

const REPO_PARENT = join(REPO, "..");

describe("claimcheck validate (real process)", () => {
  it("exits 0 on the bundled articles", () => {
    const r = runCli(["validate"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`${BUNDLED_ARTICLES} claims files, \\d+ claims: all valid, every quote found`),
    );
  });

  it("exits 2 with located errors and a one-line summary on invalid input, never a stack trace", () => {
    const root = makeProject({
      "claims/t.yaml": `${header("sources/a.txt")}claims:\n  - id: t-1\n    subject: cis\n    property: nmae\n    value: x\n    evidence: x\n    evidnce: y\n`,
      "sources/a.txt": readFileSync(
        join(REPO, "sources/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt"),
      ),
    });
    const r = runCli(["--root", root, "validate"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '12:5     error    claims[0].evidnce: unknown key "evidnce"; did you mean "evidence"?',
    );
    expect(r.stdout).toMatch(/^\d+ errors? in 1 file: nothing was compared/m);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("exits 2 on an unknown option, with commander's message", () => {
    const r = runCli(["validate", "--nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--nope'/);
  });
});

describe("a wrong --root", () => {
  it("is a clear usage error with exit 2, not an internal error", () => {
    const missing = runCli(["--root", "/nonexistent-claimcheck-root", "report"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "claimcheck: --root /nonexistent-claimcheck-root: no such directory\n",
    );
    const noClaims = runCli(["--root", REPO_PARENT, "validate"]);
    expect(noClaims.code).toBe(2);
    expect(noClaims.stderr).toMatch(/has no claims\/ folder/);
    // A file on the way (ENOTDIR), not just a missing folder.
    const throughFile = runCli(["--root", "README.md/sub", "report"]);
    expect(throughFile.code).toBe(2);
    expect(throughFile.stderr).toBe("claimcheck: --root README.md/sub: no such directory\n");
  });
});

describe("without --root", () => {
  it("finds the repository from a folder inside it, searching upward as git does", () => {
    const root = makeProject({
      "claims/t.yaml": `${header("sources/a.txt")}claims:\n  - id: t-1\n    subject: cis\n    property: acronym\n    value: CIS\n    evidence: the CIS met\n`,
      "sources/a.txt": "Today the CIS met.\n",
      "sources/deeper/notes.txt": "",
    });
    for (const cwd of [join(root, "claims"), join(root, "sources/deeper")]) {
      const r = runCli(["validate"], { cwd });
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/1 claims file, 1 claim: all valid/);
      expect(r.code).toBe(0);
    }
    // A path on the command line is read from where the user is.
    const s = runCli(["coverage", "../sources/a.txt"], { cwd: join(root, "claims") });
    expect(s.stderr).toBe("");
    expect(s.stdout).toContain("sources/a.txt");
  });

  it("outside any claims repository: a clear error that names setup, exit 2", () => {
    const outside = mkdtempSync(join(tmpdir(), "claimcheck-outside-"));
    mkdirSync(join(outside, "sub"));
    const r = runCli(["validate"], { cwd: join(outside, "sub") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `claimcheck: no claims/ folder in ${join(outside, "sub")} or any folder above it: run \`claimcheck setup\` to start a claims repository here, or point --root at one\n`,
    );
  });
});
