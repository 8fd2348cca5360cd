import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copyBundled, makeProject, runCli } from "../helpers/project.js";

const UNSORTED = `# yaml-language-server: $schema=../claims.schema.json
title: A test article # kept
source: sources/a.txt
outlet: Test Outlet
published: 2024-02-06
claims:
  # a group
  - evidence: x
    value: y
    id: t-1
    subject: cis
    property: name
`;

const snapshot = (root: string) =>
  Object.fromEntries(
    readdirSync(join(root, "claims")).map((f) => [
      f,
      readFileSync(join(root, "claims", f), "utf8"),
    ]),
  );

describe("claimcheck fmt (real process)", { timeout: 60_000 }, () => {
  it("formats the bundled files without changing what they say", () => {
    const root = copyBundled();
    const before = snapshot(root);
    const validBefore = runCli(["validate"], { cwd: root });
    const r = runCli(["fmt"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = snapshot(root);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [file, text] of Object.entries(before)) {
      expect(parse(after[file]!), file).toEqual(parse(text));
      for (const line of text.split("\n").filter((l) => l.trim().startsWith("#"))) {
        expect(after[file], file).toContain(line);
      }
    }
    const check = runCli(["fmt", "--check"], { cwd: root });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/✓ \d+ files already formatted/);
    expect(runCli(["validate"], { cwd: root }).stdout).toBe(validBefore.stdout);
  });

  it("the repository's own claims files are formatted (fmt --check passes)", () => {
    const r = runCli(["fmt", "--check"]);
    expect(r.stdout).toMatch(/✓ \d+ files already formatted/);
    expect(r.code).toBe(0);
  });

  it("--check exits 1 and lists the files that would change, changing nothing", () => {
    const root = makeProject({ "claims/t.yaml": UNSORTED, "sources/a.txt": "x" });
    const r = runCli(["fmt", "--check"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "claims/t.yaml\n1 file would be reformatted; run `claimcheck fmt` to format it\n",
    );
    expect(readFileSync(join(root, "claims/t.yaml"), "utf8")).toBe(UNSORTED);
  });

  it("formats, atomically (no file left behind), and then --check passes", () => {
    const root = makeProject({ "claims/t.yaml": UNSORTED, "sources/a.txt": "x" });
    const r = runCli(["fmt"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("formatted claims/t.yaml\n");
    expect(
      readFileSync(join(root, "claims/t.yaml"), "utf8"),
    ).toBe(`# yaml-language-server: $schema=../claims.schema.json
source: sources/a.txt
outlet: Test Outlet
published: "2024-02-06"
title: A test article # kept

claims:
  # a group
  - id: t-1
    subject: cis
    property: name
    value: y
    evidence: x
`);
    expect(readdirSync(join(root, "claims")).sort()).toEqual(["t.yaml", "vocabulary.yaml"]);
    expect(runCli(["fmt", "--check"], { cwd: root }).code).toBe(0);
  });

  it("formats only the files named", () => {
    const root = makeProject({
      "claims/t.yaml": UNSORTED,
      "claims/u.yaml": UNSORTED,
      "sources/a.txt": "x",
    });
    expect(runCli(["fmt", "claims/u.yaml"], { cwd: root }).code).toBe(0);
    expect(readFileSync(join(root, "claims/t.yaml"), "utf8")).toBe(UNSORTED);
    expect(readFileSync(join(root, "claims/u.yaml"), "utf8")).not.toBe(UNSORTED);
  });

  it("never touches a file that does not parse: reports it with its line, exit 2", () => {
    const broken = "source: sources/a.txt\nclaims:\n  - id: [t-1\n    subject: cis\n";
    const root = makeProject({
      "claims/broken.yaml": broken,
      "claims/t.yaml": UNSORTED,
      "sources/a.txt": "x",
    });
    for (const args of [["fmt", "--check"], ["fmt"]]) {
      const r = runCli(args, { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/claims\/broken\.yaml\n\s+\d+:\d+\s+error/);
      expect(r.stderr).toContain("claims/broken.yaml does not parse; not formatted");
      expect(readFileSync(join(root, "claims/broken.yaml"), "utf8")).toBe(broken);
    }
    // The other file was still formatted by the run without --check.
    expect(readFileSync(join(root, "claims/t.yaml"), "utf8")).not.toBe(UNSORTED);
  });

  it("exit 2 for a file that does not exist or lies outside the repository", () => {
    const root = makeProject({ "sources/a.txt": "x" });
    expect(runCli(["fmt", "claims/nope.yaml"], { cwd: root })).toMatchObject({
      code: 2,
      stderr: "claimcheck: claims/nope.yaml does not exist\n",
    });
    writeFileSync(join(root, "..", "outside.yaml"), "a: 1\n");
    expect(runCli(["fmt", "../outside.yaml"], { cwd: root }).code).toBe(2);
  });
});
